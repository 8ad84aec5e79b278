#pragma once
/// Reading UTF-8 one code point at a time, with the character classes the tokenizer and the
/// features need. ASCII is answered without ICU; everything else asks ICU.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace newsdex {

/// One decoded code point and where the next one starts.
struct CodePoint {
    std::int32_t value = 0;  ///< the code point; U+FFFD for an invalid byte
    std::size_t next = 0;    ///< byte offset just after it
};

/// Decodes the code point at byte `i` of `text` (i < text.size()); an invalid sequence yields
/// U+FFFD and advances one byte.
[[nodiscard]] CodePoint decode_code_point(std::string_view text, std::size_t i);

/// Appends the UTF-8 bytes of `c` to `out` (at most 4 bytes; `out` must have room) and returns
/// how many were written.
std::size_t encode_code_point(std::int32_t c, char* out);

/// A letter (any script).
[[nodiscard]] bool is_letter_char(std::int32_t c);
/// A decimal digit (any script).
[[nodiscard]] bool is_digit_char(std::int32_t c);
/// A combining mark, which belongs to the word it follows.
[[nodiscard]] bool is_mark_char(std::int32_t c);
/// An upper-case or title-case letter.
[[nodiscard]] bool is_upper_char(std::int32_t c);
/// A lower-case letter.
[[nodiscard]] bool is_lower_char(std::int32_t c);
/// White space, including no-break and zero-width spaces and the byte-order mark.
[[nodiscard]] bool is_space_char(std::int32_t c);
/// "'" or a typographic apostrophe / right single quote.
[[nodiscard]] bool is_apostrophe_char(std::int32_t c);
/// The lower-case form of `c` (simple case mapping).
[[nodiscard]] std::int32_t to_lower_char(std::int32_t c);

}  // namespace newsdex
