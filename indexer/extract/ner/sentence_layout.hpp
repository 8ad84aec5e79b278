#pragma once
/// How a sentence is written (in capitals, in title case, or normally) and where in it a token
/// stands: a capital letter means little at a sentence start or in a headline.

#include "indexer/extract/ner/ner_token.hpp"

#include <cstddef>
#include <cstdint>

namespace newsdex {

/// The case of a whole sentence.
enum class LineCase : std::uint8_t {
    normal,    ///< running text
    capitals,  ///< at least 80% of its words in capitals ("SOCCER - JAPAN GET LUCKY WIN")
    title      ///< at least 75% of its words of four letters or more capitalised
};

/// The case of `sentence`.
[[nodiscard]] LineCase line_case(const NerSentence& sentence);

/// Where token `i` stands: 0 first in the sentence, 1 just after an opening quote, bracket,
/// colon or dash (a clause start), 2 elsewhere.
[[nodiscard]] std::uint8_t token_position(const NerSentence& sentence, std::size_t i);

}  // namespace newsdex
