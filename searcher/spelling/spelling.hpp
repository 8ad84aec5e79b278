#pragma once
/// "Did you mean": spelling corrections from the index's own vocabulary, without a spelling
/// table (the indexer builds none).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace newsdex {

/// Index terms looked at per query word at most, so a correction stays fast on any index:
/// about 15 ms per 100,000 terms (BBC: 3,195 terms under "s", 0.46 ms). Terms are scanned
/// in sorted order, so on a larger vocabulary the words late in the alphabet go unseen.
inline constexpr std::size_t max_terms_scanned = 100000;

/// The Damerau–Levenshtein distance (optimal string alignment: insertions, deletions,
/// substitutions and swaps of neighbours) between two code-point strings. Stops early: any
/// distance above `limit` is returned as `limit + 1`.
[[nodiscard]] unsigned edit_distance(std::u32string_view a, std::u32string_view b, unsigned limit);

/// Suggests corrections for query words that the index holds rarely or not at all.
class SpellingCorrector {
public:
    /// `db` must outlive the corrector; `stemmer` is the query's, to tell a known stem.
    SpellingCorrector(const Xapian::Database& db, Xapian::Stem stemmer, std::size_t max_scanned = max_terms_scanned);

    /// The best replacement for `word` (as typed), lower-case; std::nullopt when the word is
    /// common enough in the index (by its stem), too short (under 3 letters), or nothing
    /// close is more frequent. Candidates are the words of the index (found by their stems,
    /// then read from a few documents) with the same first letter within distance 2 (1 for
    /// words of up to 4 letters); the closest wins, and a farther one only when it is many
    /// times more frequent.
    [[nodiscard]] std::optional<std::string> correct_word(std::string_view word) const;

    /// `text` with each word that correct_word() can improve replaced (its first capital
    /// kept); operators, field names and values, wildcards and words with digits are left
    /// alone. std::nullopt when no word changed.
    [[nodiscard]] std::optional<std::string> correct_query(const std::string& text) const;

private:
    // The index term of a word: its stem, as the indexer writes it.
    [[nodiscard]] std::string stem_term(const std::string& key) const;
    // Words (lower-case) of a few documents holding `term` whose stem it is.
    [[nodiscard]] std::vector<std::string> written_forms(const std::string& term) const;

    const Xapian::Database& m_db;
    Xapian::Stem m_stemmer;
    std::size_t m_max_scanned;
};

}  // namespace newsdex
