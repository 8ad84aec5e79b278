#pragma once
/// CSV as RFC 4180 has it, for spreadsheets and strict readers alike.

#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

/// Appends `field` to `out` as one CSV field: as it is when it holds no comma, double quote,
/// CR or LF, otherwise between double quotes with each double quote doubled. The text is
/// written as given (UTF-8 in, UTF-8 out); a field that begins with a space keeps it.
void append_csv_field(std::string& out, std::string_view field);

/// One CSV record: the fields separated by commas, ended by CRLF.
[[nodiscard]] std::string csv_row(const std::vector<std::string>& fields);

}  // namespace newsdex
