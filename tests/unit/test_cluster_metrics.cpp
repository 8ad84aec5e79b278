#include "benchmarks/cluster_metrics.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <unordered_map>
#include <vector>

using newsdex::pairwise_scores;
using Clustering = std::unordered_map<std::string, std::string>;

namespace {

// The O(n^2) definition, as the reference for the O(n) implementation.
newsdex::PairwiseScores brute_force(const Clustering& predicted, const Clustering& truth) {
    std::vector<std::string> ids;
    for (const auto& [id, label] : predicted)
        if (truth.count(id)) ids.push_back(id);
    newsdex::PairwiseScores s;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        for (std::size_t j = i + 1; j < ids.size(); ++j) {
            const bool p = predicted.at(ids[i]) == predicted.at(ids[j]);
            const bool t = truth.at(ids[i]) == truth.at(ids[j]);
            s.predicted_pairs += p;
            s.true_pairs += t;
            s.correct_pairs += p && t;
        }
    }
    return s;
}

}  // namespace

TEST_CASE("pairwise scores of hand-worked clusterings", "[cluster_metrics]") {
    struct Row {
        const char* what;
        Clustering predicted;
        Clustering truth;
        std::uint64_t true_pairs, predicted_pairs, correct_pairs;
        double precision, recall;
    };
    const std::vector<Row> rows = {
        {"identical clusterings, labels renamed",
         {{"a", "x"}, {"b", "x"}, {"c", "x"}, {"d", "y"}, {"e", "y"}},
         {{"a", "1"}, {"b", "1"}, {"c", "1"}, {"d", "2"}, {"e", "2"}},
         4, 4, 4, 1.0, 1.0},
        {"one id moved to the wrong cluster",
         {{"a", "x"}, {"b", "x"}, {"c", "y"}, {"d", "y"}, {"e", "y"}},
         {{"a", "1"}, {"b", "1"}, {"c", "1"}, {"d", "2"}, {"e", "2"}},
         4, 4, 2, 0.5, 0.5},
        {"all singletons predicted: nothing wrong, nothing found",
         {{"a", "a"}, {"b", "b"}, {"c", "c"}},
         {{"a", "1"}, {"b", "1"}, {"c", "2"}},
         1, 0, 0, 1.0, 0.0},
        {"everything merged",
         {{"a", "x"}, {"b", "x"}, {"c", "x"}, {"d", "x"}},
         {{"a", "1"}, {"b", "1"}, {"c", "2"}, {"d", "3"}},
         1, 6, 1, 1.0 / 6.0, 1.0},
        {"equal label strings in the two maps mean nothing",
         {{"a", "1"}, {"b", "2"}},
         {{"a", "1"}, {"b", "1"}},
         1, 0, 0, 1.0, 0.0},
        {"ids in only one map are ignored",
         {{"a", "x"}, {"b", "x"}, {"only-predicted", "x"}},
         {{"a", "1"}, {"b", "1"}, {"only-true", "1"}},
         1, 1, 1, 1.0, 1.0},
        {"no common ids", {{"a", "x"}}, {{"b", "1"}}, 0, 0, 0, 1.0, 1.0},
        {"empty maps", {}, {}, 0, 0, 0, 1.0, 1.0},
    };
    for (const auto& row : rows) {
        CAPTURE(row.what);
        const auto s = pairwise_scores(row.predicted, row.truth);
        CHECK(s.true_pairs == row.true_pairs);
        CHECK(s.predicted_pairs == row.predicted_pairs);
        CHECK(s.correct_pairs == row.correct_pairs);
        CHECK(s.precision == Approx(row.precision));
        CHECK(s.recall == Approx(row.recall));
    }
}

TEST_CASE("pairwise scores agree with counting every pair on random clusterings", "[cluster_metrics]") {
    std::mt19937 rng(20240601);  // raw engine output only: its sequence is fixed by the standard
    for (int round = 0; round < 50; ++round) {
        const auto ids = 1 + rng() % 60;
        const auto predicted_clusters = 1 + rng() % 12;
        const auto true_clusters = 1 + rng() % 12;
        const auto label = [](char kind, unsigned long number) { return std::string(1, kind).append(std::to_string(number)); };
        Clustering predicted;
        Clustering truth;
        for (unsigned long i = 0; i < ids; ++i) {
            const std::string id = label('d', i);
            if (rng() % 10 != 0) predicted[id] = label('p', rng() % predicted_clusters);
            if (rng() % 10 != 0) truth[id] = label('t', rng() % true_clusters);
        }
        CAPTURE(round, ids);
        const auto fast = pairwise_scores(predicted, truth);
        const auto slow = brute_force(predicted, truth);
        REQUIRE(fast.true_pairs == slow.true_pairs);
        REQUIRE(fast.predicted_pairs == slow.predicted_pairs);
        REQUIRE(fast.correct_pairs == slow.correct_pairs);
        if (slow.predicted_pairs > 0)
            CHECK(fast.precision == Approx(double(slow.correct_pairs) / double(slow.predicted_pairs)));
        if (slow.true_pairs > 0)
            CHECK(fast.recall == Approx(double(slow.correct_pairs) / double(slow.true_pairs)));
    }
}

TEST_CASE("pairwise scores count billions of pairs without listing them", "[cluster_metrics]") {
    // 200,000 ids in one true cluster, predicted as two halves: listing pairs would take 2e10 steps.
    Clustering predicted;
    Clustering truth;
    const std::uint64_t n = 200000;
    for (std::uint64_t i = 0; i < n; ++i) {
        const std::string id = std::to_string(i);
        truth[id] = "story";
        predicted[id] = i < n / 2 ? "first" : "second";
    }
    const auto s = pairwise_scores(predicted, truth);
    CHECK(s.true_pairs == n * (n - 1) / 2);
    CHECK(s.predicted_pairs == 2 * ((n / 2) * (n / 2 - 1) / 2));
    CHECK(s.correct_pairs == s.predicted_pairs);
    CHECK(s.precision == 1.0);
    CHECK(s.recall == Approx(0.5).epsilon(1e-4));
}
