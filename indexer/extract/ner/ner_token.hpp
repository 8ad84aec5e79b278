#pragma once
/// The value types the recogniser reads: tokens, sentences and documents. Tokens point into
/// text owned by the caller (an article's lines, or a CoNLL file's buffer), which must outlive them.

#include <cstdint>
#include <string_view>
#include <vector>

namespace newsdex {

/// Facts about a token's characters, as bits of NerToken::flags.
enum NerTokenFlag : std::uint16_t {
    token_has_letter = 1 << 0,  ///< at least one letter
    token_first_upper = 1 << 1, ///< the first letter is upper or title case
    token_all_upper = 1 << 2,   ///< has letters and none is lower case
    token_has_lower = 1 << 3,   ///< at least one lower-case letter
    token_has_digit = 1 << 4,   ///< at least one digit
    token_punct = 1 << 5,       ///< neither letters nor digits
    token_has_hyphen = 1 << 6,  ///< a hyphen inside ("Brown-Forman")
    token_has_period = 1 << 7,  ///< a period inside or at the end ("U.S.", "Corp.")
    token_has_upper = 1 << 8,   ///< at least one upper-case letter, anywhere ("eBay")
};

/// One token: a word, a number, a clitic ("'s") or one punctuation character.
struct NerToken {
    std::string_view text;     ///< as written
    std::uint32_t offset = 0;  ///< byte offset of `text` in its line (0 for CoNLL tokens)
    std::uint16_t flags = 0;   ///< NerTokenFlag bits, see token_flags()
};

/// One sentence (the unit the decoder labels), with the line it came from.
struct NerSentence {
    std::vector<NerToken> tokens;  ///< in text order
    std::uint32_t line = 0;  ///< index of the line (headline 0, then paragraphs) in its document
};

/// One document: its sentences in order. Document-wide facts (how a word is written elsewhere
/// in the same article) are features, so the recogniser always sees a whole document.
struct NerDocument {
    std::vector<NerSentence> sentences;  ///< in text order
};

/// The NerTokenFlag bits of `text` (UTF-8; typographic letters and digits count as such).
[[nodiscard]] std::uint16_t token_flags(std::string_view text);

}  // namespace newsdex
