#include "indexer/jsonl_reader.hpp"

#include <nlohmann/json.hpp>

#include "common/utf8.hpp"
#include "indexer/record_fields.hpp"
#include "indexer/text_reader.hpp"

namespace newsdex {
namespace {

// Nesting depth of the JSON text, ignoring brackets inside strings.
int nesting_depth(std::string_view text) {
    int depth = 0, deepest = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (in_string) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            deepest = std::max(deepest, ++depth);
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return deepest;
}

}  // namespace

JsonlReader::JsonlReader(std::istream& in, std::string file_name, Diagnostics& diagnostics)
    : m_in(in), m_file_name(std::move(file_name)), m_diagnostics(diagnostics) {}

std::optional<Article> JsonlReader::next() {
    std::string line;
    while (std::getline(m_in, line)) {
        ++m_line_number;
        m_bytes_read += line.size() + 1;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;

        Origin origin{m_file_name, m_line_number};
        Utf8Repair repaired = repair_utf8(line);
        warn_about_utf8_repairs(repaired.bad_offsets, origin, m_diagnostics);

        if (nesting_depth(repaired.text) > max_json_depth) {
            m_diagnostics.reject(origin, "JSON nested deeper than " + std::to_string(max_json_depth) + " levels");
            continue;
        }
        nlohmann::json record = nlohmann::json::parse(repaired.text, nullptr, false);
        if (record.is_discarded()) {
            m_diagnostics.reject(origin, "malformed JSON (truncated or invalid record)");
            continue;
        }
        Article article;
        article.origin = origin;
        if (auto error = read_record_fields(record, article, true)) {
            m_diagnostics.reject(origin, *error);
            continue;
        }
        return article;
    }
    return std::nullopt;
}

}  // namespace newsdex
