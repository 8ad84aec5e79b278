#include "indexer/extract/ner/train/actor_scoring.hpp"

#include "indexer/extract/actors.hpp"
#include "tests/support/extraction.hpp"
#include "tests/support/paths.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

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

TEST_CASE("a country written only by nationality is a place for the BBC labels and no place for CoNLL",
          "[actor_scoring][ner_bbc]") {
    // "the British government": the BBC labelling guide counts United Kingdom as a place;
    // CoNLL-2003 annotates "British" as MISC. The indexer marks such a country country_only.
    Actor country("United Kingdom", ActorType::place, {"British"});
    country.country_only = true;
    const std::vector<Actor> found{country};
    LabelledActors bbc;
    bbc[2] = {"United Kingdom"};
    ActorTypeCounts labelled{};
    count_labelled_actors(bbc, found, test::builtin_gazetteer(), labelled);
    CHECK(labelled[2].found == 1);
    CHECK(labelled[2].expected_found == 1);

    ActorTypeCounts conll{};
    count_document_actors(LabelledActors{}, found, test::builtin_gazetteer(), conll);
    CHECK(conll[2].found == 0);  // not counted wrong: the CoNLL annotation has no place there
}

TEST_CASE("document-level scoring counts a country written only by nationality when asked to (BBC labels)",
          "[actor_scoring][ner_bbc]") {
    Actor country("United Kingdom", ActorType::place, {"British"});
    country.country_only = true;
    LabelledActors bbc;
    bbc[2] = {"United Kingdom"};
    ActorTypeCounts skipped{}, counted{};
    count_document_actors(bbc, {country}, test::builtin_gazetteer(), skipped);
    count_document_actors(bbc, {country}, test::builtin_gazetteer(), counted, nullptr, NationalityPlaces::count);
    CHECK(skipped[2].found == 0);
    CHECK(counted[2].found == 1);
    CHECK(counted[2].expected_found == 1);
}

TEST_CASE("the actors scored are news-index's: a country written only by nationality is among them",
          "[actor_scoring][ner_bbc]") {
    Article article;
    article.title = "Jobs go at paper maker";
    article.paragraphs = {"The Finnish firm said on Monday that it would cut 500 jobs at its mills."};
    static const Geography geography = Geography::load_builtin();
    const auto& recognizer = test::builtin_recognizer();
    const auto& gazetteer = test::builtin_gazetteer();
    auto is_finland = [](const Actor& actor) { return actor.type == ActorType::place && actor.name == "Finland"; };
    const auto extracted = extract_actors(article, recognizer, gazetteer);
    CHECK(std::none_of(extracted.begin(), extracted.end(), is_finland));  // "Finnish" stays a nationality
    const auto indexed = indexed_actors(article, std::nullopt, recognizer, gazetteer, geography);
    const auto finland = std::find_if(indexed.begin(), indexed.end(), is_finland);
    REQUIRE(finland != indexed.end());
    CHECK(finland->country_only);
}

TEST_CASE("the development labels are other BBC articles than the test labels", "[actor_scoring][ner_bbc]") {
    const auto dev = read_actor_labels(test::test_data() / "actors_bbc_dev_labels.json");
    const auto held_out = read_actor_labels(test::test_data() / "actors_bbc_labels.json");
    CHECK(dev.size() == 25);
    for (const auto& item : dev)
        CHECK(std::none_of(held_out.begin(), held_out.end(), [&](const LabelledArticle& other) { return other.file == item.file; }));
}
