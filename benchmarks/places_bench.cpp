// newsdex-places-bench: what resolving places (indexer/extract/places) costs per article, beside
// what extracting actors costs, on the articles of a corpus.
//
// Reads, cleans and processes the articles as news-index does (process_article), keeps them in
// memory, then times actor extraction alone and place resolution alone over all of them, best of
// several runs. Divide the place figure by news-index's CPU time per article on the same corpus
// (user + system, e.g. from /usr/bin/time) for its share of indexing. Also times loading the
// built-in geography, which both programs do at start.
#include <chrono>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "common/cli/cli_support.hpp"
#include "common/errors.hpp"
#include "indexer/article_processor.hpp"
#include "indexer/extract/actors.hpp"
#include "indexer/extract/places/place_resolver.hpp"
#include "indexer/read/article_reader.hpp"
#include "indexer/read/input_walker.hpp"

int main(int argc, char** argv) {
    using namespace newsdex;
    using clock = std::chrono::steady_clock;
    CLI::App app{"Time place resolution beside actor extraction on a corpus.", "newsdex-places-bench"};
    std::vector<std::string> inputs;
    std::size_t limit = 20000;
    std::size_t runs = 3;
    app.add_option("inputs", inputs, "Files or directories, as news-index takes them")->required();
    app.add_option("--articles", limit, "Articles to read at most")->capture_default_str()->check(CLI::PositiveNumber);
    app.add_option("--runs", runs, "Timed runs (the best counts)")->capture_default_str()->check(CLI::PositiveNumber);
    return run_cli(app, argc, argv, [&] {
        double load_best = 1e300;
        for (std::size_t run = 0; run < 5 * runs; ++run) {
            const auto start = clock::now();
            const Geography loaded = Geography::load_builtin();
            load_best = std::min(load_best, std::chrono::duration<double>(clock::now() - start).count());
            if (loaded.size() == 0) throw FatalError("empty geography");
        }
        std::ostringstream discard;
        Diagnostics quiet("newsdex-places-bench", discard);
        IndexerOptions options;
        ProcessingData data = ProcessingData::load(options);
        Cleaner cleaner(std::move(data.rules));
        MinHasher hasher;
        ProcessingSettings settings{cleaner, data.gazetteer, data.recognizer, data.geography, hasher, {}, {}};

        std::vector<ProcessedArticle> articles;
        ArticleReader reader(expand_inputs(inputs, quiet), quiet);
        std::vector<Article> batch;
        while (articles.size() < limit && reader.next_batch(batch, 256)) {
            for (auto& article : batch) {
                if (articles.size() < limit) articles.push_back(process_article(std::move(article), settings, quiet));
            }
        }
        if (articles.empty()) throw UsageError("no article could be read");

        double extract_best = 1e300, places_best = 1e300;
        std::size_t places = 0, countries = 0;
        for (std::size_t run = 0; run < runs; ++run) {
            std::vector<std::vector<Actor>> extracted;
            extracted.reserve(articles.size());
            const auto start = clock::now();
            for (const auto& processed : articles) {
                extracted.push_back(extract_actors(processed.article, data.recognizer, data.gazetteer));
            }
            const auto middle = clock::now();
            places = countries = 0;
            for (std::size_t i = 0; i < articles.size(); ++i) {
                const auto resolved = resolve_places(articles[i].article, std::move(extracted[i]), articles[i].date,
                                                     data.geography, data.gazetteer);
                for (const auto& actor : resolved) {
                    places += actor.type == ActorType::place;
                    countries += actor.type == ActorType::place && !actor.country.empty();
                }
            }
            const auto end = clock::now();
            extract_best = std::min(extract_best, std::chrono::duration<double>(middle - start).count());
            places_best = std::min(places_best, std::chrono::duration<double>(end - middle).count());
        }
        const auto per_article_us = [&](double seconds) { return seconds * 1e6 / static_cast<double>(articles.size()); };
        nlohmann::ordered_json j = {{"geography_load_ms", load_best * 1e3},
                                    {"articles", articles.size()},
                                    {"runs", runs},
                                    {"extract_actors_us_per_article", per_article_us(extract_best)},
                                    {"resolve_places_us_per_article", per_article_us(places_best)},
                                    {"places_per_article", static_cast<double>(places) / static_cast<double>(articles.size())},
                                    {"places_with_a_country", places ? static_cast<double>(countries) / static_cast<double>(places) : 0.0}};
        std::cout << j.dump() << '\n';
        return ExitCode::ok;
    });
}
