#pragma once
/// Splits text into sentences of tokens the way the recogniser's training data (CoNLL-2003,
/// Reuters) is split: punctuation apart, possessive "'s" apart, hyphenated words, dotted
/// acronyms ("U.S."), known abbreviations ("Corp.", "Mr."), capitals joined by "&" or "/"
/// ("AT&T", "AC/DC") and numbers ("1,250.5") whole.

#include "indexer/extract/ner/ner_token.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace newsdex {

/// Appends the sentences of `line` (a headline or a paragraph; it always starts a sentence) to
/// `out`, each tagged with `line_index`. Tokens point into `line`. Pure and thread-safe; invalid
/// UTF-8 bytes become one-byte punctuation tokens.
void tokenize_line(std::string_view line, std::uint32_t line_index, std::vector<NerSentence>& out);

}  // namespace newsdex
