#include "indexer/read/jsonl_reader.hpp"

#include <algorithm>
#include <array>

#include <nlohmann/json.hpp>

#include "common/utf8.hpp"
#include "indexer/read/record_fields.hpp"
#include "indexer/read/text_reader.hpp"

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

bool is_blank(std::string_view text) { return text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos; }

bool starts_with_utf16_bom(std::string_view line) {
    return line.size() >= 2 && ((line[0] == '\xFF' && line[1] == '\xFE') || (line[0] == '\xFE' && line[1] == '\xFF'));
}

// The fields read_record_fields reads: a repeat of one of them is worth a warning.
bool is_article_field(const std::string& key) {
    static constexpr std::array<std::string_view, 9> fields{"id",     "title",  "body", "text", "date",
                                                            "source", "author", "url",  "lang"};
    return std::find(fields.begin(), fields.end(), key) != fields.end();
}

}  // namespace

std::size_t read_bounded_line(std::istream& in, std::string& line, std::size_t max_bytes, bool& truncated) {
    line.clear();
    truncated = false;
    std::size_t consumed = 0;
    std::array<char, 1 << 16> buffer;
    for (;;) {
        // istream::getline stops at '\n' (extracted, not stored), at the end of the stream, or
        // with failbit when the buffer is full and the line goes on.
        in.getline(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        consumed += got;
        std::size_t stored = got;
        bool line_done = true;
        if (in.bad()) {
            stored = 0;
        } else if (!in.fail()) {
            if (!in.eof()) stored = got - 1;  // the '\n' was counted
        } else if (!in.eof()) {
            in.clear();  // the buffer filled up: the line goes on
            line_done = false;
        }
        if (!truncated) {
            const std::size_t room = max_bytes - line.size();
            truncated = stored > room;
            line.append(buffer.data(), std::min(stored, room));
        }
        if (line_done) return consumed;
    }
}

JsonlReader::JsonlReader(std::istream& in, std::string file_name, Diagnostics& diagnostics, ReaderLimits limits)
    : m_in(in), m_file_name(std::move(file_name)), m_diagnostics(diagnostics), m_limits(limits) {}

std::optional<Article> JsonlReader::next() {
    std::string line;
    bool too_long = false;
    while (!m_done) {
        const std::size_t consumed = read_bounded_line(m_in, line, m_limits.max_article_bytes, too_long);
        if (consumed == 0) {
            if (m_line_number == 0) m_diagnostics.warn({m_file_name, 0}, "empty file: no records");
            m_done = true;
            break;
        }
        ++m_line_number;
        m_bytes_read += consumed;
        Origin origin{m_file_name, m_line_number};

        // A file that is not UTF-8 text at all gets one rejection, not one per "line".
        if (m_line_number == 1 && starts_with_utf16_bom(line)) {
            m_diagnostics.reject(origin, "UTF-16 text (byte order mark): JSON Lines must be UTF-8; file skipped");
            m_done = true;
            break;
        }
        if (m_line_number == 1 && line.find('\0') != std::string::npos) {
            m_diagnostics.reject(origin, "binary file (NUL bytes), not JSON Lines; file skipped");
            m_done = true;
            break;
        }
        if (too_long) {
            m_diagnostics.reject(origin, "record larger than " + std::to_string(m_limits.max_article_bytes) +
                                             " bytes (--max-article-bytes)");
            continue;
        }
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (is_blank(line)) continue;
        if (auto article = parse(line, origin)) return article;
    }
    return std::nullopt;
}

std::optional<Article> JsonlReader::parse(std::string& line, const Origin& origin) {
    if (line.find('\0') != std::string::npos) {
        m_diagnostics.reject(origin, "binary data (NUL byte) in the record");
        return std::nullopt;
    }
    Utf8Repair repaired = repair_utf8(line);
    warn_about_utf8_repairs(repaired.bad_offsets, origin, m_diagnostics);
    line.clear();
    line.shrink_to_fit();  // the repaired copy is all that is needed from here on

    if (nesting_depth(repaired.text) > max_json_depth) {
        m_diagnostics.reject(origin, "JSON nested deeper than " + std::to_string(max_json_depth) + " levels");
        return std::nullopt;
    }
    // JSON leaves the meaning of a repeated key open; like JavaScript, the last one wins here,
    // and a repeated article field is worth a warning.
    std::string repeated_key;
    auto watch_keys = [&, seen = std::vector<std::string>()](int depth, nlohmann::json::parse_event_t event,
                                                              nlohmann::json& parsed) mutable {
        if (event == nlohmann::json::parse_event_t::key && depth == 1 && parsed.is_string()) {
            const auto& key = parsed.get_ref<const std::string&>();
            if (is_article_field(key)) {
                if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
                    if (repeated_key.empty()) repeated_key = key;
                } else {
                    seen.push_back(key);
                }
            }
        }
        return true;
    };
    nlohmann::json record = nlohmann::json::parse(repaired.text, watch_keys, false);
    if (record.is_discarded()) {
        const bool lone_cr = repaired.text.find('\r') != std::string::npos;
        m_diagnostics.reject(origin, lone_cr ? "malformed JSON (records must end with LF or CRLF, not a lone CR)"
                                             : "malformed JSON (truncated or invalid record)");
        return std::nullopt;
    }
    Article article;
    article.origin = origin;
    if (auto error = read_record_fields(record, article, false)) {
        m_diagnostics.reject(origin, *error);
        return std::nullopt;
    }
    BodyRead body = read_record_body(record, article.paragraphs, m_limits.max_paragraphs);
    if (body.error) {
        m_diagnostics.reject(origin, *body.error);
        return std::nullopt;
    }
    if (article.paragraphs.empty() && is_blank(article.title)) {
        m_diagnostics.reject(origin, "no text: the title and the body are empty");
        return std::nullopt;
    }
    if (!repeated_key.empty()) {
        m_diagnostics.warn(origin, "duplicate key \"" + repeated_key + "\": the last value is used");
    }
    if (body.paragraphs > article.paragraphs.size()) {
        warn_about_dropped_paragraphs(body.paragraphs, article.paragraphs.size(), origin, m_diagnostics);
    }
    return article;
}

}  // namespace newsdex
