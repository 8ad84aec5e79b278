#include "indexer/extract/ner/train/conll_corpus.hpp"
#include "indexer/extract/ner/train/exchange_clustering.hpp"
#include "indexer/extract/ner/train/perceptron_trainer.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace newsdex;

namespace {

// A toy feature set: one feature per word, one per previous word; every token scored.
SentenceFeatures toy_features(const std::vector<std::uint64_t>& words) {
    SentenceFeatures f;
    for (std::size_t i = 0; i < words.size(); ++i) {
        f.hashes.push_back(words[i] * 2);
        f.hashes.push_back((i == 0 ? 999 : words[i - 1]) * 2 + 1);
        f.ends.push_back(static_cast<std::uint32_t>(f.hashes.size()));
        f.scored.push_back(1);
        f.lexical.push_back(1);
    }
    return f;
}

std::string model_bytes(std::uint64_t seed) {
    PerceptronTrainer trainer(PerceptronOptions{seed, 1, 0.0});
    // Word 7 ("Mr") makes the next word a person; word 5 is always O.
    const NerLabel b_per = begin_label(EntityType::person);
    for (std::uint64_t name = 100; name < 130; ++name) {
        trainer.add(toy_features({7, name, 5}), {outside_label, b_per, outside_label});
        trainer.add(toy_features({5, name + 100, 5}), {outside_label, outside_label, outside_label});
    }
    trainer.drop_rare_features();
    for (int epoch = 0; epoch < 5; ++epoch) trainer.run_epoch();
    std::ostringstream out;
    trainer.averaged_model().write(out);
    return out.str();
}

}  // namespace

TEST_CASE("the perceptron learns a cue from its neighbour and generalises to an unseen name", "[perceptron]") {
    const std::string bytes = model_bytes(1);
    std::istringstream in(bytes);
    const NerModel model = NerModel::read(in, "toy");
    const std::vector<LabelMask> allowed(3, all_labels);
    std::vector<float> emissions;
    std::vector<NerLabel> labels;
    model.score(toy_features({7, 4242, 5}), emissions);
    viterbi_decode(emissions.data(), 3, allowed.data(), model.transitions(), labels);
    CHECK(labels[1] == begin_label(EntityType::person));
    CHECK(labels[2] == outside_label);
    model.score(toy_features({5, 4242, 5}), emissions);
    viterbi_decode(emissions.data(), 3, allowed.data(), model.transitions(), labels);
    CHECK(labels[1] == outside_label);
}

TEST_CASE("training is deterministic for a seed", "[perceptron]") {
    CHECK(model_bytes(3) == model_bytes(3));
}

TEST_CASE("a CoNLL-2003 file reads into documents with BIO labels", "[conll]") {
    std::istringstream text(
        "-DOCSTART- -X- -X- O\n\n"
        "EU NNP I-NP I-ORG\nrejects VBZ I-VP O\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n"
        "John NNP I-NP B-PER\n. . O O\n\n"
        "-DOCSTART- -X- -X- O\n\nBRUSSELS NNP I-NP I-LOC\n");
    const ConllCorpus corpus = ConllCorpus::read(text, "test");
    REQUIRE(corpus.documents().size() == 2);
    const auto& labels = corpus.documents()[0].labels.at(0);
    CHECK(labels == std::vector<NerLabel>{begin_label(EntityType::org), outside_label, begin_label(EntityType::person),
                                          inside_label(EntityType::person), begin_label(EntityType::person), outside_label});
    CHECK(corpus.documents()[1].document.sentences.at(0).tokens.at(0).text == "BRUSSELS");
    CHECK(corpus.token_count() == 7);
    std::istringstream bad("word POS CHUNK I-FOO\n");
    CHECK_THROWS_WITH(ConllCorpus::read(bad, "bad.conll"), Catch::Contains("bad.conll:1"));
}

TEST_CASE("the exchange algorithm puts words used alike in one class", "[word_clusters]") {
    // Two families of words with different neighbours: towns follow "in", surnames precede "said".
    std::vector<std::uint32_t> text;
    const std::uint32_t boundary = 0, in = 1, said = 2;
    for (int round = 0; round < 20; ++round)
        for (std::uint32_t w = 0; w < 4; ++w) {
            text.insert(text.end(), {boundary, in, 3 + w, boundary});  // towns 3..6
            text.insert(text.end(), {boundary, 7 + w, said, boundary});  // surnames 7..10
        }
    std::ostringstream log;
    ExchangeSettings settings;
    settings.classes = 5;
    const auto classes = exchange_clustering(text, 11, settings, log);
    for (std::uint32_t w = 4; w <= 6; ++w) CHECK(classes[w] == classes[3]);
    for (std::uint32_t w = 8; w <= 10; ++w) CHECK(classes[w] == classes[7]);
    CHECK(classes[3] != classes[7]);
    CHECK(exchange_clustering(text, 11, settings, log) == classes);
}
