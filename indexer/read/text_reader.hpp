#pragma once
/// Reads one plain-text article: the first non-empty line is the headline, blank lines
/// separate paragraphs, and the lines of one paragraph are kept joined by '\n' (the cleaner
/// decides whether they are soft wraps or separate paragraphs).

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "common/article.hpp"
#include "common/diagnostics.hpp"
#include "indexer/read/reader_limits.hpp"

namespace newsdex {

/// Parses the bytes of a `.txt` article read from `origin`. UTF-8 is expected; a UTF-16 file
/// with a byte order mark is decoded. Invalid UTF-8 is repaired with a warning naming the byte
/// offset; LF, CRLF and lone CR line ends are all accepted. Paragraphs beyond
/// `limits.max_paragraphs` are dropped with a warning. Returns nullopt, after one reject
/// through `diagnostics`, for a binary file (a NUL byte, or mostly bytes that are neither UTF-8
/// text nor white space), for more than `limits.max_article_bytes` bytes, and for a file with
/// no text at all.
[[nodiscard]] std::optional<Article> read_text_article(std::string_view bytes, const Origin& origin,
                                                       Diagnostics& diagnostics, const ReaderLimits& limits = {});

/// Reads the `.txt` file at `path` with read_text_article() (origin: the path, line 0). A file
/// that cannot be opened is rejected through `diagnostics` like any other unreadable article.
[[nodiscard]] std::optional<Article> read_text_file(const std::filesystem::path& path, Diagnostics& diagnostics,
                                                    const ReaderLimits& limits = {});

/// Reports the repairs made to a record's bytes as one warning (first offset and count).
void warn_about_utf8_repairs(const std::vector<std::size_t>& bad_offsets, const Origin& origin,
                             Diagnostics& diagnostics);

/// Reports that only `kept` of an article's `found` paragraphs were kept, as one warning.
void warn_about_dropped_paragraphs(std::size_t found, std::size_t kept, const Origin& origin,
                                   Diagnostics& diagnostics);

/// The message of a record rejected for its size: "article larger than N bytes (--max-article-bytes)".
[[nodiscard]] std::string too_large_message(std::size_t max_article_bytes);

}  // namespace newsdex
