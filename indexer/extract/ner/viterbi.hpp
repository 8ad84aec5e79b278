#pragma once
/// The decoder: the best label sequence of a sentence under a first-order model (per-token
/// label scores plus label-to-label transition scores), with the BIO constraint that an I
/// label only continues a name of its own type; and the best score of paths that label a
/// stretch of tokens otherwise, which measures how sure the model is of a name.

#include "indexer/extract/ner/entity_label.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace newsdex {

/// Transition scores: [previous * ner_label_count + label], with previous = ner_label_count
/// for the start of the sentence.
using TransitionScores = std::array<float, (ner_label_count + 1) * ner_label_count>;

/// A bit per label a token may take; all_labels allows every one, only_outside forces O.
using LabelMask = std::uint16_t;
/// Every label allowed.
inline constexpr LabelMask all_labels = (1u << ner_label_count) - 1;
/// Only O allowed.
inline constexpr LabelMask only_outside = 1u << outside_label;

/// Finds the best labels of `count` tokens. `emissions[i * ner_label_count + y]` is the score
/// of label y at token i; `allowed[i]` masks the labels token i may take. Writes the labels to
/// `labels` (resized) and returns the path's score. Never fails: O everywhere is always allowed.
double viterbi_decode(const float* emissions, std::size_t count, const LabelMask* allowed,
                      const TransitionScores& transitions, std::vector<NerLabel>& labels);

/// The forward and backward best-path scores of one sentence, from which the best path and the
/// best path through any labelling of a stretch of tokens follow. One object serves sentence
/// after sentence, reusing its memory; the inputs of a run must outlive the queries.
class ViterbiLattice {
public:
    /// An empty lattice.
    ViterbiLattice() = default;

    /// The forward pass over a sentence (same arguments as viterbi_decode).
    void run(const float* emissions, std::size_t count, const LabelMask* allowed, const TransitionScores& transitions);

    /// The backward pass, which best_score_with() needs; call after run().
    void run_backward();

    /// The best path's score.
    [[nodiscard]] double best_score() const { return m_best; }

    /// The best path's labels.
    void best_labels(std::vector<NerLabel>& labels) const;

    /// The best score of a path that labels tokens [begin, end) as one name of `type`
    /// (nullopt: all O) and is free elsewhere; minus infinity when no such path is allowed.
    /// Needs run_backward().
    [[nodiscard]] double best_score_with(std::uint32_t begin, std::uint32_t end, std::optional<EntityType> type) const;

private:
    const float* m_emissions = nullptr;               ///< of the last run
    std::size_t m_count = 0;                          ///< tokens of the last run
    const LabelMask* m_allowed = nullptr;             ///< of the last run
    const TransitionScores* m_transitions = nullptr;  ///< of the last run
    std::vector<double> m_forward;        ///< best score of tokens [0, i] ending in label y, [i * L + y]
    std::vector<double> m_backward;       ///< best score of tokens (i, count) given label y at i
    std::vector<std::uint8_t> m_back;     ///< the forward pass's best previous label
    double m_best = 0.0;      ///< the best path's score
    std::uint8_t m_last = 0;  ///< the best path's last label
};

}  // namespace newsdex
