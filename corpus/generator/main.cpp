// generate-corpus: writes a deterministic synthetic news corpus (JSON Lines) with planted exact
// copies, near copies and related articles, and the ground truth of what it planted.

#include "corpus/generator/article_generator.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <iostream>

namespace {

constexpr int k_exit_ok = 0;
constexpr int k_exit_error = 2;

#ifdef NEWSDEX_DEFAULT_MODEL_DIR
constexpr const char* k_default_model_dir = NEWSDEX_DEFAULT_MODEL_DIR;
#else
constexpr const char* k_default_model_dir = "";
#endif

}  // namespace

int main(int argc, char** argv)
{
    using newsdex::generator::CorpusJob;
    std::ios::sync_with_stdio(false);

    CorpusJob job;
    job.model_dir = k_default_model_dir;
    std::string model_dir = k_default_model_dir;
    auto& o = job.options;

    CLI::App app{"Write a synthetic news corpus as JSON Lines, with planted exact and near duplicates "
                 "and a ground-truth file. Same seed, options and model give identical bytes.",
                 "generate-corpus"};
    app.add_option("--count", o.count, "Number of articles to write")->required();
    app.add_option("--seed", o.seed, "Random seed")->required();
    app.add_option("--out", job.out, "Article file, or - for standard output")->capture_default_str();
    app.add_option("--truth", job.truth, "Ground-truth JSONL file: id, cluster, kind, of, jaccard");
    app.add_option("--summary", job.summary, "Summary JSON file: counts, clusters, true pairs");
    auto* model_option = app.add_option("--model-from", model_dir, "Directory of .txt articles to learn the language from");
    if (model_dir.empty()) {
        model_option->required();
    } else {
        model_option->capture_default_str();
    }
    app.add_option("--exact-rate", o.exact_rate, "Share of exact copies")->capture_default_str();
    app.add_option("--near-rate", o.near_rate, "Share of near copies (body 5-shingle Jaccard >= 0.8)")
        ->capture_default_str();
    app.add_option("--related-rate", o.related_rate, "Share of related, different stories (Jaccard 0.3-0.6)")
        ->capture_default_str();
    app.add_option("--mean-bytes", o.mean_bytes, "Mean body size in bytes")->capture_default_str();
    app.add_option("--from-year", o.from_year, "First year of article dates")->capture_default_str();
    app.add_option("--to-year", o.to_year, "Last year of article dates")->capture_default_str();

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
            return app.exit(e);  // --help
        }
        std::cerr << "generate-corpus: error: " << e.what() << '\n';
        return k_exit_error;
    }
    job.model_dir = model_dir;

    try {
        const auto start = std::chrono::steady_clock::now();
        const auto summary = newsdex::generator::run_corpus_job(job, std::cout);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::cerr << "generate-corpus: " << summary.articles << " articles (" << summary.originals << " original, "
                  << summary.exact << " exact, " << summary.near << " near, " << summary.related << " related), "
                  << summary.clusters_with_copies << " clusters with copies, " << summary.true_pairs
                  << " true pairs, " << summary.body_bytes / 1000000.0 << " MB of body text in " << seconds << " s\n";
    } catch (const std::exception& e) {
        std::cerr << "generate-corpus: error: " << e.what() << '\n';
        return k_exit_error;
    }
    return k_exit_ok;
}
