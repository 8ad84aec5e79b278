#pragma once
/// The words a query asks for, as the snippets and the spelling pass compare text with them.

#include <array>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <xapian.h>

namespace newsdex {

/// The words a query matches: its unprefixed terms and its stems (`Z` terms), its phrases and
/// its wildcard prefixes, which is what a word of the text is compared with. Terms under
/// NOT and filters are left out. Built once per query, shared by every hit.
class QueryWords {
public:
    /// Collects the text terms of `query`; `stemmer` is the one the query was parsed with.
    QueryWords(const Xapian::Query& query, Xapian::Stem stemmer);

    /// The form a word of the text is compared in: the matching form, lower-cased, without
    /// apostrophes at either end ("Myanmar’s" → "myanmar's", "‘Yes’" → "yes").
    [[nodiscard]] static std::string key_of(std::string_view word);

    /// True when `word` (as written in the text) is one the query asks for on its own (not
    /// only inside a phrase), as written, by its stem or by a wildcard prefix; case, accents
    /// and typographic apostrophes do not matter.
    [[nodiscard]] bool matches(std::string_view word) const { return matches_key(key_of(word)); }

    /// matches() for a word already put through key_of().
    [[nodiscard]] bool matches_key(const std::string& key) const;

    /// True when the word with `key` (see key_of()) is indexed as `term`: by its stem for a
    /// `Z` term, as itself otherwise.
    [[nodiscard]] bool is_term(const std::string& key, const std::string& term) const;

    /// The phrases of the query, each as its terms in order (stems with their `Z`).
    [[nodiscard]] const std::vector<std::vector<std::string>>& phrases() const { return m_phrases; }

    /// True when the query has no text terms (a filter-only or match-all query).
    [[nodiscard]] bool empty() const { return m_terms.empty() && m_phrases.empty() && m_prefixes.empty(); }

private:
    void collect(const Xapian::Query& query);

    Xapian::Stem m_stemmer;
    std::unordered_set<std::string> m_terms;         ///< unprefixed terms, and stems with their `Z`
    std::array<bool, 256> m_stem_initials{};         ///< first bytes of the query's stems
    bool m_stems_keep_initials = false;              ///< the stemmer only changes word endings
    std::vector<std::vector<std::string>> m_phrases; ///< words of each phrase, in order
    std::vector<std::string> m_prefixes;             ///< wildcard patterns without the `*`
};

}  // namespace newsdex
