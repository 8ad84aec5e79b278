// newsdex-known-item: known-item search on any index. Articles are picked at random from the
// index itself; each one's headline is searched as news-search searches it (run_search), as
// written and with every ASCII punctuation character taken out, and the rank of the article
// (or of a near copy of it, shown as the same story) in the first 10 gives the mean reciprocal
// rank and the share found first.
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "benchmarks/split_mix.hpp"
#include "common/cli/cli_support.hpp"
#include "common/schema.hpp"
#include "searcher/search.hpp"

namespace newsdex {
namespace {

/// The tool's settings, filled from the command line.
struct KnownItemOptions {
    std::filesystem::path db;  ///< a newsdex index
    std::size_t articles = 200;  ///< headlines searched
    std::uint64_t seed = 17;     ///< seed of the sample
};

constexpr std::size_t ranks_looked_at = 10;

// The headline with every ASCII punctuation character taken out, as words.
std::vector<std::string> stripped(const std::string& headline) {
    std::vector<std::string> words;
    std::istringstream in(headline);
    for (std::string word; in >> word;) {
        std::erase_if(word, [](char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; });
        if (!word.empty()) words.push_back(word);
    }
    return words;
}

// 1 / the rank of the document `docid` (or of its cluster) among the first results of `query`.
double reciprocal_rank(const OpenIndex& index, const KnownItemOptions& options, std::vector<std::string> query,
                       const std::string& id, const std::string& cluster) {
    SearchOptions search;
    search.db = options.db;
    search.query = std::move(query);
    search.limit = ranks_looked_at;
    search.snippet_length = 0;
    const SearchResult result = run_search(index, search);
    for (const auto& hit : result.hits) {
        if (hit.article.id == id || (!cluster.empty() && hit.cluster == cluster)) return 1.0 / static_cast<double>(hit.rank);
    }
    return 0;
}

nlohmann::json measure(const KnownItemOptions& options) {
    const OpenIndex index = open_index(options.db);
    std::vector<Xapian::docid> docids;
    for (auto it = index.db.postlist_begin(""); it != index.db.postlist_end(""); ++it) docids.push_back(*it);
    SplitMix random(options.seed);
    const std::size_t count = std::min(options.articles, docids.size());
    for (std::size_t i = 0; i < count; ++i) std::swap(docids[i], docids[i + random.below(docids.size() - i)]);

    double written = 0, without = 0;
    std::size_t written_first = 0, without_first = 0, searched = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const Xapian::Document document = index.db.get_document(docids[i]);
        const schema::StoredArticle article = schema::decode(document.get_data());
        const std::vector<std::string> words = stripped(article.title);
        if (words.empty()) continue;
        ++searched;
        const std::string cluster = document.get_value(schema::slot_cluster);
        const double as_written = reciprocal_rank(index, options, {article.title}, article.id, cluster);
        const double as_stripped = reciprocal_rank(index, options, words, article.id, cluster);
        written += as_written;
        without += as_stripped;
        written_first += as_written == 1.0;
        without_first += as_stripped == 1.0;
    }
    const double n = searched ? static_cast<double>(searched) : 1.0;
    return {{"documents", index.db.get_doccount()},
            {"headlines", searched},
            {"seed", options.seed},
            {"as_written", {{"mrr", written / n}, {"first", written_first}}},
            {"stripped", {{"mrr", without / n}, {"first", without_first}}}};
}

}  // namespace
}  // namespace newsdex

int main(int argc, char** argv) {
    using namespace newsdex;
    CLI::App app{"Known-item search: each sampled article's headline, as written and without punctuation.",
                 "newsdex-known-item"};
    KnownItemOptions options;
    app.add_option("--db", options.db, "Index directory")->required();
    app.add_option("--articles", options.articles, "Headlines to search")
        ->capture_default_str()
        ->check(whole_number(1, 1'000'000));
    app.add_option("--seed", options.seed, "Seed of the sample")->capture_default_str();
    return run_cli(app, argc, argv, [&] {
        std::cout << measure(options).dump() << '\n';
        return ExitCode::ok;
    });
}
