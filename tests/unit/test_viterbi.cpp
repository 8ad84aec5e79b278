#include "indexer/extract/ner/viterbi.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace newsdex;

namespace {

// Emissions for `count` tokens where `scores` gives (token, label, score); all else 0.
std::vector<float> emissions(std::size_t count, const std::vector<std::tuple<std::size_t, NerLabel, float>>& scores) {
    std::vector<float> out(count * ner_label_count, 0.0F);
    for (const auto& [token, label, score] : scores) out[token * ner_label_count + label] = score;
    return out;
}

}  // namespace

TEST_CASE("viterbi finds the best labels and never continues a name of another type", "[viterbi]") {
    const TransitionScores transitions{};
    const NerLabel b_per = begin_label(EntityType::person), i_per = inside_label(EntityType::person);
    const NerLabel i_org = inside_label(EntityType::org);
    // Token 1 prefers I-ORG, which cannot follow B-PER: the best valid path is B-PER I-PER.
    const auto scores = emissions(3, {{0, b_per, 5.0F}, {1, i_org, 4.0F}, {1, i_per, 3.0F}});
    const std::vector<LabelMask> allowed(3, all_labels);
    std::vector<NerLabel> labels;
    const double best = viterbi_decode(scores.data(), 3, allowed.data(), transitions, labels);
    CHECK(labels == std::vector<NerLabel>{b_per, i_per, outside_label});
    CHECK(best == Approx(8.0));
}

TEST_CASE("viterbi keeps a token that is not scored outside every name", "[viterbi]") {
    const TransitionScores transitions{};
    const NerLabel b_loc = begin_label(EntityType::place);
    const auto scores = emissions(2, {{0, b_loc, 5.0F}, {1, b_loc, 9.0F}});
    const std::vector<LabelMask> allowed{all_labels, only_outside};
    std::vector<NerLabel> labels;
    viterbi_decode(scores.data(), 2, allowed.data(), transitions, labels);
    CHECK(labels == std::vector<NerLabel>{b_loc, outside_label});
}

TEST_CASE("the lattice scores the best path through another labelling of a stretch", "[viterbi]") {
    TransitionScores transitions{};
    const NerLabel b_per = begin_label(EntityType::person), i_per = inside_label(EntityType::person);
    const NerLabel b_org = begin_label(EntityType::org);
    transitions[b_per * ner_label_count + i_per] = 1.0F;
    const auto scores = emissions(3, {{0, b_per, 4.0F}, {1, i_per, 4.0F}, {0, b_org, 2.5F}, {2, outside_label, 1.0F}});
    const std::vector<LabelMask> allowed(3, all_labels);
    ViterbiLattice lattice;
    lattice.run(scores.data(), 3, allowed.data(), transitions);
    lattice.run_backward();
    std::vector<NerLabel> labels;
    lattice.best_labels(labels);
    CHECK(labels == std::vector<NerLabel>{b_per, i_per, outside_label});
    CHECK(lattice.best_score() == Approx(10.0));
    CHECK(lattice.best_score_with(0, 2, EntityType::person) == Approx(10.0));
    CHECK(lattice.best_score_with(0, 2, std::nullopt) == Approx(1.0));            // all O
    CHECK(lattice.best_score_with(0, 2, EntityType::org) == Approx(3.5));         // B-ORG I-ORG O
    CHECK(lattice.best_score_with(0, 1, EntityType::person) == Approx(10.0));     // B-PER, then free
}
