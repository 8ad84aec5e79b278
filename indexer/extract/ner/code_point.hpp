#pragma once
/// Reading UTF-8 one code point at a time, with the character classes the tokenizer and the
/// features need. ASCII is answered inline, without ICU; everything else asks ICU.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace newsdex {

/// One decoded code point and where the next one starts.
struct CodePoint {
    std::int32_t value = 0;  ///< the code point; U+FFFD for an invalid byte
    std::size_t next = 0;    ///< byte offset just after it
};

/// decode_code_point() for a byte of 0x80 or more.
[[nodiscard]] CodePoint decode_multibyte(std::string_view text, std::size_t i);

/// Decodes the code point at byte `i` of `text` (i < text.size()); an invalid sequence yields
/// U+FFFD and advances one byte.
[[nodiscard]] inline CodePoint decode_code_point(std::string_view text, std::size_t i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) return {byte, i + 1};
    return decode_multibyte(text, i);
}

/// Appends the UTF-8 bytes of `c` to `out` (at most 4 bytes; `out` must have room) and returns
/// how many were written.
std::size_t encode_code_point(std::int32_t c, char* out);

/// The character classes below for code points of 0x80 or more (ICU).
[[nodiscard]] bool is_letter_multibyte(std::int32_t c);
[[nodiscard]] bool is_digit_multibyte(std::int32_t c);
[[nodiscard]] bool is_mark_multibyte(std::int32_t c);
[[nodiscard]] bool is_upper_multibyte(std::int32_t c);
[[nodiscard]] bool is_lower_multibyte(std::int32_t c);
[[nodiscard]] bool is_space_multibyte(std::int32_t c);
[[nodiscard]] std::int32_t to_lower_multibyte(std::int32_t c);

/// A letter (any script).
[[nodiscard]] inline bool is_letter_char(std::int32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return is_letter_multibyte(c);
}
/// A decimal digit (any script).
[[nodiscard]] inline bool is_digit_char(std::int32_t c) { return c < 0x80 ? (c >= '0' && c <= '9') : is_digit_multibyte(c); }
/// A combining mark, which belongs to the word it follows.
[[nodiscard]] inline bool is_mark_char(std::int32_t c) { return c >= 0x300 && is_mark_multibyte(c); }
/// An upper-case or title-case letter.
[[nodiscard]] inline bool is_upper_char(std::int32_t c) { return c < 0x80 ? (c >= 'A' && c <= 'Z') : is_upper_multibyte(c); }
/// A lower-case letter.
[[nodiscard]] inline bool is_lower_char(std::int32_t c) { return c < 0x80 ? (c >= 'a' && c <= 'z') : is_lower_multibyte(c); }
/// White space, including no-break and zero-width spaces and the byte-order mark.
[[nodiscard]] inline bool is_space_char(std::int32_t c) {
    if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    return is_space_multibyte(c);
}
/// "'" or a typographic apostrophe / right single quote.
[[nodiscard]] inline bool is_apostrophe_char(std::int32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }
/// A quotation mark: straight, typographic or guillemet.
[[nodiscard]] inline bool is_quote_char(std::int32_t c) {
    return c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x00AB || c == 0x00BB;
}
/// The lower-case form of `c` (simple case mapping).
[[nodiscard]] inline std::int32_t to_lower_char(std::int32_t c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
    return to_lower_multibyte(c);
}

}  // namespace newsdex
