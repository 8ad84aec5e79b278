#pragma once
/// "Did you mean": spelling corrections from the index's own vocabulary and its actor and source
/// names, without a spelling table (the indexer builds none).

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

#include "searcher/parse/actor_names.hpp"

namespace newsdex {

/// Index terms looked at per query word at most when looking two edits away, so a correction
/// stays fast on any index: about 15 ms per 100,000 terms (BBC: 3,195 terms under "s",
/// 0.46 ms). Terms are scanned in sorted order, so on a larger vocabulary the words late in
/// the alphabet go unseen.
inline constexpr std::size_t max_terms_scanned = 100000;

/// A query's words looked at for corrections at most, and the time a correction of one query may
/// take: past either, the rest of the query stays as typed (a pasted paragraph of typos costs no
/// more than this).
inline constexpr std::size_t max_corrected_words = 32;
inline constexpr std::chrono::milliseconds spelling_time_budget{300};

/// The Damerau–Levenshtein distance (optimal string alignment: insertions, deletions,
/// substitutions and swaps of neighbours) between two code-point strings. Stops early: any
/// distance above `limit` is returned as `limit + 1`.
[[nodiscard]] unsigned edit_distance(std::u32string_view a, std::u32string_view b, unsigned limit);

/// Suggests corrections for query words that the index holds rarely or not at all, and for
/// actor and source names that name nothing in it.
class SpellingCorrector {
public:
    /// `db` (and `names`, when given) must outlive the corrector; `stemmer` is the query's, to
    /// tell a known stem. Without `names`, actor names are compared with the index's actor
    /// terms only.
    SpellingCorrector(const Xapian::Database& db, Xapian::Stem stemmer, const ActorNames* names = nullptr,
                      std::size_t max_scanned = max_terms_scanned);

    /// The best replacement for `word` (as typed), lower-case; std::nullopt when the word is
    /// common enough in the index (by its stem), shorter than 2 letters, or nothing close is
    /// more frequent. First the words one edit away whose stems the index holds, scored by how
    /// many articles hold them (the stem's articles times the share of a few of them that write
    /// the word) and how likely the slip is (typo_costs). Then, for words of 5 letters or more,
    /// words two edits away with the same first letter.
    [[nodiscard]] std::optional<std::string> correct_word(std::string_view word) const;

    /// `text` with each word that correct_word() can improve replaced (its first capital
    /// kept), and the values of person:, org:, place:, actor:, source: and title: corrected as
    /// names or words; operators, other fields, wildcards and words with digits are left
    /// alone. std::nullopt when nothing changed.
    [[nodiscard]] std::optional<std::string> correct_query(const std::string& text) const;

    /// `text` (a plain query) with each word that no article writes, though its stem is
    /// indexed, replaced by the best word one edit away ("kicke" → "kicked": the query matched
    /// "kick" and found articles, but the word was mistyped). Words of letters only that are
    /// not their own stem are checked, against the first articles of their stem. std::nullopt
    /// when nothing changed.
    [[nodiscard]] std::optional<std::string> correct_unwritten(const std::string& text) const;

    /// The actor name closest to `name` when `name` names no actor of the index under `prefix`
    /// (XA any type, XP, XO, XL): a whole name ("Margret Thatcher" → "Margaret Thatcher") or a
    /// part of one ("Thacher" → "Thatcher"), in the index's capitals. std::nullopt when `name`
    /// resolves or nothing is close.
    [[nodiscard]] std::optional<std::string> correct_actor(std::string_view name, std::string_view prefix) const;

    /// The source name closest to `name` when no article has that source, as the articles
    /// write it. std::nullopt when `name` is a source or nothing is close.
    [[nodiscard]] std::optional<std::string> correct_source(std::string_view name) const;

private:
    // The index term of a word: its stem, as the indexer writes it.
    [[nodiscard]] std::string stem_term(const std::string& key) const;
    // Articles holding `term`, remembered.
    [[nodiscard]] Xapian::doccount frequency(const std::string& term) const;
    // The best word one edit from `typed` (see correct_word()); `written_only`, only a spelling
    // one of the first articles of its stem writes.
    [[nodiscard]] std::optional<std::string> one_edit_away(const std::u32string& typed, Xapian::doccount typed_frequency,
                                                           bool written_only) const;
    // The best word two edits from `typed`, by the stems with its first letter.
    [[nodiscard]] std::optional<std::string> two_edits_away(const std::string& key, const std::u32string& typed,
                                                            Xapian::doccount typed_frequency) const;
    // Of the first `sample` articles holding `term`, how many write `word` (lower-case), and how
    // many were read; with `first_only`, reading stops at the first that writes it.
    [[nodiscard]] std::pair<std::size_t, std::size_t> articles_writing(const std::string& term, const std::string& word,
                                                                       std::size_t sample, bool first_only = false) const;
    // Words (lower-case) of a few documents holding `term` whose stem it is.
    [[nodiscard]] std::vector<std::string> written_forms(const std::string& term) const;
    // A field's value corrected: as an actor name, a source name or words.
    [[nodiscard]] std::optional<std::string> correct_field(std::string_view field, const std::string& value) const;

    const Xapian::Database& m_db;
    Xapian::Stem m_stemmer;
    const ActorNames* m_names;
    std::size_t m_max_scanned;
    mutable std::unordered_map<std::string, Xapian::doccount> m_frequencies;
};

}  // namespace newsdex
