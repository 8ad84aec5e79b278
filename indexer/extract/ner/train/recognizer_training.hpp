#pragma once
/// A whole training run of the recogniser, as newsdex-train-ner runs it: features of the
/// training file, perceptron epochs, the epoch and the confidence thresholds chosen on the
/// development file, the model written out.

#include "indexer/extract/ner/entity_recognizer.hpp"

#include <cstdint>
#include <filesystem>
#include <iosfwd>

namespace newsdex {

/// What a training run reads and how it trains.
struct TrainingSettings {
    std::filesystem::path train;        ///< annotated training file (CoNLL-2003 format)
    std::filesystem::path dev;          ///< annotated development file: picks the epoch and thresholds
    RecognizerFiles files;              ///< word classes, capitalisation profile and cue words to use; `model` is the output
    std::uint32_t epochs = 20;          ///< the most epochs tried
    std::uint64_t seed = 1;             ///< seeds the perceptron's shuffles
    std::uint32_t min_feature_count = 2;  ///< rarer features are dropped
    double lexical_dropout = 0.0;         ///< chance that a token's word features are hidden in an epoch
};

/// Trains, keeps the epoch whose averaged model scores best on the development file (mention
/// F1 over person, org and place), tunes each type's margin threshold there (mention F1) and
/// each type's lone-name threshold (document-level F0.5 of the full extraction), and writes the
/// model to settings.files.model. Progress goes to `log`, one line an epoch. Throws
/// std::runtime_error when a file cannot be read or written.
void train_recognizer(const TrainingSettings& settings, const Gazetteer& gazetteer, std::ostream& log);

}  // namespace newsdex
