#pragma once
/// Picks the best passage of a result and marks the matched words in it.

#include <cstddef>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/schema.hpp"
#include "searcher/parse/query_words.hpp"

namespace newsdex {

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
