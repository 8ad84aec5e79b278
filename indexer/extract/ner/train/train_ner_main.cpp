// newsdex-train-ner: trains the recogniser on annotated news and writes its model file.
#include <iostream>

#include "common/cli/cli_support.hpp"
#include "indexer/extract/ner/train/recognizer_training.hpp"

int main(int argc, char** argv) {
    using namespace newsdex;
    CLI::App app{"Train the named-entity recogniser (averaged perceptron) and write its model.", "newsdex-train-ner"};
    TrainingSettings settings;
    settings.files = RecognizerFiles::builtin();
    app.add_option("--train", settings.train, "Annotated training file (CoNLL-2003 format)")->required()->check(CLI::ExistingFile);
    app.add_option("--dev", settings.dev, "Annotated development file: chooses the epoch and the thresholds")
        ->required()
        ->check(CLI::ExistingFile);
    app.add_option("--output", settings.files.model, "Model file to write")->capture_default_str();
    app.add_option("--word-classes", settings.files.word_classes, "Word classes file")->capture_default_str();
    app.add_option("--word-case", settings.files.word_case, "Capitalisation profile file")->capture_default_str();
    app.add_option("--cue-words", settings.files.cue_words, "Cue words file")->capture_default_str();
    app.add_option("--epochs", settings.epochs, "Most epochs")->capture_default_str();
    app.add_option("--seed", settings.seed, "Seed of the shuffles")->capture_default_str();
    app.add_option("--lexical-dropout", settings.lexical_dropout, "Chance of hiding a token's word features in an epoch")
        ->capture_default_str();
    app.add_option("--min-count", settings.min_feature_count, "Drop features seen fewer times")->capture_default_str();
    return run_cli(app, argc, argv, [&] {
        train_recognizer(settings, Gazetteer::load_builtin(), std::cerr);
        return ExitCode::ok;
    });
}
