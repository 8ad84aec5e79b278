// newsdex-learn-clusters: learns the recogniser's word classes and capitalisation profile
// from unlabeled news.
#include <algorithm>
#include <iostream>

#include "common/cli/cli_support.hpp"
#include "indexer/extract/ner/entity_recognizer.hpp"
#include "indexer/extract/ner/train/word_cluster_learning.hpp"

int main(int argc, char** argv) {
    using namespace newsdex;
    CLI::App app{"Learn word classes (exchange algorithm) and capitalisation habits from unlabeled news.",
                 "newsdex-learn-clusters"};
    ClusterLearningSettings settings;
    const RecognizerFiles builtin = RecognizerFiles::builtin();
    settings.classes_output = builtin.word_classes;
    settings.case_output = builtin.word_case;
    app.add_option("--text", settings.text_inputs, "Plain-text articles: files or directories (repeatable)");
    app.add_option("--conll", settings.conll_inputs, "Annotated files read as plain text (repeatable)")->check(CLI::ExistingFile);
    app.add_option("--classes-output", settings.classes_output, "Word classes file to write")->capture_default_str();
    app.add_option("--case-output", settings.case_output, "Capitalisation profile file to write")->capture_default_str();
    app.add_option("--min-count", settings.min_count, "Rarer words get no class")->capture_default_str();
    std::vector<std::uint32_t> classes(settings.classes.begin(), settings.classes.end());
    app.add_option("--classes", classes, "Classes at the three granularities, coarse to fine")->expected(3)->capture_default_str();
    app.add_option("--iterations", settings.max_iterations, "Most exchange passes")->capture_default_str();
    return run_cli(app, argc, argv, [&] {
        if (settings.text_inputs.empty() && settings.conll_inputs.empty()) throw UsageError("nothing to read: give --text or --conll");
        std::copy(classes.begin(), classes.end(), settings.classes.begin());
        learn_word_clusters(settings, std::cerr);
        return ExitCode::ok;
    });
}
