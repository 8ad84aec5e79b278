#include "searcher/cli.hpp"

namespace newsdex {

void add_search_flags(CLI::App& app, SearchOptions& options) {
    app.add_option("--db", options.db, "Index directory")->required();
    app.add_option("query", options.query, "Query words (empty: every article)");
    app.add_option("-n,--limit", options.limit, "Results to show")->capture_default_str();
    app.add_option("--offset", options.offset, "Results to skip")->capture_default_str();
    app.add_flag("--json", options.json, "Print one JSON object");
    app.add_flag("--count", options.count_only, "Print only the number of matches");
    app.add_option("--show", options.show, "Print the stored article with this id");
    app.add_option("--cluster", options.cluster, "List the near-duplicate cluster of the article with this id");
    app.add_option("--sort", options.sort, "relevance, date (newest first) or -date (oldest first)")
        ->capture_default_str()
        ->check(CLI::IsMember({"relevance", "date", "-date"}));
    // Repeatable flags take one value each, so `--facet month ''` leaves '' to the query.
    app.add_option("--facet", options.facets, "Count by month, year, person, org, place, actor, country, region or source (repeatable)")
        ->allow_extra_args(false);
    app.add_option("--facet-limit", options.facet_limit, "Values shown per person/org/place/actor/country/region/source facet")
        ->capture_default_str();
    app.add_option("--from", options.from, "Only articles dated on or after DATE");
    app.add_option("--to", options.to, "Only articles dated on or before DATE (inclusive)");
    app.add_option("--month", options.month, "Only articles of month YYYY-MM");
    app.add_option("--actor", options.actors, "Only articles mentioning NAME (any alias; repeatable, all must match)")
        ->allow_extra_args(false);
    app.add_option("--country", options.countries,
                   "Only articles with a place in country NAME (any name or adjective; repeatable, all must match)")
        ->allow_extra_args(false);
    app.add_option("--source", options.sources, "Only articles from SOURCE (repeatable, any may match)")
        ->allow_extra_args(false);
    app.add_flag("!--no-collapse", options.collapse, "Show every near copy instead of one result per story");
    app.add_option("--snippet-length", options.snippet_length, "Snippet length in characters")->capture_default_str();
    app.add_option("--lang", options.lang, "Language of the query words (ISO 639-1 code), for stemming")
        ->capture_default_str();
    app.add_option("--similar", options.similar, "Find articles like the one with this id (query words filter them)");
    app.add_flag("--info", options.info, "Describe the index: articles, dates, sources, actors, size, last update");
    app.add_option("--color,--colour", options.color, "auto, always or never")
        ->capture_default_str()
        ->check(CLI::IsMember({"auto", "always", "never"}));
}

}  // namespace newsdex
