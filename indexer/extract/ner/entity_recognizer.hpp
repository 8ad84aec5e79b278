#pragma once
/// The named-entity recogniser: features, model scores and Viterbi decoding over a document's
/// sentences, giving each name found with its type and a confidence margin.

#include "common/gazetteer.hpp"
#include "indexer/extract/ner/cue_words.hpp"
#include "indexer/extract/ner/entity_label.hpp"
#include "indexer/extract/ner/ner_model.hpp"
#include "indexer/extract/ner/ner_token.hpp"
#include "indexer/extract/ner/token_features.hpp"
#include "indexer/extract/ner/word_clusters.hpp"

#include <filesystem>
#include <memory>
#include <vector>

namespace newsdex {

/// One name the recogniser found.
struct RecognisedEntity {
    std::uint32_t sentence = 0;  ///< index into NerDocument::sentences
    std::uint32_t begin = 0;     ///< first token
    std::uint32_t end = 0;       ///< one past the last token
    EntityType type = EntityType::misc;
    float margin = 0.0F;         ///< how sure the model is: the best path's score minus the best score
                                 ///< of a path with these tokens O or a name of another type
    bool confident = false;      ///< margin at or above the model's threshold for the type
};

/// The files a recogniser is built from.
struct RecognizerFiles {
    std::filesystem::path model;         ///< the trained weights (newsdex-train-ner)
    std::filesystem::path word_classes;  ///< word → classes (newsdex-learn-clusters)
    std::filesystem::path word_case;     ///< capitalisation profile (newsdex-learn-clusters)
    std::filesystem::path cue_words;     ///< hand-written cue word classes

    /// The built-in files: indexer/extract/ner/data under the data directory (common/data_dir).
    [[nodiscard]] static RecognizerFiles builtin();

    /// The files, in a fixed order, for a settings fingerprint.
    [[nodiscard]] std::vector<std::filesystem::path> all() const { return {model, word_classes, word_case, cue_words}; }
};

/// Labels documents. Built once, then only read: const members are thread-safe.
class EntityRecognizer {
public:
    /// A recogniser over loaded parts.
    EntityRecognizer(NerModel model, WordClusters clusters, CueWords cues);

    /// Loads the files. Throws std::runtime_error naming a file that is missing or malformed.
    [[nodiscard]] static EntityRecognizer load(const RecognizerFiles& files);

    /// The built-in recogniser (RecognizerFiles::builtin()); throws like load().
    [[nodiscard]] static EntityRecognizer load_builtin() { return load(RecognizerFiles::builtin()); }

    /// The names in `document`, in text order, each with its margin and whether it passes the
    /// model's threshold for its type (names that do not pass are returned too, for scoring
    /// and --explain; callers keep only confident ones). `gazetteer` gives the gazetteer features.
    [[nodiscard]] std::vector<RecognisedEntity> recognise(const NerDocument& document, const Gazetteer& gazetteer) const;

    /// The best labels of every sentence of `document`, without margins (for training-time
    /// evaluation).
    [[nodiscard]] std::vector<std::vector<NerLabel>> label(const NerDocument& document, const Gazetteer& gazetteer) const;


    /// The model.
    [[nodiscard]] const NerModel& model() const { return m_model; }

    /// The cue word classes the features use (titles, honorifics, …).
    [[nodiscard]] const CueWords& cues() const { return *m_cues; }

    /// The word classes and capitalisation profile the features use.
    [[nodiscard]] const WordClusters& clusters() const { return *m_clusters; }

    /// Replaces the model (the trainer evaluates each epoch's model on development data).
    void set_model(NerModel model);

private:
    NerModel m_model;  ///< compiled for m_lexicon
    // Held by pointer so that the extractor's references survive moving the recogniser.
    std::unique_ptr<WordClusters> m_clusters;  ///< word classes and capitalisation profile
    std::unique_ptr<CueWords> m_cues;          ///< cue word classes
    std::unique_ptr<WordLexicon> m_lexicon;    ///< known words, for the model's summed word features
    FeatureExtractor m_features;               ///< reads the three above
};

}  // namespace newsdex
