#pragma once
/// The hashed forms of one word that the features and the word tables use, computed in one
/// pass over its bytes: as written, lower case, capitalised, its shape, prefixes and suffixes.

#include <array>
#include <cstdint>
#include <string_view>

namespace newsdex {

/// Hashes of a word's forms. Typographic apostrophes count as "'", and periods inside a word
/// that has letters or digits are left out ("U.S." is "US", "Corp." is "Corp").
struct WordForms {
    std::uint64_t exact = 0;   ///< as written
    std::uint64_t lower = 0;   ///< lower case
    std::uint64_t title = 0;   ///< first letter upper case, the rest lower ("BRUSSELS" -> "Brussels")
    std::uint64_t lower_digits_zero = 0;  ///< lower case with every digit as 0 ("1996-08-22" -> "0000-00-00")
    std::uint64_t shape = 0;   ///< the character classes with runs collapsed ("Brown-Forman" -> "Xx-Xx")
    std::array<std::uint64_t, 4> prefixes{};  ///< of the lower-case form: 1 to 4 bytes (0 when shorter)
    std::array<std::uint64_t, 4> suffixes{};  ///< of the lower-case form: 1 to 4 bytes (0 when shorter)
    std::uint8_t length = 0;   ///< code points, capped at 255
};

/// The forms of `word` (UTF-8). Pure; allocates nothing.
[[nodiscard]] WordForms word_forms(std::string_view word);

/// word_forms(word).exact, faster: one pass over the bytes of an ASCII word.
[[nodiscard]] std::uint64_t exact_word_hash(std::string_view word);

/// word_forms(word).lower, faster: one pass over the bytes of an ASCII word.
[[nodiscard]] std::uint64_t lower_word_hash(std::string_view word);

}  // namespace newsdex
