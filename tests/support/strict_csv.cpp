#include "tests/support/strict_csv.hpp"

#include <stdexcept>

namespace newsdex::test {
namespace {

[[noreturn]] void fail(std::size_t at, const std::string& what) {
    throw std::runtime_error("CSV byte " + std::to_string(at) + ": " + what);
}

}  // namespace

std::vector<std::vector<std::string>> parse_strict_csv(std::string_view text) {
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> record;
    std::size_t i = 0;
    while (i < text.size()) {
        std::string field;
        if (text[i] == '"') {
            ++i;
            for (;;) {
                if (i >= text.size()) fail(i, "unterminated quoted field");
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text[i++];
            }
        } else {
            while (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
                if (text[i] == '"') fail(i, "double quote inside an unquoted field");
                field += text[i++];
            }
        }
        record.push_back(std::move(field));
        if (i >= text.size()) fail(i, "the last record does not end with CRLF");
        if (text[i] == ',') {
            ++i;
            continue;
        }
        if (text[i] != '\r' || i + 1 >= text.size() || text[i + 1] != '\n') fail(i, "expected a comma or CRLF");
        i += 2;
        if (!records.empty() && record.size() != records.front().size()) {
            fail(i, "record " + std::to_string(records.size() + 1) + " has " + std::to_string(record.size()) +
                        " fields, the first " + std::to_string(records.front().size()));
        }
        records.push_back(std::move(record));
        record.clear();
    }
    return records;
}

}  // namespace newsdex::test
