#include "indexer/clean/paragraph_splitter.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <string_view>

#include "common/unicode_text.hpp"

namespace newsdex {
namespace {

bool starts_with_bullet(std::string_view line) noexcept {
    const UChar32 c = first_code_point(line);
    if (c == '-' || c == '*' || c == 0x2022 || c == 0x2013 || c == 0x2014 || c == 0xB7 || c == 0x25AA) return true;
    std::size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
    return digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')');
}

/// True when a line ends a sentence or a quotation, so the next line is a new block.
bool ends_sentence(std::string_view line) noexcept {
    const UChar32 c = last_code_point(line);
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '"' || c == '\'' || c == ')' ||
           c == 0x201D || c == 0x2019 || c == 0x2026 || c == 0xBB;
}

/// A block of lines that fill a fixed width (a hard-wrapped paragraph), not a list of blocks.
bool is_hard_wrapped(const std::vector<std::string_view>& lines) {
    if (lines.size() < 2) return false;
    std::size_t widest = 0;
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) widest = std::max(widest, code_point_count(lines[i]));
    if (widest < 50 || widest > 100 || code_point_count(lines.back()) > widest + 15) return false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (starts_with_bullet(lines[i])) return false;
        if (i + 1 < lines.size() && code_point_count(lines[i]) * 10 < widest * 7) return false;
    }
    return true;
}

void add_stored(std::vector<std::string>& out, std::string_view text) {
    std::string stored = normalize_stored(text);
    if (!stored.empty()) out.push_back(std::move(stored));
}

}  // namespace

std::vector<std::string> prepare_paragraphs(const std::vector<std::string>& raw) {
    std::vector<std::string> out;
    out.reserve(raw.size());
    for (const std::string& paragraph : raw) {
        if (paragraph.find('\n') == std::string::npos) {
            add_stored(out, paragraph);
            continue;
        }
        std::vector<std::string_view> lines;
        std::string_view rest = paragraph;
        while (!rest.empty()) {
            const std::size_t newline = std::min(rest.find('\n'), rest.size());
            const std::string_view line = trim_ascii_space(rest.substr(0, newline));
            if (!line.empty()) lines.push_back(line);
            rest.remove_prefix(std::min(newline + 1, rest.size()));
        }
        if (is_hard_wrapped(lines)) {
            add_stored(out, paragraph);  // normalize_stored joins the lines with spaces
            continue;
        }
        std::string block;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (!block.empty()) block.push_back(' ');
            block.append(lines[i]);
            const bool continues = i + 1 < lines.size() && !ends_sentence(lines[i]) &&
                                   u_islower(first_code_point(lines[i + 1])) && !starts_with_bullet(lines[i + 1]);
            if (!continues) {
                add_stored(out, block);
                block.clear();
            }
        }
    }
    return out;
}

}  // namespace newsdex
