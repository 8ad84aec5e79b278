#include "indexer/extract/places/dateline_place.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

namespace newsdex {
namespace {

constexpr std::size_t paragraphs_to_scan = 2;
constexpr std::size_t max_dateline_bytes = 100;
constexpr std::size_t max_place_words = 4;
constexpr std::size_t max_parts = 2;  // place and qualifier, dates and agency aside

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_non_ascii(char c) { return static_cast<unsigned char>(c) >= 0x80; }

std::string_view stripped(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

// Where the dateline ends: the first dash that closes one, or npos.
std::size_t closing_dash(std::string_view head) {
    static constexpr std::array<std::string_view, 5> dashes{" - ", " -- ", " _ ", "\xE2\x80\x93", "\xE2\x80\x94"};
    std::size_t first = std::string_view::npos;
    for (std::string_view dash : dashes) first = std::min(first, head.find(dash));
    return first;
}

// A part that is (or holds) a date: "March 3", "Feb 26", "AUGUST 11TH", "1987".
bool is_date_part(std::string_view part) {
    static constexpr std::array<std::string_view, 12> months{"jan", "feb", "mar", "apr", "may", "jun",
                                                             "jul", "aug", "sep", "oct", "nov", "dec"};
    if (std::any_of(part.begin(), part.end(), is_digit)) return true;
    if (part.size() < 3) return false;
    std::string first(part.substr(0, 3));
    for (char& c : first) c = is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
    const bool month = std::find(months.begin(), months.end(), first) != months.end();
    // "MARCH 3" has a digit; a month alone ("May") is only a date when nothing else follows.
    return month && part.find(' ') == std::string_view::npos && part.size() <= 9;
}

// Capitalised words ("Ore.", "N.Y.", "New York", "São Paulo"), at most a few; `capitals` when
// no word has a lower-case letter.
bool is_name_part(std::string_view part, bool& capitals) {
    static constexpr std::array<std::string_view, 8> connectives{"de", "da", "do", "del", "la", "of", "am", "upon"};
    capitals = true;
    std::size_t words = 0;
    std::size_t start = 0;
    while (start < part.size()) {
        std::size_t end = part.find(' ', start);
        if (end == std::string_view::npos) end = part.size();
        const std::string_view word = part.substr(start, end - start);
        start = end + 1;
        if (word.empty()) continue;
        ++words;
        if (std::find(connectives.begin(), connectives.end(), word) != connectives.end()) continue;
        if (!is_upper(word.front()) && !is_non_ascii(word.front())) return false;
        for (char c : word) {
            if (!(is_upper(c) || is_lower(c) || is_non_ascii(c) || c == '.' || c == '\'' || c == '-')) return false;
            if (is_lower(c)) capitals = false;
        }
    }
    return words >= 1 && words <= max_place_words;
}

std::optional<DatelinePlace> dateline_in(std::string_view paragraph) {
    const std::string_view head = paragraph.substr(0, max_dateline_bytes + 5);
    const std::size_t dash = closing_dash(head);
    if (dash == std::string_view::npos || dash > max_dateline_bytes) return std::nullopt;
    std::string_view dateline = stripped(head.substr(0, dash));
    std::string_view body = dateline;
    bool marked = false;  // a date or an agency shows this is a dateline
    if (const std::size_t open = body.find(" ("); open != std::string_view::npos) {
        const std::size_t close = body.find(')', open);
        if (close == std::string_view::npos || close + 1 != body.size()) return std::nullopt;
        body = stripped(body.substr(0, open));
        marked = true;
    }
    std::vector<std::string_view> names;
    std::vector<bool> capitals;
    std::size_t start = 0;
    while (start <= body.size()) {
        std::size_t comma = body.find(',', start);
        if (comma == std::string_view::npos) comma = body.size();
        const std::string_view part = stripped(body.substr(start, comma - start));
        start = comma + 1;
        if (part.empty()) continue;
        if (is_date_part(part)) {
            marked = true;
            continue;
        }
        bool upper = false;
        if (!is_name_part(part, upper)) return std::nullopt;
        names.push_back(part);
        capitals.push_back(upper);
    }
    if (names.empty() || names.size() > max_parts) return std::nullopt;
    if (!capitals.front() && !marked) return std::nullopt;
    DatelinePlace found{std::string(names.front()), names.size() > 1 ? std::string(names[1]) : std::string(),
                        std::string(dateline)};
    return found;
}

}  // namespace

std::optional<DatelinePlace> find_dateline_place(const Article& article) {
    const std::size_t scanned = std::min(paragraphs_to_scan, article.paragraphs.size());
    for (std::size_t i = 0; i < scanned; ++i) {
        if (auto found = dateline_in(stripped(article.paragraphs[i]))) return found;
    }
    return std::nullopt;
}

}  // namespace newsdex
