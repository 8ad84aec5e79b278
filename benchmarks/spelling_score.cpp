// newsdex-spelling-score: how often news-search's spelling suggestion restores the word a
// one-edit typo was made from, on any index. The words are those its articles write, held by
// at least --min-articles of them; each gets one typo (a letter left out, put in, changed, or
// two swapped, in turn), never itself a word of the articles. Each typo is searched as
// news-search searches it (run_search), and its suggestion compared with the word.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "benchmarks/typo_sample.hpp"
#include "common/cli/cli_support.hpp"
#include "searcher/search.hpp"

namespace newsdex {
namespace {

/// The score's settings, filled from the command line.
struct SpellingScoreOptions {
    std::filesystem::path db;       ///< a newsdex index
    std::size_t words = 200;        ///< typos to search
    std::size_t min_articles = 20;  ///< articles a word must be written in
    std::uint64_t seed = 17;        ///< seed of the sample
    bool misses = false;            ///< list the typos not restored
};

std::string lower(std::string text) {
    for (char& c : text) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return text;
}

nlohmann::json score(const SpellingScoreOptions& options) {
    const OpenIndex index = open_index(options.db);
    const std::vector<Typo> typos = one_edit_typos(written_words(index.db), options.words, options.min_articles, options.seed);
    std::size_t restored = 0;
    std::vector<std::size_t> asked_by_kind(4), restored_by_kind(4);
    nlohmann::json misses = nlohmann::json::array();
    for (const auto& typo : typos) {
        SearchOptions search;
        search.db = options.db;
        search.query = {typo.typo};
        search.limit = 0;
        const std::string suggestion = lower(run_search(index, search).suggestion);
        const auto kind = static_cast<std::size_t>(typo.kind);
        ++asked_by_kind[kind];
        if (suggestion == typo.word) {
            ++restored;
            ++restored_by_kind[kind];
        } else if (options.misses) {
            misses.push_back({{"typo", typo.typo}, {"word", typo.word}, {"suggestion", suggestion}});
        }
    }
    nlohmann::json by_kind = nlohmann::json::object();
    for (int kind = 0; kind < 4; ++kind) {
        const auto k = static_cast<std::size_t>(kind);
        by_kind[typo_kind_name(kind)] = {{"typos", asked_by_kind[k]}, {"restored", restored_by_kind[k]}};
    }
    nlohmann::json result = {{"documents", index.db.get_doccount()},
                             {"typos", typos.size()},
                             {"restored", restored},
                             {"share", typos.empty() ? 0.0 : static_cast<double>(restored) / static_cast<double>(typos.size())},
                             {"by_kind", by_kind},
                             {"min_articles", options.min_articles},
                             {"seed", options.seed}};
    if (options.misses) result["misses"] = misses;
    return result;
}

}  // namespace
}  // namespace newsdex

int main(int argc, char** argv) {
    using namespace newsdex;
    CLI::App app{"Score news-search's spelling suggestions on one-edit typos of an index's own words.",
                 "newsdex-spelling-score"};
    SpellingScoreOptions options;
    app.add_option("--db", options.db, "Index directory")->required();
    app.add_option("--words", options.words, "Typos to search")->capture_default_str()->check(whole_number(1, 1'000'000));
    app.add_option("--min-articles", options.min_articles, "Articles a word must be written in")
        ->capture_default_str()
        ->check(whole_number(1, 1'000'000'000));
    app.add_option("--seed", options.seed, "Seed of the sample")->capture_default_str();
    app.add_flag("--misses", options.misses, "List the typos whose word was not restored");
    return run_cli(app, argc, argv, [&] {
        std::cout << score(options).dump() << '\n';
        return ExitCode::ok;
    });
}
