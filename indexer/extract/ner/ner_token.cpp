#include "indexer/extract/ner/ner_token.hpp"

#include "indexer/extract/ner/code_point.hpp"

#include <array>

namespace newsdex {
namespace {

// The flags one code point adds to its token (token_first_upper aside).
std::uint16_t code_point_flags(std::int32_t c) {
    if (is_letter_char(c))
        return static_cast<std::uint16_t>(token_has_letter | (is_lower_char(c) ? token_has_lower : 0) |
                                          (is_upper_char(c) ? token_has_upper : 0));
    if (is_digit_char(c)) return token_has_digit;
    if (c == '-') return token_has_hyphen;
    if (c == '.') return token_has_period;
    return 0;
}

// code_point_flags() of every ASCII character: one load a byte for nearly every token, where
// the tests above cost a dozen branches.
const std::array<std::uint16_t, 0x80> ascii_flags = [] {
    std::array<std::uint16_t, 0x80> table{};
    for (std::int32_t c = 0; c < 0x80; ++c) table[static_cast<std::size_t>(c)] = code_point_flags(c);
    return table;
}();

}  // namespace

std::uint16_t token_flags(std::string_view text) {
    std::uint16_t flags = 0;
    bool first_letter = true;
    for (std::size_t i = 0; i < text.size();) {
        const CodePoint cp = decode_code_point(text, i);
        i = cp.next;
        const std::uint16_t bits =
            cp.value < 0x80 ? ascii_flags[static_cast<std::size_t>(cp.value)] : code_point_flags(cp.value);
        if (first_letter && (bits & token_has_letter) != 0) {
            if ((bits & token_has_upper) != 0) flags |= token_first_upper;
            first_letter = false;
        }
        flags |= bits;
    }
    if ((flags & token_has_letter) != 0 && (flags & token_has_lower) == 0) flags |= token_all_upper;
    if ((flags & (token_has_letter | token_has_digit)) == 0) flags = token_punct;
    return flags;
}

}  // namespace newsdex
