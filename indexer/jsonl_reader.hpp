#pragma once
/// Reads JSON Lines articles one record at a time.

#include <cstddef>
#include <istream>
#include <optional>
#include <string>

#include "common/article.hpp"
#include "common/diagnostics.hpp"

namespace newsdex {

/// Pulls articles from a JSON Lines stream: one object per line with `title`, `body` (or
/// `text`) and optional `id`, `date`, `source`, `author`, `url`, `lang`. A bad line is
/// rejected through the diagnostics sink (`FILE:LINE: reason`) and skipped.
class JsonlReader {
public:
    /// Reads from `in`; `file_name` names the stream in diagnostics and origins.
    JsonlReader(std::istream& in, std::string file_name, Diagnostics& diagnostics);

    /// The next good article, or nullopt at the end of the stream.
    [[nodiscard]] std::optional<Article> next();

    /// Bytes consumed so far, line ends included.
    [[nodiscard]] std::size_t bytes_read() const { return m_bytes_read; }

private:
    std::istream& m_in;
    std::string m_file_name;
    Diagnostics& m_diagnostics;
    std::size_t m_line_number = 0;
    std::size_t m_bytes_read = 0;
};

/// Deepest nesting of arrays and objects accepted in a record; deeper ones are rejected
/// before parsing so that hostile input cannot exhaust the stack.
inline constexpr int max_json_depth = 64;

}  // namespace newsdex
