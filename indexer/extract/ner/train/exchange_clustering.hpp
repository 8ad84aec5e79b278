#pragma once
/// Word classes from unlabeled text by the exchange algorithm (Kneser & Ney 1993; Martin,
/// Liermann & Ney 1998): words move, one at a time, to the class that most raises the
/// likelihood of a class bigram model of the text, until few move. Words with the same
/// neighbours end up together, so "Brussels" joins other cities and "Yeutter" other surnames.

#include <cstdint>
#include <iosfwd>
#include <vector>

namespace newsdex {

/// Settings of one clustering.
struct ExchangeSettings {
    std::uint32_t classes = 256;     ///< number of classes
    std::uint32_t max_iterations = 15;  ///< passes over the vocabulary at most
    double min_moved_share = 0.002;  ///< stop when fewer words than this share moved in a pass
};

/// Clusters the words of `text`, a sequence of word ids in [0, vocabulary) (sentence
/// boundaries are a word id of their own). Returns each word's class in [0, classes).
/// Deterministic: words start in classes by frequency rank (round robin) and are visited in
/// that order. `log` gets a line a pass.
[[nodiscard]] std::vector<std::uint32_t> exchange_clustering(const std::vector<std::uint32_t>& text,
                                                             std::uint32_t vocabulary, const ExchangeSettings& settings,
                                                             std::ostream& log);

}  // namespace newsdex
