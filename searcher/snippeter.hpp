#pragma once
/// Picks the best passage of a result and marks the matched words in it.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "common/schema.hpp"

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

/// The passage of the article's body (about `length` bytes) holding the most distinct query
/// words and phrases, then the most matched words; cut at word boundaries, "…" where text
/// was left out; matched words wrapped in highlight_start / highlight_end, adjacent ones and
/// each phrase occurrence as one span. A word of a phrase counts and is highlighted only
/// inside an occurrence of the whole phrase (within one paragraph, as the index matches
/// phrases), unless the query also asks for it on its own. Without any match it is the
/// start of the body.
[[nodiscard]] std::string make_snippet(const schema::StoredArticle& article, const QueryWords& words,
                                       std::size_t length);

/// The first `length` characters of `text`, cut at a word boundary, with "…" when cut.
[[nodiscard]] std::string lead_passage(const std::string& text, std::size_t length);

}  // namespace newsdex
