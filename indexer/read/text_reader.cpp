#include "indexer/read/text_reader.hpp"

#include <fstream>
#include <iterator>

#include <cstdint>

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

void append_utf8(std::string& out, std::uint32_t code_point) {
    if (code_point < 0x80) {
        out += static_cast<char>(code_point);
    } else if (code_point < 0x800) {
        out += static_cast<char>(0xC0 | (code_point >> 6));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else if (code_point < 0x10000) {
        out += static_cast<char>(0xE0 | (code_point >> 12));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code_point >> 18));
        out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    }
}

// Decodes UTF-16 after its byte order mark. An unpaired surrogate or a dangling last byte
// becomes U+FFFD, and its byte offset in `bytes` is recorded in `bad_offsets`.
std::string decode_utf16(std::string_view bytes, bool big_endian, std::vector<std::size_t>& bad_offsets) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 2);
    auto unit_at = [&](std::size_t i) -> std::uint32_t {
        const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
        return big_endian ? (std::uint32_t{a} << 8 | b) : (std::uint32_t{b} << 8 | a);
    };
    constexpr std::uint32_t replacement = 0xFFFD;
    std::size_t i = 2;
    for (; i + 1 < bytes.size(); i += 2) {
        const std::uint32_t unit = unit_at(i);
        if (unit >= 0xD800 && unit <= 0xDBFF && i + 3 < bytes.size()) {
            const std::uint32_t low = unit_at(i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                append_utf8(out, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
                i += 2;
                continue;
            }
        }
        if (unit >= 0xD800 && unit <= 0xDFFF) {
            bad_offsets.push_back(i);
            append_utf8(out, replacement);
        } else {
            append_utf8(out, unit);
        }
    }
    if (i < bytes.size()) {
        bad_offsets.push_back(i);
        append_utf8(out, replacement);
    }
    return out;
}

// Why `text` (already valid UTF-8, with `repairs` replacements made) is not text, or empty.
// A NUL byte never occurs in text; otherwise a file where more than a quarter of the bytes
// were invalid UTF-8 or control characters is binary (or in a legacy 8-bit encoding, which
// would only index as mojibake). A few bad bytes, as in real scraped text, are repaired.
std::string binary_reason(std::string_view text, std::size_t original_size, std::size_t repairs) {
    if (text.find('\0') != std::string_view::npos) return "binary file (contains NUL bytes)";
    std::size_t controls = 0;
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || byte == 0x7F) ++controls;
    }
    if ((repairs + controls) * 4 > original_size) {
        return "binary file (" + std::to_string(repairs + controls) + " of " + std::to_string(original_size) +
               " bytes are not UTF-8 text)";
    }
    return {};
}

}  // namespace

void warn_about_utf8_repairs(const std::vector<std::size_t>& bad_offsets, const Origin& origin,
                             Diagnostics& diagnostics) {
    if (bad_offsets.empty()) return;
    std::string message = "invalid UTF-8 at byte " + std::to_string(bad_offsets.front());
    if (bad_offsets.size() > 1) message += " (and " + std::to_string(bad_offsets.size() - 1) + " more)";
    diagnostics.warn(origin, message + ", replaced with U+FFFD");
}

void warn_about_dropped_paragraphs(std::size_t found, std::size_t kept, const Origin& origin,
                                   Diagnostics& diagnostics) {
    diagnostics.warn(origin, std::to_string(found) + " paragraphs; only the first " + std::to_string(kept) +
                                 " are kept (--max-paragraphs)");
}

std::string too_large_message(std::size_t max_article_bytes) {
    return "article larger than " + std::to_string(max_article_bytes) + " bytes (--max-article-bytes)";
}

std::optional<Article> read_text_article(std::string_view bytes, const Origin& origin, Diagnostics& diagnostics,
                                         const ReaderLimits& limits) {
    if (bytes.size() > limits.max_article_bytes) {
        diagnostics.reject(origin, too_large_message(limits.max_article_bytes));
        return std::nullopt;
    }
    Utf8Repair repaired;
    const bool utf16 =
        bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
    if (utf16) {
        repaired.text = decode_utf16(bytes, bytes[0] == '\xFE', repaired.bad_offsets);
    } else {
        repaired = repair_utf8(bytes);
    }
    if (std::string reason = binary_reason(repaired.text, bytes.size(), repaired.bad_offsets.size()); !reason.empty()) {
        diagnostics.reject(origin, reason);
        return std::nullopt;
    }
    if (utf16 && !repaired.bad_offsets.empty()) {
        std::string message = "invalid UTF-16 at byte " + std::to_string(repaired.bad_offsets.front());
        if (repaired.bad_offsets.size() > 1) message += " (and " + std::to_string(repaired.bad_offsets.size() - 1) + " more)";
        diagnostics.warn(origin, message + ", replaced with U+FFFD");
    } else {
        warn_about_utf8_repairs(repaired.bad_offsets, origin, diagnostics);
    }
    std::string_view text = repaired.text;

    Article article;
    article.origin = origin;
    std::string paragraph;
    std::size_t paragraphs_found = 0;
    auto end_paragraph = [&] {
        if (paragraph.empty()) return;
        if (article.title.empty()) {
            article.title = std::move(paragraph);
        } else {
            if (article.paragraphs.size() < limits.max_paragraphs) article.paragraphs.push_back(std::move(paragraph));
            ++paragraphs_found;
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
        // Beyond the limit, paragraphs are only counted.
        if (article.paragraphs.size() >= limits.max_paragraphs) {
            if (paragraph.empty()) paragraph = "x";
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
    if (paragraphs_found > article.paragraphs.size()) {
        warn_about_dropped_paragraphs(paragraphs_found, article.paragraphs.size(), origin, diagnostics);
    }
    return article;
}

std::optional<Article> read_text_file(const std::filesystem::path& path, Diagnostics& diagnostics,
                                      const ReaderLimits& limits) {
    const Origin origin{path.string(), 0};
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diagnostics.reject(origin, "cannot open the file");
        return std::nullopt;
    }
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    return read_text_article(bytes, origin, diagnostics, limits);
}

}  // namespace newsdex
