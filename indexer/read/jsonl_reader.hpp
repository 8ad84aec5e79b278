#pragma once
/// Reads JSON Lines articles one record at a time, with every line read under a size bound.

#include <cstddef>
#include <istream>
#include <optional>
#include <string>

#include "common/article.hpp"
#include "common/diagnostics.hpp"
#include "indexer/read/reader_limits.hpp"

namespace newsdex {

/// Pulls articles from a JSON Lines stream: one object per line with `title`, `body` (or
/// `text`) and optional `id`, `date`, `source`, `author`, `url`, `lang`. Lines end with LF or
/// CRLF. A bad line is rejected through the diagnostics sink (`FILE:LINE: reason`) and
/// skipped; so is a line longer than `limits.max_article_bytes`, which is never held in memory
/// whole. A stream whose first line holds a NUL byte or starts with a UTF-16 byte order mark is
/// rejected once as a whole (`FILE:1: binary file ...`) and not read further.
class JsonlReader {
public:
    /// Reads from `in`; `file_name` names the stream in diagnostics and origins.
    JsonlReader(std::istream& in, std::string file_name, Diagnostics& diagnostics, ReaderLimits limits = {});

    /// The next good article, or nullopt at the end of the stream.
    [[nodiscard]] std::optional<Article> next();

    /// Bytes consumed so far, line ends included.
    [[nodiscard]] std::size_t bytes_read() const { return m_bytes_read; }

private:
    std::optional<Article> parse(std::string& line, const Origin& origin);

    std::istream& m_in;
    std::string m_file_name;
    Diagnostics& m_diagnostics;
    ReaderLimits m_limits;
    std::size_t m_line_number = 0;
    std::size_t m_bytes_read = 0;
    bool m_done = false;
};

/// Deepest nesting of arrays and objects accepted in a record; deeper ones are rejected
/// before parsing so that hostile input cannot exhaust the stack.
inline constexpr int max_json_depth = 64;

/// Reads the next line of `in` into `line`, without its '\n', keeping at most `max_bytes` of
/// it: the rest of a longer line is read and thrown away, and `truncated` is set. Memory stays
/// within `max_bytes` plus a 64 KiB buffer whatever the line length. Returns the bytes consumed
/// (the '\n' included), or 0 at the end of the stream. Throws std::ios_base::failure only when
/// the stream is set to throw.
std::size_t read_bounded_line(std::istream& in, std::string& line, std::size_t max_bytes, bool& truncated);

}  // namespace newsdex
