#pragma once
/// Pairwise precision and recall of a clustering against a reference clustering: the measure
/// used to tune and test near-duplicate detection. Pure; no I/O.

#include <cstdint>
#include <string>
#include <unordered_map>

namespace newsdex {

/// How well a predicted clustering matches a true one, counted over pairs of ids.
struct PairwiseScores {
    double precision = 1.0;            ///< correct_pairs / predicted_pairs; 1.0 when nothing is predicted
    double recall = 1.0;               ///< correct_pairs / true_pairs; 1.0 when there is nothing to find
    std::uint64_t true_pairs = 0;      ///< pairs of ids that share a true cluster
    std::uint64_t predicted_pairs = 0; ///< pairs of ids that share a predicted cluster
    std::uint64_t correct_pairs = 0;   ///< pairs that share both
};

/// Scores `predicted_cluster_of_id` (id -> predicted cluster label) against
/// `true_cluster_of_id` (id -> true cluster label). Only ids present in both maps count; the
/// labels of the two maps are unrelated strings. Runs in O(n) by counting the ids of each
/// cluster and of each (predicted, true) intersection, never by listing pairs. Never fails.
[[nodiscard]] PairwiseScores pairwise_scores(
    const std::unordered_map<std::string, std::string>& predicted_cluster_of_id,
    const std::unordered_map<std::string, std::string>& true_cluster_of_id);

}  // namespace newsdex
