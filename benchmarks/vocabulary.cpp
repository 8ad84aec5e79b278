// newsdex-vocabulary: the vocabulary curve of a corpus (distinct words against corpus size, with
// a Heaps' law fit), distinct words per article and article lengths, for a JSON Lines file or a
// folder of .txt articles; the yardstick that calibrates generate-corpus against real news.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "benchmarks/vocabulary_curve.hpp"
#include "common/cli/cli_support.hpp"
#include "common/errors.hpp"

namespace newsdex {
namespace {
namespace fs = std::filesystem;

bool is_jsonl(const fs::path& path) { return path.extension() == ".jsonl" || path.extension() == ".ndjson"; }

// Headline and body of each JSON line, until `limit` articles have been observed.
void observe_jsonl(const fs::path& file, VocabularyCurve& curve, std::size_t limit) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw FatalError("cannot read " + file.string());
    for (std::string line; curve.articles() < limit && std::getline(in, line);) {
        const auto record = nlohmann::json::parse(line, nullptr, false);
        if (!record.is_object()) continue;
        std::string text;
        for (const char* field : {"title", "body", "text"}) {
            if (auto it = record.find(field); it != record.end() && it->is_string()) text += it->get<std::string>() + "\n";
        }
        curve.observe(text);
    }
}

void observe_path(const fs::path& input, VocabularyCurve& curve, std::size_t limit) {
    if (!fs::is_directory(input)) {
        if (is_jsonl(input)) return observe_jsonl(input, curve, limit);
        std::ifstream in(input, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        return curve.observe(text.str());
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(input)) {
        if (entry.is_regular_file() && (entry.path().extension() == ".txt" || is_jsonl(entry.path()))) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        if (curve.articles() >= limit) break;
        observe_path(file, curve, limit);
    }
}

}  // namespace
}  // namespace newsdex

int main(int argc, char** argv) {
    using namespace newsdex;
    CLI::App app{"Measure a corpus's vocabulary growth, distinct words per article and article lengths.",
                 "newsdex-vocabulary"};
    std::vector<std::string> inputs;
    std::size_t limit = static_cast<std::size_t>(-1);
    bool json = false;
    app.add_option("inputs", inputs, "JSON Lines files or folders of .txt articles")->required();
    app.add_option("--max", limit, "Stop after this many articles")->check(CLI::PositiveNumber);
    app.add_flag("--json", json, "Print one JSON object instead of a Markdown table");
    return run_cli(app, argc, argv, [&] {
        VocabularyCurve curve;
        for (const auto& input : inputs) {
            if (!std::filesystem::exists(input)) throw UsageError("no such input: " + input);
            observe_path(input, curve, limit);
        }
        const HeapsFit fit = curve.fit();
        if (json) {
            nlohmann::ordered_json points = nlohmann::ordered_json::array();
            for (const auto& point : curve.points()) {
                points.push_back({{"articles", point.articles}, {"words", point.words}, {"distinct", point.distinct}});
            }
            nlohmann::ordered_json j = {{"articles", curve.articles()},
                                        {"words_per_article", curve.words_per_article()},
                                        {"distinct_per_article", curve.distinct_per_article()},
                                        {"mean_bytes", curve.mean_bytes()},
                                        {"median_bytes", curve.bytes_quantile(0.5)},
                                        {"p90_bytes", curve.bytes_quantile(0.9)},
                                        {"heaps_k", fit.k},
                                        {"heaps_beta", fit.beta},
                                        {"points", points}};
            std::cout << j.dump() << '\n';
            return ExitCode::ok;
        }
        std::cout << std::fixed << std::setprecision(1) << "articles " << curve.articles() << ", words/article "
                  << curve.words_per_article() << ", distinct words/article " << curve.distinct_per_article()
                  << ", bytes/article mean " << curve.mean_bytes() << " median " << curve.bytes_quantile(0.5) << " p90 "
                  << curve.bytes_quantile(0.9) << std::setprecision(3) << "; Heaps: V = " << fit.k << " n^" << fit.beta
                  << "\n\n| articles | words | distinct words |\n|---:|---:|---:|\n";
        for (const auto& point : curve.points()) {
            std::cout << "| " << point.articles << " | " << point.words << " | " << point.distinct << " |\n";
        }
        return ExitCode::ok;
    });
}
