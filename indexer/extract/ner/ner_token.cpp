#include "indexer/extract/ner/ner_token.hpp"

#include "indexer/extract/ner/code_point.hpp"

namespace newsdex {

std::uint16_t token_flags(std::string_view text) {
    std::uint16_t flags = 0;
    bool first_letter = true;
    for (std::size_t i = 0; i < text.size();) {
        const CodePoint cp = decode_code_point(text, i);
        i = cp.next;
        if (is_letter_char(cp.value)) {
            flags |= token_has_letter;
            const bool upper = is_upper_char(cp.value);
            if (is_lower_char(cp.value)) flags |= token_has_lower;
            if (upper) flags |= token_has_upper;
            if (first_letter && upper) flags |= token_first_upper;
            first_letter = false;
        } else if (is_digit_char(cp.value)) {
            flags |= token_has_digit;
        } else if (cp.value == '-') {
            flags |= token_has_hyphen;
        } else if (cp.value == '.') {
            flags |= token_has_period;
        }
    }
    if ((flags & token_has_letter) != 0 && (flags & token_has_lower) == 0) flags |= token_all_upper;
    if ((flags & (token_has_letter | token_has_digit)) == 0) flags = token_punct;
    return flags;
}

}  // namespace newsdex
