#pragma once
/// A whole run of newsdex-learn-clusters: reads unlabeled news (plain-text articles and the
/// words of annotated files), learns word classes at three granularities with the exchange
/// algorithm, measures how each word is capitalised in running text, and writes both tables.

#include <array>
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <vector>

namespace newsdex {

/// What a clustering run reads and writes.
struct ClusterLearningSettings {
    std::vector<std::filesystem::path> text_inputs;   ///< .txt articles, or directories read recursively in sorted order
    std::vector<std::filesystem::path> conll_inputs;  ///< annotated files, read for their words only
    std::filesystem::path classes_output;             ///< word classes file to write
    std::filesystem::path case_output;                ///< capitalisation profile file to write
    std::uint32_t min_count = 3;                      ///< rarer words get no class
    std::array<std::uint32_t, 3> classes{64, 256, 1024};  ///< classes at each granularity
    std::uint32_t max_iterations = 15;                ///< exchange passes at most
};

/// Runs the clustering and writes the files (deterministic for the same inputs). Progress goes
/// to `log`. Throws std::runtime_error when an input cannot be read or an output written.
void learn_word_clusters(const ClusterLearningSettings& settings, std::ostream& log);

}  // namespace newsdex
