#include "searcher/trend_flags.hpp"

#include "common/cli/cli_support.hpp"

namespace newsdex {

void add_trend_flags(CLI::App& app, SearchOptions& options) {
    app.add_flag("--share", options.share,
                 "Date facets also give each period's base (every article under the same filters, without the "
                 "query words) and the share of it that matches");
    app.add_option("--compare", options.compare, "Another query as a column of the date facets (repeatable)")
        ->allow_extra_args(false);
    auto* chart = app.add_option("--chart", options.charts,
                   "Write the first date facet (else the first facet) as FILE.svg, FILE.png or FILE.csv (repeatable)")
        ->allow_extra_args(false);
    auto* format = app.add_option("--format", options.format, "Stream every match as csv or jsonl instead of a page")
                       ->check(CLI::IsMember({"csv", "jsonl"}));
    app.add_flag("--body", options.body, "With --format: include the cleaned body");
    app.add_flag_callback("--no-progress", [&options] { options.progress = false; },
                          "With --format: no progress line, even on a terminal");
    auto* network = app.add_option("--network", options.network,
                                   "Write the co-occurrence graph of the matches' actors as FILE.gexf or FILE.graphml");
    app.add_option("--network-min", options.network_min, "Leave out edges shared by fewer articles (stories)")
        ->capture_default_str()
        ->check(whole_number(1, max_results));
    // An export streams every match and nothing else; charts and networks come with searches.
    for (const char* other : {"--json", "--count", "--show", "--cluster", "--info", "--similar", "--facet", "--chart",
                              "--compare", "--share", "--limit", "--offset", "--sort"}) {
        format->excludes(other);
    }
    format->excludes(network);
    for (const char* other : {"--show", "--cluster", "--info"}) {
        chart->excludes(other);
        network->excludes(other);
    }
}

}  // namespace newsdex
