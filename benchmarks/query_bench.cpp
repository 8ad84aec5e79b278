// newsdex-query-bench: query and facet latency of a newsdex index, measured through the same
// run_search() that news-search calls, so every stage (parse, match, facets, snippets, decoding of
// the stored data) is in the figures.
//
// The query mix is drawn from the index's own vocabulary with a fixed seed, so the same index gives
// the same queries on every machine and two runs can be compared.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "benchmarks/split_mix.hpp"
#include "common/cli/cli_support.hpp"
#include "common/errors.hpp"
#include "common/join.hpp"
#include "searcher/options.hpp"
#include "searcher/search.hpp"
#include "searcher/search_result.hpp"

namespace newsdex {
namespace {

/// The bench's settings, filled from the command line.
struct QueryBenchOptions {
    std::filesystem::path db;          ///< a newsdex index
    std::size_t queries = 200;         ///< one-word queries, and as many two-word queries
    std::uint64_t seed = 42;           ///< seed of the query mix
    std::size_t runs = 5;              ///< timed runs of each large-match-set measurement
    std::size_t limit = 10;            ///< results (each with a snippet) per query
    double min_share = 0.01;           ///< a query word is in at least this share of the articles
    double max_share = 0.5;            ///< and at most this share (leaves out "the", "of", ...)
    bool collapse = true;              ///< count stories (news-search's default), or every article
    bool facets_from_names = false;    ///< count facets from names, not dictionary numbers (before/after)
    bool facet_columns = true;         ///< read the numbers from the facet columns (before/after)
};

/// Percentiles of a set of latencies, in milliseconds.
struct LatencyStats {
    std::size_t queries = 0;
    std::size_t zero_hit = 0;  ///< queries that matched nothing
    double p50 = 0;
    double p95 = 0;
    double p99 = 0;
    double mean = 0;
    double max = 0;
    /// The slowest queries, slowest first: what the p95 is made of.
    std::vector<std::pair<std::string, double>> slowest;
};

/// How many of the slowest queries of a mix the output names.
constexpr std::size_t slowest_shown = 8;

/// One facet-counting measurement over a large match set.
struct LargeMatchTiming {
    std::string query;                ///< empty = match all
    std::vector<std::string> facets;  ///< empty = the same search without facets, for reference
    std::size_t matches = 0;
    bool exact = false;               ///< whether `matches` is exact (facets force it) or an estimate
    double best_ms = 0;
    double median_ms = 0;
    double best_cpu_ms = 0;           ///< this thread's CPU time, best run: less disturbed by other load
    /// CPU time over the same search without facets, per match, in microseconds: what counting
    /// the facets costs (with collapsing, their own counting pass included).
    double extra_us_per_match = 0;
    /// The same, less also the time the matcher takes to visit every match without counting
    /// anything (a --count --no-collapse search): what the spy itself costs a match.
    double spy_us_per_match = 0;
};

/// Everything the bench measured.
struct QueryBenchResult {
    std::size_t documents = 0;
    bool facet_columns = false;  ///< the facets read the index's facet columns
    std::size_t candidates = 0;  ///< vocabulary words eligible for the query mix
    Xapian::doccount min_termfreq = 0;
    Xapian::doccount max_termfreq = 0;
    std::vector<std::string> sample;  ///< the first few queries of the mix
    LatencyStats plain;
    LatencyStats faceted;
    std::vector<LargeMatchTiming> large;
    std::vector<LargeMatchTiming> visits;  ///< per large query: the matcher visiting every match, no spy
    /// Every document matched (Query::MatchAll) with a match spy that does nothing: what Xapian's
    /// matcher costs before any facet spy reads anything, best CPU ms.
    double noop_spy_cpu_ms = 0;
};

// Plain lower-case ASCII words of 3+ letters: no prefixed terms (they start with a capital), no
// numbers, nothing the query parser could read as syntax.
bool is_query_word(const std::string& term) {
    return term.size() >= 3 && std::all_of(term.begin(), term.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

struct Vocabulary {
    std::vector<std::string> words;  ///< in term order
    std::string most_frequent;       ///< the word in the most articles, with no upper bound
};

Vocabulary collect_vocabulary(const Xapian::Database& db, Xapian::doccount min_tf, Xapian::doccount max_tf) {
    Vocabulary vocabulary;
    Xapian::doccount best = 0;
    // The index holds words as stems (`Z` terms); a stem, typed as a query word, stems to itself.
    for (auto it = db.allterms_begin("Z"); it != db.allterms_end("Z"); ++it) {
        const std::string term = (*it).substr(1);
        if (!is_query_word(term)) continue;
        const Xapian::doccount tf = it.get_termfreq();
        if (tf > best) {
            best = tf;
            vocabulary.most_frequent = term;
        }
        if (tf >= min_tf && tf <= max_tf) vocabulary.words.push_back(term);
    }
    return vocabulary;
}

std::vector<std::vector<std::string>> make_query_mix(const std::vector<std::string>& words, std::size_t per_kind,
                                                     std::uint64_t seed) {
    SplitMix random(seed);
    std::vector<std::vector<std::string>> mix;
    for (std::size_t i = 0; i < per_kind; ++i) mix.push_back({words[random.below(words.size())]});
    for (std::size_t i = 0; i < per_kind; ++i) {
        const std::size_t first = random.below(words.size());
        std::size_t second = random.below(words.size());
        if (second == first && words.size() > 1) second = (first + 1) % words.size();
        mix.push_back({words[first], words[second]});
    }
    return mix;
}

// This thread's CPU time so far, in milliseconds.
double thread_cpu_ms() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

double elapsed_ms(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// Nearest-rank percentile of sorted values.
double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0;
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

LatencyStats time_query_mix(const OpenIndex& index, SearchOptions options,
                            const std::vector<std::vector<std::string>>& mix) {
    // One untimed pass first: the figures are for a warm index, as on a server that has been up
    // for a while, not for the first queries after a reboot.
    for (const auto& words : mix) {
        options.query = words;
        (void)run_search(index, options);
    }
    LatencyStats stats;
    std::vector<double> times;
    std::vector<std::pair<std::string, double>> timed;
    for (const auto& words : mix) {
        options.query = words;
        const auto start = std::chrono::steady_clock::now();
        SearchResult result = run_search(index, options);
        times.push_back(elapsed_ms(start));
        timed.emplace_back(join(words), times.back());
        if (result.total == 0) ++stats.zero_hit;
    }
    std::sort(times.begin(), times.end());
    std::sort(timed.begin(), timed.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    timed.resize(std::min(timed.size(), slowest_shown));
    stats.slowest = std::move(timed);
    stats.queries = times.size();
    stats.p50 = percentile(times, 50);
    stats.p95 = percentile(times, 95);
    stats.p99 = percentile(times, 99);
    stats.max = times.empty() ? 0 : times.back();
    for (double t : times) stats.mean += t / static_cast<double>(times.size());
    return stats;
}

LargeMatchTiming time_large_match(const OpenIndex& index, SearchOptions options, const std::string& query,
                                  const std::vector<std::string>& facets, std::size_t runs) {
    if (!query.empty()) options.query = {query};
    options.facets = facets;
    LargeMatchTiming timing{query, facets, 0, false, 0, 0, 0, 0, 0};
    const SearchResult warm_up = run_search(index, options);
    timing.matches = warm_up.total;
    timing.exact = warm_up.total_exact;
    std::vector<double> times;
    timing.best_cpu_ms = 1e300;
    for (std::size_t i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        const double cpu_start = thread_cpu_ms();
        (void)run_search(index, options);
        timing.best_cpu_ms = std::min(timing.best_cpu_ms, thread_cpu_ms() - cpu_start);
        times.push_back(elapsed_ms(start));
    }
    std::sort(times.begin(), times.end());
    timing.best_ms = times.front();
    timing.median_ms = times[times.size() / 2];
    return timing;
}

// A match spy that only counts the documents it is shown.
class NoopSpy : public Xapian::MatchSpy {
public:
    void operator()(const Xapian::Document&, double) override { ++m_seen; }
    [[nodiscard]] Xapian::doccount seen() const { return m_seen; }

private:
    Xapian::doccount m_seen = 0;
};

// Best CPU ms of Xapian's matcher showing every document to a spy that does nothing, as the
// facet spies are shown them (check_at_least at the document count): their floor.
double time_noop_spy(const Xapian::Database& db, std::size_t runs) {
    double best = 1e300;
    for (std::size_t i = 0; i <= runs; ++i) {  // the first run warms the caches
        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query::MatchAll);
        NoopSpy spy;
        enquire.add_matchspy(&spy);
        const double cpu_start = thread_cpu_ms();
        (void)enquire.get_mset(0, 0, db.get_doccount());  // as the facet pass runs it: no page
        if (i > 0) best = std::min(best, thread_cpu_ms() - cpu_start);
        if (spy.seen() != db.get_doccount()) throw FatalError("the no-op spy saw " + std::to_string(spy.seen()) + " documents");
    }
    return best;
}

QueryBenchResult run_query_bench(const QueryBenchOptions& options) {
    OpenIndex index = open_index(options.db);
    QueryBenchResult result;
    result.documents = index.db.get_doccount();
    result.facet_columns = options.facet_columns && !options.facets_from_names && !index.facet_columns.empty();
    const double documents = static_cast<double>(result.documents);
    result.min_termfreq = std::max<Xapian::doccount>(5, static_cast<Xapian::doccount>(documents * options.min_share));
    result.max_termfreq = std::max<Xapian::doccount>(result.min_termfreq,
                                                     static_cast<Xapian::doccount>(documents * options.max_share));
    Vocabulary vocabulary = collect_vocabulary(index.db, result.min_termfreq, result.max_termfreq);
    result.candidates = vocabulary.words.size();
    if (vocabulary.words.empty()) {
        throw FatalError("no word of " + options.db.string() + " is in " + std::to_string(result.min_termfreq) + ".." +
                         std::to_string(result.max_termfreq) + " articles: index too small for a query mix");
    }
    const auto mix = make_query_mix(vocabulary.words, options.queries, options.seed);
    for (std::size_t i = 0; i < mix.size() && result.sample.size() < 6; i += options.queries) {
        for (std::size_t j = i; j < i + 3 && j < mix.size(); ++j) {
            std::string text;
            for (const auto& word : mix[j]) text += (text.empty() ? "" : " ") + word;
            result.sample.push_back(text);
        }
    }

    SearchOptions search;
    search.db = options.db;
    search.limit = options.limit;
    search.collapse = options.collapse;
    search.facets_from_names = options.facets_from_names;
    search.facet_columns = options.facet_columns;
    result.plain = time_query_mix(index, search, mix);
    search.facets = {"month", "actor"};
    result.faceted = time_query_mix(index, search, mix);

    search.facets.clear();
    std::vector<std::string> large_queries{""};
    if (!vocabulary.most_frequent.empty()) large_queries.push_back(vocabulary.most_frequent);
    for (const auto& query : large_queries) {
        const std::size_t without_facets = result.large.size();
        for (const std::vector<std::string>& facets :
             {std::vector<std::string>{}, std::vector<std::string>{"month"}, std::vector<std::string>{"actor"},
              std::vector<std::string>{"country"}, std::vector<std::string>{"region"},
              std::vector<std::string>{"source"}, std::vector<std::string>{"month", "actor"}}) {
            result.large.push_back(time_large_match(index, search, query, facets, options.runs));
        }
        // The matcher visiting every match with no spy: a count of every article.
        SearchOptions visiting = search;
        visiting.count_only = true;
        visiting.collapse = false;
        visiting.limit = 0;
        const LargeMatchTiming visit = time_large_match(index, visiting, query, {}, options.runs);
        const LargeMatchTiming& base = result.large[without_facets];
        for (std::size_t i = without_facets + 1; i < result.large.size(); ++i) {
            LargeMatchTiming& timing = result.large[i];
            if (timing.matches == 0) continue;
            const double matches = static_cast<double>(timing.matches);
            timing.extra_us_per_match = (timing.best_cpu_ms - base.best_cpu_ms) * 1000 / matches;
            timing.spy_us_per_match = (timing.best_cpu_ms - base.best_cpu_ms - visit.best_cpu_ms) * 1000 / matches;
        }
        result.visits.push_back(visit);
    }
    result.noop_spy_cpu_ms = time_noop_spy(index.db, options.runs);
    return result;
}

double round3(double value) { return std::round(value * 1000) / 1000; }

nlohmann::ordered_json stats_json(const LatencyStats& stats) {
    nlohmann::ordered_json slowest = nlohmann::ordered_json::array();
    for (const auto& [query, ms] : stats.slowest) slowest.push_back({{"query", query}, {"ms", round3(ms)}});
    return {{"queries", stats.queries}, {"zero_hit_queries", stats.zero_hit}, {"p50", round3(stats.p50)},
            {"p95", round3(stats.p95)},  {"p99", round3(stats.p99)},           {"mean", round3(stats.mean)},
            {"max", round3(stats.max)},  {"slowest", slowest}};
}

std::string render_result_json(const QueryBenchOptions& options, const QueryBenchResult& result) {
    nlohmann::ordered_json large = nlohmann::ordered_json::array();
    for (const auto& timing : result.large) {
        large.push_back({{"query", timing.query},
                         {"facets", timing.facets},
                         {"matches", timing.matches},
                         {"matches_exact", timing.exact},
                         {"best_ms", round3(timing.best_ms)},
                         {"median_ms", round3(timing.median_ms)},
                         {"best_cpu_ms", round3(timing.best_cpu_ms)},
                         {"extra_us_per_match", round3(timing.extra_us_per_match)},
                         {"spy_us_per_match", round3(timing.spy_us_per_match)}});
    }
    nlohmann::ordered_json visits = nlohmann::ordered_json::array();
    for (const auto& timing : result.visits) {
        visits.push_back({{"query", timing.query}, {"matches", timing.matches}, {"best_cpu_ms", round3(timing.best_cpu_ms)}});
    }
    nlohmann::ordered_json j = {
        {"db", options.db.string()},
        {"documents", result.documents},
        {"query_mix",
         {{"seed", options.seed},
          {"one_word", options.queries},
          {"two_word", options.queries},
          {"candidate_words", result.candidates},
          {"word_termfreq", {result.min_termfreq, result.max_termfreq}},
          {"limit", options.limit},
          {"snippets", true},
          {"collapse", options.collapse},
          {"facets_from", options.facets_from_names ? "names" : "numbers"},
          {"facet_columns", result.facet_columns},
          {"sample", result.sample}}},
        {"latency_ms", stats_json(result.plain)},
        {"latency_with_facets_ms", stats_json(result.faceted)},
        {"facets_with_latency", {"month", "actor"}},
        {"large_match_sets", {{"runs", options.runs}, {"timings", large}, {"visiting_every_match", visits},
                              {"noop_spy_every_document_cpu_ms", round3(result.noop_spy_cpu_ms)}}},
    };
    return j.dump();
}

}  // namespace
}  // namespace newsdex

int main(int argc, char** argv) {
    using namespace newsdex;
    CLI::App app{"Measure query and facet latency of a newsdex index.", "newsdex-query-bench"};
    QueryBenchOptions options;
    app.add_option("--db", options.db, "Index directory")->required();
    app.add_option("--queries", options.queries, "One-word queries, and as many two-word ones")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{1}, std::size_t{1'000'000}));
    app.add_option("--seed", options.seed, "Seed of the query mix")->capture_default_str();
    app.add_option("--runs", options.runs, "Timed runs of each large-match-set measurement")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{1}, std::size_t{1000}));
    app.add_flag("!--no-collapse", options.collapse, "Count every article instead of one per story");
    app.add_flag("--facets-from-names", options.facets_from_names,
                 "Count facets from the documents' names, not their dictionary numbers (the way before them)");
    app.add_flag("!--no-facet-columns", options.facet_columns,
                 "Read each match's facet numbers from its document, not from the facet columns (the way before them)");
    app.add_option("--limit", options.limit, "Results (with snippets) per query")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{0}, std::size_t{1000}));

    return run_cli(app, argc, argv, [&] {
        QueryBenchResult result = run_query_bench(options);
        std::cout << render_result_json(options, result) << '\n';
        return ExitCode::ok;
    });
}
