#include "benchmarks/cluster_metrics.hpp"

#include <string_view>
#include <vector>

namespace newsdex {

namespace {

std::uint64_t pairs_among(std::uint64_t n) { return n < 2 ? 0 : n * (n - 1) / 2; }

// Gives each distinct label a dense number, so intersections can be keyed by one integer.
class LabelNumbers {
public:
    std::uint32_t number_of(std::string_view label) {
        const auto [it, added] = m_numbers.try_emplace(label, static_cast<std::uint32_t>(m_sizes.size()));
        if (added) m_sizes.push_back(0);
        ++m_sizes[it->second];
        return it->second;
    }
    const std::vector<std::uint64_t>& sizes() const { return m_sizes; }

private:
    std::unordered_map<std::string_view, std::uint32_t> m_numbers;
    std::vector<std::uint64_t> m_sizes;  // ids counted per label number
};

}  // namespace

PairwiseScores pairwise_scores(const std::unordered_map<std::string, std::string>& predicted_cluster_of_id,
                               const std::unordered_map<std::string, std::string>& true_cluster_of_id) {
    LabelNumbers predicted;
    LabelNumbers truth;
    std::unordered_map<std::uint64_t, std::uint64_t> both;  // (predicted << 32 | true) -> ids
    for (const auto& [id, predicted_label] : predicted_cluster_of_id) {
        const auto found = true_cluster_of_id.find(id);
        if (found == true_cluster_of_id.end()) continue;
        const std::uint64_t p = predicted.number_of(predicted_label);
        const std::uint64_t t = truth.number_of(found->second);
        ++both[(p << 32) | t];
    }

    PairwiseScores scores;
    for (const auto n : predicted.sizes()) scores.predicted_pairs += pairs_among(n);
    for (const auto n : truth.sizes()) scores.true_pairs += pairs_among(n);
    for (const auto& [key, n] : both) scores.correct_pairs += pairs_among(n);
    if (scores.predicted_pairs > 0)
        scores.precision = static_cast<double>(scores.correct_pairs) / static_cast<double>(scores.predicted_pairs);
    if (scores.true_pairs > 0)
        scores.recall = static_cast<double>(scores.correct_pairs) / static_cast<double>(scores.true_pairs);
    return scores;
}

}  // namespace newsdex
