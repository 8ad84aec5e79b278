#include "indexer/extract/ner/word_forms.hpp"

#include "indexer/extract/ner/code_point.hpp"
#include "indexer/extract/ner/feature_hash.hpp"

#include <algorithm>
#include <array>

namespace newsdex {
namespace {

// Longest lower-case form kept for prefixes and suffixes; longer words keep their ends.
constexpr std::size_t max_affix_bytes = 64;

char shape_of(std::int32_t c) {
    if (is_upper_char(c)) return 'X';
    if (is_lower_char(c) || is_letter_char(c)) return 'x';
    if (is_digit_char(c)) return 'd';
    if (c < 0x80) return static_cast<char>(c);
    return '*';
}

WordForms compute_word_forms(std::string_view word) {
    WordForms forms;
    ByteHasher exact, lower, title, zero, shape;
    char lower_bytes[max_affix_bytes];
    std::size_t lower_size = 0;
    char last_shape = 0;
    bool first_letter = true;
    std::size_t length = 0;
    const bool drop_periods = word.find_first_not_of('.') != std::string_view::npos;
    for (std::size_t i = 0; i < word.size();) {
        const CodePoint cp = decode_code_point(word, i);
        std::int32_t c = is_apostrophe_char(cp.value) ? '\'' : cp.value;
        if (c == '.' && drop_periods) {
            if (last_shape != '.') shape.add('.');
            last_shape = '.';
            i = cp.next;
            continue;
        }
        ++length;
        char encoded[4];
        std::size_t size = c < 0x80 ? (encoded[0] = static_cast<char>(c), 1) : encode_code_point(c, encoded);
        exact.add(std::string_view(encoded, size));
        const std::int32_t low = to_lower_char(c);
        char low_encoded[4];
        const std::size_t low_size =
            low < 0x80 ? (low_encoded[0] = static_cast<char>(low), 1) : encode_code_point(low, low_encoded);
        const std::string_view low_bytes(low_encoded, low_size);
        lower.add(low_bytes);
        if (first_letter && is_letter_char(c)) {
            title.add(std::string_view(encoded, size));
            first_letter = false;
        } else {
            title.add(low_bytes);
        }
        if (is_digit_char(c)) zero.add('0');
        else zero.add(low_bytes);
        const char s = shape_of(c);
        if (s != last_shape) shape.add(static_cast<unsigned char>(s));
        last_shape = s;
        for (std::size_t k = 0; k < low_size && lower_size < max_affix_bytes; ++k) lower_bytes[lower_size++] = low_encoded[k];
        i = cp.next;
    }
    forms.exact = exact.value();
    forms.lower = lower.value();
    forms.title = title.value();
    forms.lower_digits_zero = zero.value();
    forms.shape = shape.value();
    forms.length = static_cast<std::uint8_t>(std::min<std::size_t>(length, 255));
    const std::string_view low(lower_bytes, lower_size);
    for (std::size_t k = 1; k <= 4; ++k) {
        if (low.size() <= k) break;
        forms.prefixes[k - 1] = bytes_hash(low.substr(0, k));
        forms.suffixes[k - 1] = bytes_hash(low.substr(low.size() - k));
    }
    return forms;
}

}  // namespace

WordForms word_forms(std::string_view word) {
    // One ASCII character (mostly punctuation): from a table made once.
    if (word.size() == 1 && static_cast<unsigned char>(word[0]) < 0x80) {
        static const std::array<WordForms, 128> single = [] {
            std::array<WordForms, 128> table{};
            for (int c = 0; c < 128; ++c) {
                const char text = static_cast<char>(c);
                table[static_cast<std::size_t>(c)] = compute_word_forms(std::string_view(&text, 1));
            }
            return table;
        }();
        return single[static_cast<unsigned char>(word[0])];
    }
    return compute_word_forms(word);
}

namespace {

// The hash of an ASCII word's bytes as word_forms() hashes them, each byte through `map`; or
// word_forms(word) through `slow` for any other word.
template <typename Map, typename Slow>
std::uint64_t ascii_word_hash(std::string_view word, Map map, Slow slow) {
    ByteHasher hasher;
    const bool drop_periods = word.find_first_not_of('.') != std::string_view::npos;
    for (char c : word) {
        if (static_cast<unsigned char>(c) >= 0x80) return slow(word_forms(word));
        if (c != '.' || !drop_periods) hasher.add(static_cast<unsigned char>(map(c)));
    }
    return hasher.value();
}

}  // namespace

std::uint64_t exact_word_hash(std::string_view word) {
    return ascii_word_hash(word, [](char c) { return c; }, [](const WordForms& forms) { return forms.exact; });
}

std::uint64_t lower_word_hash(std::string_view word) {
    return ascii_word_hash(
        word, [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; },
        [](const WordForms& forms) { return forms.lower; });
}

}  // namespace newsdex
