#include "indexer/text_reader.hpp"

#include "common/utf8.hpp"

namespace newsdex {
namespace {

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\f\v") == std::string_view::npos; }

std::string_view trim(std::string_view text) {
    auto first = text.find_first_not_of(" \t\f\v");
    if (first == std::string_view::npos) return {};
    auto last = text.find_last_not_of(" \t\f\v");
    return text.substr(first, last - first + 1);
}

}  // namespace

void warn_about_utf8_repairs(const std::vector<std::size_t>& bad_offsets, const Origin& origin,
                             Diagnostics& diagnostics) {
    if (bad_offsets.empty()) return;
    std::string message = "invalid UTF-8 at byte " + std::to_string(bad_offsets.front());
    if (bad_offsets.size() > 1) message += " (and " + std::to_string(bad_offsets.size() - 1) + " more)";
    diagnostics.warn(origin, message + ", replaced with U+FFFD");
}

std::optional<Article> read_text_article(std::string_view bytes, const Origin& origin, Diagnostics& diagnostics) {
    Utf8Repair repaired = repair_utf8(bytes);
    warn_about_utf8_repairs(repaired.bad_offsets, origin, diagnostics);
    std::string_view text = repaired.text;

    Article article;
    article.origin = origin;
    std::string paragraph;
    auto end_paragraph = [&] {
        if (paragraph.empty()) return;
        if (article.title.empty()) {
            article.title = std::move(paragraph);
        } else {
            article.paragraphs.push_back(std::move(paragraph));
        }
        paragraph.clear();
    };

    bool title_done = false;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find_first_of("\r\n", start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        // CRLF counts as one line end; a lone CR is a line end of its own.
        start = end + ((end + 1 < text.size() && text[end] == '\r' && text[end + 1] == '\n') ? 2 : 1);

        if (is_blank(line)) {
            end_paragraph();
            continue;
        }
        if (!title_done) {
            // The headline is the first non-empty line alone, even without a blank line after it.
            article.title = std::string(trim(line));
            title_done = true;
            continue;
        }
        // Line breaks inside a block are kept: the cleaner tells soft wraps from scraped lines
        // that were never separated by a blank line.
        if (!paragraph.empty()) paragraph += '\n';
        paragraph += trim(line);
    }
    end_paragraph();

    if (article.title.empty()) {
        diagnostics.reject(origin, "no text: the file is empty or holds only white space");
        return std::nullopt;
    }
    return article;
}

}  // namespace newsdex
