#pragma once
/// A trained recogniser's weights: for each feature hash a score per label (16-bit integers
/// with one scale for the model), the label transition scores, and the confidence thresholds
/// tuned on development data. Loaded from one binary file; see data/README.md for its layout.

#include "indexer/extract/ner/entity_label.hpp"
#include "indexer/extract/ner/token_features.hpp"
#include "indexer/extract/ner/viterbi.hpp"
#include "indexer/extract/ner/word_lexicon.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace newsdex {

/// One feature's weights as the trainer leaves them.
struct FeatureWeights {
    std::uint64_t key = 0;                              ///< the feature hash
    std::array<float, ner_label_count> weights{};  ///< a score per label
};

/// The weights of a trained recogniser, in an open-addressed table for lookup. Immutable once
/// built; const members are thread-safe.
class NerModel {
public:
    /// A model that knows no feature (every token O).
    NerModel();

    /// Quantises trained weights: each weight becomes a 16-bit integer under one scale chosen
    /// so the largest fits; weights that round to zero and features left with none are dropped.
    [[nodiscard]] static NerModel from_weights(const std::vector<FeatureWeights>& features,
                                               const TransitionScores& transitions);

    /// Reads a model file. Throws std::runtime_error naming the file when it cannot be read,
    /// is not a model file, or was made for another feature set or label set.
    [[nodiscard]] static NerModel load(const std::filesystem::path& file);

    /// Reads a model from `in`; `name` names it in errors.
    [[nodiscard]] static NerModel read(std::istream& in, const std::string& name);

    /// Writes the model file (entries sorted by key, so equal models give equal bytes).
    /// Throws std::runtime_error when the file cannot be written.
    void save(const std::filesystem::path& file) const;

    /// Writes the model to `out`.
    void write(std::ostream& out) const;

    /// Sums in advance, for every word of `lexicon`, the weights of its word features
    /// (append_word_features), so that scoring a known word takes one lookup instead of a dozen.
    /// Call again after reading weights for another lexicon; the file does not keep these sums.
    void compile_words(const WordLexicon& lexicon);

    /// Sets `emissions` (resized to tokens × labels) to each scored token's label scores; tokens
    /// that are not scored get zeros. A token's compiled word (SentenceFeatures::compiled_word)
    /// counts with the sums of compile_words().
    void score(const SentenceFeatures& features, std::vector<float>& emissions) const;

    /// The transition scores.
    [[nodiscard]] const TransitionScores& transitions() const { return m_transitions; }

    /// The least margin (best path score minus the best score without the name) at which a
    /// name of `type` is kept.
    [[nodiscard]] float threshold(EntityType type) const { return m_thresholds[static_cast<std::size_t>(type)]; }

    /// Sets the margin thresholds, by EntityType.
    void set_thresholds(const std::array<float, entity_type_count>& thresholds) { m_thresholds = thresholds; }

    /// The least margin at which an actor of `type` with no support is kept: a name the
    /// gazetteer does not know, mentioned once, with no cue word of its type.
    [[nodiscard]] float lone_name_threshold(EntityType type) const {
        return m_lone_name_thresholds[static_cast<std::size_t>(type)];
    }

    /// All lone-name thresholds, by EntityType.
    [[nodiscard]] const std::array<float, entity_type_count>& lone_name_thresholds() const { return m_lone_name_thresholds; }

    /// Sets the lone-name thresholds, by EntityType.
    void set_lone_name_thresholds(const std::array<float, entity_type_count>& thresholds) {
        m_lone_name_thresholds = thresholds;
    }

    /// The number of features with weights.
    [[nodiscard]] std::size_t feature_count() const { return m_features; }

private:
    /// One table slot: the key's upper 32 bits (with the lowest bit set; 0 marks an empty slot)
    /// and the label weights.
    struct Row {
        std::uint32_t check = 0;                              ///< upper key bits | 1; 0: empty
        std::array<std::int16_t, ner_label_count> weights{};  ///< one a label
    };

    /// Sizes the table for `features` entries.
    void reserve(std::size_t features);
    /// The slot for `key`: its row, or the empty slot where it would go.
    [[nodiscard]] std::size_t slot_of(std::uint64_t key) const;
    /// Adds the weights of `key`.
    void insert(std::uint64_t key, const std::array<std::int16_t, ner_label_count>& weights);

    /// Summed weights, one a label.
    using Sums = std::array<std::int32_t, ner_label_count>;

    std::vector<Row> m_rows;  ///< the open-addressed table
    HashedTable<Sums> m_compiled;  ///< exact word hash -> summed weights of its word features
    std::vector<std::uint64_t> m_keys;  ///< full key per slot, kept only to write the file
    std::size_t m_mask = 0;      ///< m_rows.size() - 1
    std::size_t m_features = 0;  ///< rows in use
    float m_scale = 1.0F;  ///< integer weight = round(weight * m_scale)
    TransitionScores m_transitions{};  ///< see transitions()
    std::array<float, entity_type_count> m_thresholds{};            ///< see threshold()
    std::array<float, entity_type_count> m_lone_name_thresholds{};  ///< see lone_name_threshold()
};

}  // namespace newsdex
