#include "indexer/extract/ner/code_point.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace newsdex {

CodePoint decode_multibyte(std::string_view text, std::size_t i) {
    auto offset = static_cast<std::int32_t>(i);
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const std::uint8_t*>(text.data()), offset, static_cast<std::int32_t>(text.size()), c);
    if (c < 0) return {0xFFFD, i + 1};
    return {c, static_cast<std::size_t>(offset)};
}

std::size_t encode_code_point(std::int32_t c, char* out) {
    std::int32_t length = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<std::uint8_t*>(out), length, 4, c, error);
    return error ? 0 : static_cast<std::size_t>(length);
}

bool is_letter_multibyte(std::int32_t c) { return u_isalpha(c) != 0; }

bool is_digit_multibyte(std::int32_t c) { return u_isdigit(c) != 0; }

bool is_mark_multibyte(std::int32_t c) {
    const auto type = u_charType(c);
    return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

bool is_upper_multibyte(std::int32_t c) { return u_isupper(c) != 0 || u_istitle(c) != 0; }

bool is_lower_multibyte(std::int32_t c) { return u_islower(c) != 0; }

bool is_space_multibyte(std::int32_t c) { return u_isUWhiteSpace(c) != 0 || c == 0x200B || c == 0xFEFF; }

std::int32_t to_lower_multibyte(std::int32_t c) { return u_tolower(c); }

}  // namespace newsdex
