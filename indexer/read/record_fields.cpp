#include "indexer/read/record_fields.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

namespace newsdex {
namespace {

std::string type_name(const nlohmann::json& value) { return value.type_name(); }

// Reads an optional string field; returns an error message when it has another type.
std::optional<std::string> read_string(const nlohmann::json& record, const char* key, std::string& out) {
    auto it = record.find(key);
    if (it == record.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) return std::string("field \"") + key + "\" must be a string, not " + type_name(*it);
    out = it->get<std::string>();
    return std::nullopt;
}

// Unix seconds beyond this (about year 31 million) cannot be a date, and would overflow
// the conversions downstream.
constexpr double max_epoch_seconds = 1e15;

}  // namespace

std::size_t split_body_lines(std::string_view body, std::vector<std::string>& paragraphs, std::size_t max_paragraphs) {
    std::size_t found = 0;
    std::size_t start = 0;
    while (start <= body.size()) {
        std::size_t end = body.find_first_of("\r\n", start);
        if (end == std::string_view::npos) end = body.size();
        std::string_view line = body.substr(start, end - start);
        if (line.find_first_not_of(" \t\f\v") != std::string_view::npos) {
            if (found < max_paragraphs) paragraphs.emplace_back(line);
            ++found;
        }
        start = end + 1;
    }
    return found;
}

std::optional<std::string> read_record_fields(const nlohmann::json& record, Article& article, bool with_body) {
    if (!record.is_object()) return "expected a JSON object, not " + type_name(record);

    if (auto it = record.find("id"); it != record.end() && !it->is_null()) {
        if (it->is_string()) {
            article.id = it->get<std::string>();
        } else if (it->is_number_integer()) {
            article.id = it->dump();
        } else {
            return "field \"id\" must be a string or an integer, not " + type_name(*it);
        }
    }
    for (auto [key, field] : {std::pair{"title", &article.title}, std::pair{"source", &article.source},
                              std::pair{"author", &article.author}, std::pair{"url", &article.url},
                              std::pair{"lang", &article.lang}}) {
        if (auto error = read_string(record, key, *field)) return error;
    }
    if (auto it = record.find("date"); it != record.end() && !it->is_null()) {
        if (it->is_string()) {
            article.date_text = it->get<std::string>();
        } else if (it->is_number()) {
            double seconds = it->get<double>();
            if (!std::isfinite(seconds)) {
                article.date_text = seconds > 0 ? "+infinity" : "-infinity";
            } else if (std::fabs(seconds) > max_epoch_seconds) {
                article.date_text = it->dump();
            } else {
                article.date_epoch = static_cast<std::int64_t>(seconds);
            }
        } else {
            return "field \"date\" must be a string or a number, not " + type_name(*it);
        }
    }
    if (!with_body) return std::nullopt;
    return read_record_body(record, article.paragraphs, std::numeric_limits<std::size_t>::max()).error;
}

BodyRead read_record_body(const nlohmann::json& record, std::vector<std::string>& paragraphs,
                          std::size_t max_paragraphs) {
    BodyRead read;
    if (!record.is_object()) {
        read.error = "expected a JSON object, not " + type_name(record);
        return read;
    }
    auto it = record.find("body");
    const char* key = "body";
    if (it == record.end() || it->is_null()) {
        it = record.find("text");
        key = "text";
    }
    if (it == record.end() || it->is_null()) {
        read.error = "missing field \"body\" (or \"text\")";
    } else if (!it->is_string()) {
        read.error = std::string("field \"") + key + "\" must be a string, not " + type_name(*it);
    } else {
        read.paragraphs = split_body_lines(it->get_ref<const std::string&>(), paragraphs, max_paragraphs);
    }
    return read;
}

}  // namespace newsdex
