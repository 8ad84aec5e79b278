#include "indexer/extract/ner/sentence_layout.hpp"

#include <string_view>

namespace newsdex {
namespace {

bool opens_clause(const NerToken& token) {
    if ((token.flags & token_punct) == 0 || token.text.empty()) return false;
    const char c = token.text[0];
    return c == '"' || c == '\'' || c == ':' || c == '-' || c == '(' || c == '[' || token.text == "\xE2\x80\x9C" ||
           token.text == "\xE2\x80\x98" || token.text == "\xE2\x80\x94" || token.text == "\xE2\x80\x93";
}

}  // namespace

LineCase line_case(const NerSentence& sentence) {
    std::size_t words = 0, capitals = 0, long_words = 0, capitalised = 0;
    for (const NerToken& token : sentence.tokens) {
        if ((token.flags & token_has_letter) == 0) continue;
        ++words;
        if ((token.flags & token_all_upper) != 0 && token.text.size() > 1) ++capitals;
        if (token.text.size() >= 4) {
            ++long_words;
            if ((token.flags & token_first_upper) != 0) ++capitalised;
        }
    }
    if (words >= 1 && capitals * 5 >= words * 4) return LineCase::capitals;
    if (long_words >= 2 && capitalised * 4 >= long_words * 3) return LineCase::title;
    return LineCase::normal;
}

std::uint8_t token_position(const NerSentence& sentence, std::size_t i) {
    if (i == 0) return 0;
    return opens_clause(sentence.tokens[i - 1]) ? 1 : 2;
}

}  // namespace newsdex
