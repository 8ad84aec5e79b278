#pragma once
/// Trains the recogniser: a structured averaged perceptron (Collins 2002) over the features of
/// token_features and the BIO labels, decoded with Viterbi. Deterministic: the sentence order
/// of each epoch is a shuffle drawn from the seed.

#include "indexer/extract/ner/entity_label.hpp"
#include "indexer/extract/ner/hashed_table.hpp"
#include "indexer/extract/ner/ner_model.hpp"
#include "indexer/extract/ner/token_features.hpp"
#include "indexer/extract/ner/viterbi.hpp"

#include <cstdint>
#include <vector>

namespace newsdex {

/// Settings of a training run.
struct PerceptronOptions {
    std::uint64_t seed = 1;         ///< seeds the shuffles
    std::uint32_t min_feature_count = 2;  ///< features seen fewer times in training are dropped
    double lexical_dropout = 0.0;   ///< chance that a token's word features are hidden in an epoch
};

/// Accumulates training sentences, then runs epochs and hands out the averaged model.
class PerceptronTrainer {
public:
    /// A trainer with no sentences.
    explicit PerceptronTrainer(PerceptronOptions options);

    /// Adds one sentence's features and gold labels. A name on a token the features do not
    /// score (a lower-case word far from capitals) cannot be learned; its labels become O and
    /// the count of such tokens grows (see unreachable_tokens()).
    void add(SentenceFeatures features, std::vector<NerLabel> labels);

    /// Drops features seen fewer than min_feature_count times; call once, after every add().
    void drop_rare_features();

    /// One pass over the sentences in a shuffled order; returns the number of sentences whose
    /// decoded labels differed from the gold ones.
    std::size_t run_epoch();

    /// The averaged weights so far, as a model (thresholds zero).
    [[nodiscard]] NerModel averaged_model() const;

    /// Gold name tokens that the feature gate never scores.
    [[nodiscard]] std::size_t unreachable_tokens() const { return m_unreachable; }

    /// The number of training sentences.
    [[nodiscard]] std::size_t sentence_count() const { return m_sentences.size(); }

private:
    /// One training sentence.
    struct Sentence {
        SentenceFeatures features;       ///< its features
        std::vector<NerLabel> gold;      ///< its labels
        std::vector<LabelMask> allowed;  ///< only O for tokens the features do not score
    };

    /// Label scores of a sentence's features under the current (not averaged) weights.
    void score(const SentenceFeatures& features, std::vector<float>& emissions) const;
    /// The features of a sentence for one epoch, with some tokens' word features hidden.
    [[nodiscard]] SentenceFeatures with_dropout(const SentenceFeatures& features);
    /// Adds `delta` to the weight of (feature, label), keeping the averaging sums.
    void update(std::uint64_t feature, NerLabel label, float delta);
    /// Adds `delta` to the transition (previous, label); previous = ner_label_count at the start.
    void update_transition(std::size_t previous, NerLabel label, float delta);

    PerceptronOptions m_options;        ///< as given
    std::vector<Sentence> m_sentences;  ///< every training sentence
    HashedTable<std::uint32_t> m_rows;  ///< feature -> row in m_weights / m_sums
    std::vector<float> m_weights;       ///< ner_label_count a row
    std::vector<double> m_sums;         ///< time-weighted sum of every update, for averaging
    TransitionScores m_transitions{};   ///< current transition weights
    std::array<double, std::tuple_size_v<TransitionScores>> m_transition_sums{};  ///< for averaging
    std::uint64_t m_time = 1;           ///< sentences seen so far, plus one
    std::uint64_t m_random;             ///< splitmix64 state
    std::size_t m_unreachable = 0;      ///< see unreachable_tokens()
};

}  // namespace newsdex
