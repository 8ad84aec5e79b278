// newsdex-cluster-quality: pairwise precision and recall of the near-duplicate clusters an
// index holds, against the truth file generate-corpus wrote for the same corpus.
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "benchmarks/cluster_metrics.hpp"
#include "benchmarks/index_clusters.hpp"

int main(int argc, char** argv) {
    CLI::App app{"Score an index's near-duplicate clusters against generate-corpus ground truth.",
                 "newsdex-cluster-quality"};
    std::string db, truth;
    app.add_option("--db", db, "Index directory")->required();
    app.add_option("--truth", truth, "Truth file written by generate-corpus --truth")->required()->check(CLI::ExistingFile);
    CLI11_PARSE(app, argc, argv);
    try {
        std::ifstream in(truth);
        auto scores = newsdex::pairwise_scores(newsdex::clusters_in_index(Xapian::Database(db)),
                                               newsdex::read_true_clusters(in));
        std::cout << nlohmann::json{{"precision", scores.precision},
                                    {"recall", scores.recall},
                                    {"true_pairs", scores.true_pairs},
                                    {"predicted_pairs", scores.predicted_pairs},
                                    {"correct_pairs", scores.correct_pairs}}
                         .dump()
                  << '\n';
    } catch (const Xapian::Error& e) {
        std::cerr << "newsdex-cluster-quality: error: " << e.get_description() << '\n';
        return 2;
    }
    return 0;
}
