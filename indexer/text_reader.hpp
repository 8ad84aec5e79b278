#pragma once
/// Reads one plain-text article: the first non-empty line is the headline, blank lines
/// separate paragraphs, and the lines of one paragraph are kept joined by '\n' (the cleaner
/// decides whether they are soft wraps or separate paragraphs).

#include <optional>
#include <string_view>

#include "common/article.hpp"
#include "common/diagnostics.hpp"

namespace newsdex {

/// Parses the bytes of a `.txt` article read from `origin`. Invalid UTF-8 is repaired with a
/// warning naming the byte offset; CRLF and lone CR line ends are accepted. Returns nullopt
/// (after a reject through `diagnostics`) when the file holds no text at all.
[[nodiscard]] std::optional<Article> read_text_article(std::string_view bytes, const Origin& origin,
                                                       Diagnostics& diagnostics);

/// Reports the repairs made to a record's bytes as one warning (first offset and count).
void warn_about_utf8_repairs(const std::vector<std::size_t>& bad_offsets, const Origin& origin,
                             Diagnostics& diagnostics);

}  // namespace newsdex
