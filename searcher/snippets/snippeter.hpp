#pragma once
/// Picks the best passage of a result and marks the matched words in it.

#include <cstddef>
#include <string>
#include <string_view>
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
/// start of the body, after its dateline (see dateline_length()).
[[nodiscard]] std::string make_snippet(const schema::StoredArticle& article, const QueryWords& words,
                                       std::size_t length);

/// Most bytes at the start of a paragraph a dateline may take.
inline constexpr std::size_t max_dateline_bytes = 80;

/// The length in bytes of the dateline that starts `paragraph` ("HOUSTON, March 29 - ",
/// "LONDON (Reuters) - "), dash and space included: a place in capitals or an agency in
/// brackets, then a dash between spaces within max_dateline_bytes, with no sentence end
/// before it. 0 when there is none. Snippets never start inside one.
[[nodiscard]] std::size_t dateline_length(std::string_view paragraph);

/// The first `length` characters of `text`, cut at a word boundary, with "…" when cut.
[[nodiscard]] std::string lead_passage(const std::string& text, std::size_t length);

}  // namespace newsdex
