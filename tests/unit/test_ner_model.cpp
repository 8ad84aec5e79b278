#include "indexer/extract/name_mentions.hpp"
#include "indexer/extract/ner/ner_model.hpp"
#include "indexer/extract/ner/word_forms.hpp"

#include "tests/support/extraction.hpp"
#include "tests/support/paths.hpp"
#include "tests/support/text_articles.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

using namespace newsdex;

TEST_CASE("a model file reads back with the same scores, thresholds and bytes", "[ner_model]") {
    std::vector<FeatureWeights> features(3);
    features[0].key = 11;
    features[0].weights[begin_label(EntityType::person)] = 2.0F;
    features[1].key = 22;
    features[1].weights[outside_label] = -1.0F;
    features[1].weights[inside_label(EntityType::place)] = 0.5F;
    features[2].key = 33;  // all zero: dropped
    TransitionScores transitions{};
    transitions[5] = 0.25F;
    NerModel model = NerModel::from_weights(features, transitions);
    model.set_thresholds({1.0F, 2.0F, 3.0F, 4.0F});
    model.set_lone_name_thresholds({5.0F, 6.0F, 7.0F, 0.0F});
    CHECK(model.feature_count() == 2);

    std::ostringstream out;
    model.write(out);
    std::istringstream in(out.str());
    const NerModel read = NerModel::read(in, "test");
    std::ostringstream again;
    read.write(again);
    CHECK(again.str() == out.str());
    CHECK(read.threshold(EntityType::org) == 2.0F);
    CHECK(read.lone_name_threshold(EntityType::place) == 7.0F);
    CHECK(read.transitions()[5] == 0.25F);

    SentenceFeatures sentence;
    sentence.hashes = {11, 22, 44, 22};
    sentence.ends = {3, 4};
    sentence.scored = {1, 0};
    std::vector<float> emissions;
    read.score(sentence, emissions);
    REQUIRE(emissions.size() == 2 * ner_label_count);
    CHECK(emissions[begin_label(EntityType::person)] == Approx(2.0F).epsilon(0.001));
    CHECK(emissions[outside_label] == Approx(-1.0F).epsilon(0.001));
    CHECK(emissions[inside_label(EntityType::place)] == Approx(0.5F).epsilon(0.001));
    CHECK(emissions[ner_label_count + outside_label] == 0.0F);  // not scored
}

TEST_CASE("a file that is not a model, or is for other features, is refused with its name", "[ner_model]") {
    std::istringstream junk("not a model at all");
    CHECK_THROWS_WITH(NerModel::read(junk, "junk.bin"), Catch::Contains("junk.bin") && Catch::Contains("not a newsdex"));
    std::ostringstream out;
    NerModel().write(out);
    std::string bytes = out.str();
    bytes[8] = static_cast<char>(bytes[8] + 1);  // the feature set version
    std::istringstream other(bytes);
    CHECK_THROWS_WITH(NerModel::read(other, "old.bin"), Catch::Contains("retrain"));
}

TEST_CASE("word forms hash a word as written, folded, capitalised and by shape", "[ner_model]") {
    CHECK(word_forms("U.S.").exact == word_forms("US").exact);
    CHECK(word_forms("BRUSSELS").title == word_forms("Brussels").exact);
    CHECK(word_forms("Brussels").lower == word_forms("brussels").lower);
    CHECK(word_forms("Myanmar’s").exact == word_forms("Myanmar's").exact);
    CHECK(word_forms("1996-08-22").lower_digits_zero == word_forms("2001-11-09").lower_digits_zero);
    CHECK(word_forms("Brown-Forman").shape == word_forms("Anglo-Dutch").shape);
    CHECK(word_forms("Brown").shape != word_forms("BROWN").shape);
    CHECK(word_forms("Yeutter").suffixes[2] == word_forms("Cutter").suffixes[2]);
    CHECK(word_forms("ab").prefixes[2] == 0);
}

TEST_CASE("a known word's summed weights score exactly as its listed features do", "[ner_model]") {
    const EntityRecognizer& recognizer = newsdex::test::builtin_recognizer();
    const FeatureExtractor listed(recognizer.clusters(), recognizer.cues());
    const WordLexicon lexicon(recognizer.clusters(), recognizer.cues());
    const FeatureExtractor compiled(recognizer.clusters(), recognizer.cues(), &lexicon);
    const Article article = newsdex::test::read_text_file(newsdex::test::shared_corpus() / "bbc" / "business" / "001.txt");
    const NerDocument document = tokenize_article(article);
    std::vector<SentenceFeatures> a, b;
    listed.extract(document, newsdex::test::builtin_gazetteer(), a);
    compiled.extract(document, newsdex::test::builtin_gazetteer(), b);
    REQUIRE(a.size() == b.size());
    std::size_t known = 0;
    for (std::size_t s = 0; s < a.size(); ++s) {
        std::vector<float> ea, eb;
        recognizer.model().score(a[s], ea);
        recognizer.model().score(b[s], eb);
        REQUIRE(ea.size() == eb.size());
        for (std::size_t k = 0; k < ea.size(); ++k) CHECK(ea[k] == Approx(eb[k]).margin(1e-4));
        known += static_cast<std::size_t>(std::count_if(b[s].compiled_word.begin(), b[s].compiled_word.end(),
                                                        [](std::uint64_t w) { return w != 0; }));
        CHECK(b[s].hashes.size() < a[s].hashes.size() + 1);
    }
    CHECK(known > 50);
}
