#include "indexer/extract/ner/ner_tokenizer.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

// The tokens of each sentence of `text`, joined by "|", sentences by " / ".
std::string split(const std::string& text) {
    std::vector<newsdex::NerSentence> sentences;
    newsdex::tokenize_line(text, 0, sentences);
    std::string out;
    for (const auto& sentence : sentences) {
        if (!out.empty()) out += " / ";
        for (std::size_t i = 0; i < sentence.tokens.size(); ++i) {
            if (i > 0) out += '|';
            out += sentence.tokens[i].text;
        }
    }
    return out;
}

}  // namespace

TEST_CASE("the recogniser's tokenizer splits text as its Reuters training data is split", "[ner_tokenizer]") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"Brown-Forman said profits rose.", "Brown-Forman|said|profits|rose|."},
        {"U.S. Trade Representative Clayton Yeutter", "U.S.|Trade|Representative|Clayton|Yeutter"},
        {"Myanmar's junta and Russia’s", "Myanmar|'s|junta|and|Russia|’s"},
        {"O'Neill paid $1,250.5 to AT&T and AC/DC", "O'Neill|paid|$|1,250.5|to|AT&T|and|AC/DC"},
        {"Mr. Lawson left (for now)", "Mr.|Lawson|left|(|for|now|)"},
        {"\"We won,\" he said.", "\"|We|won|,|\"|he|said|."},
    };
    for (const auto& [text, tokens] : cases) {
        INFO(text);
        CHECK(split(text) == tokens);
    }
}

TEST_CASE("sentences end at a full stop before a capital, not after an abbreviation", "[ner_tokenizer]") {
    CHECK(split("He left. She stayed.") == "He|left|. / She|stayed|.");
    CHECK(split("Gen. Min Aung Hlaing spoke.") == "Gen.|Min|Aung|Hlaing|spoke|.");
    CHECK(split("It rose 3.5 pct. \"Good,\" he said.") == "It|rose|3.5|pct|. / \"|Good|,|\"|he|said|.");
}

TEST_CASE("tokens keep their byte offsets and character facts", "[ner_tokenizer]") {
    std::vector<newsdex::NerSentence> sentences;
    newsdex::tokenize_line("  NEW HYDE PARK, São Paulo", 3, sentences);
    REQUIRE(sentences.size() == 1);
    const auto& tokens = sentences[0].tokens;
    REQUIRE(tokens.size() == 6);
    CHECK(sentences[0].line == 3);
    CHECK(tokens[0].offset == 2);
    CHECK((tokens[0].flags & newsdex::token_all_upper) != 0);
    CHECK((tokens[3].flags & newsdex::token_punct) != 0);
    CHECK(tokens[4].text == "São");
    CHECK((tokens[4].flags & newsdex::token_first_upper) != 0);
    CHECK((tokens[4].flags & newsdex::token_has_lower) != 0);
}
