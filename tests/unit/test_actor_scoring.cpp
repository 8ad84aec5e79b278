#include "indexer/extract/ner/train/actor_scoring.hpp"

#include "tests/support/extraction.hpp"

#include <catch2/catch.hpp>

using namespace newsdex;

TEST_CASE("document-level scoring counts a name found when one holds all the other's words", "[actor_scoring]") {
    LabelledActors gold;
    gold[0] = {"Yeutter", "Nigel Lawson"};
    gold[2] = {"U.S.", "New Hyde Park"};
    const std::vector<Actor> found{{"Clayton Yeutter", ActorType::person, {}},
                                   {"Lawson", ActorType::person, {}},
                                   {"Gordon Brown", ActorType::person, {}},
                                   {"United States", ActorType::place, {}},
                                   {"Hyde", ActorType::org, {}}};
    ActorTypeCounts counts{};
    count_document_actors(gold, found, test::builtin_gazetteer(), counts);
    CHECK(counts[0].expected == 2);
    CHECK(counts[0].expected_found == 2);  // Yeutter in Clayton Yeutter, Lawson in Nigel Lawson
    CHECK(counts[0].found == 3);
    CHECK(counts[0].found_right == 2);     // Gordon Brown is wrong
    CHECK(counts[2].expected_found == 1);  // U.S. is United States through the gazetteer
    CHECK(counts[2].found_right == 1);
    CHECK(counts[1].found == 1);
    CHECK(counts[1].found_right == 0);     // the type must agree
    CHECK(counts[0].f1() == Approx(2 * (2.0 / 3) * 1.0 / (2.0 / 3 + 1.0)));
}

TEST_CASE("a CoNLL document reads as an article with the spacing of running text", "[actor_scoring]") {
    LabelledDocument document;
    NerSentence headline;
    for (const char* word : {"SOCCER", "-", "JAPAN", "WIN", "."}) headline.tokens.push_back({word, 0, token_flags(word)});
    NerSentence body;
    for (const char* word : {"Japan", "'s", "coach", "(", "Shu", "Kamo", ")", "said", "\"", "good", "\"", "."})
        body.tokens.push_back({word, 0, token_flags(word)});
    document.document.sentences = {headline, body};
    document.labels = {{0, 0, begin_label(EntityType::place), 0, 0},
                       {begin_label(EntityType::place), 0, 0, 0, begin_label(EntityType::person),
                        inside_label(EntityType::person), 0, 0, 0, 0, 0, 0}};
    const Article article = conll_article(document);
    CHECK(article.title == "SOCCER - JAPAN WIN.");
    REQUIRE(article.paragraphs.size() == 1);
    CHECK(article.paragraphs[0] == "Japan's coach (Shu Kamo) said \"good\".");
    const LabelledActors actors = conll_actors(document);
    CHECK(actors[0] == std::vector<std::string>{"Shu Kamo"});
    CHECK(actors[2] == std::vector<std::string>{"JAPAN"});  // one entity, however written
}
