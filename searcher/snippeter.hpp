#pragma once
/// Picks the best passage of a result and marks the matched words in it.

#include <cstddef>
#include <string>
#include <unordered_set>

#include <xapian.h>

#include "common/schema.hpp"

namespace newsdex {

/// The words a query matches: its unprefixed terms and its stems (`Z` terms), which is what
/// a word of the text is compared with. Built once per query, shared by every hit.
class QueryWords {
public:
    /// Collects the text terms of `query`; `stemmer` is the one the query was parsed with.
    QueryWords(const Xapian::Query& query, Xapian::Stem stemmer);

    /// True when `word` (as written in the text) is one the query asks for, as written or
    /// by its stem; case, accents and typographic apostrophes do not matter.
    [[nodiscard]] bool matches(std::string_view word) const;

    /// True when the query has no text terms (a filter-only or match-all query).
    [[nodiscard]] bool empty() const { return m_terms.empty(); }

private:
    Xapian::Stem m_stemmer;
    std::unordered_set<std::string> m_terms;  ///< unprefixed terms, and stems with their `Z`
};

/// The passage of the article's body (about `length` characters) holding the most distinct
/// query words, then the most matches; cut at word boundaries, "…" where text was left out;
/// matched words wrapped in highlight_start / highlight_end, adjacent ones (a phrase) as one
/// span. Without any match it is the start of the body.
[[nodiscard]] std::string make_snippet(const schema::StoredArticle& article, const QueryWords& words,
                                       std::size_t length);

/// The first `length` characters of `text`, cut at a word boundary, with "…" when cut.
[[nodiscard]] std::string lead_passage(const std::string& text, std::size_t length);

}  // namespace newsdex
