#pragma once
/// A strict RFC 4180 CSV reader for tests: what it accepts, any conforming reader reads alike.

#include <string>
#include <string_view>
#include <vector>

namespace newsdex::test {

/// Parses `text` as RFC 4180 CSV: records end with CRLF (the last one too), fields are
/// separated by commas, a field holding a comma, a double quote, CR or LF is quoted, and a
/// double quote inside a quoted field is doubled. Returns the records' fields. Throws
/// std::runtime_error, naming the byte offset, for anything else: a bare LF or CR, a quote
/// inside an unquoted field, text after a closing quote, an unterminated quoted field, a
/// missing final CRLF, or records of different lengths.
[[nodiscard]] std::vector<std::vector<std::string>> parse_strict_csv(std::string_view text);

}  // namespace newsdex::test
