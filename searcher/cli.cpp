#include "searcher/cli.hpp"

#include "searcher/trend_flags.hpp"
#include "common/analyzer.hpp"
#include "common/cli/cli_support.hpp"

namespace newsdex {
namespace {

// The query syntax, after the options in --help.
constexpr const char* query_help = R"(
Query syntax (words are stemmed: elections finds elected):
  oil prices               articles with every word; when none has them all, those with most
                           of them (said on stderr, "relaxed" in JSON)
  oil OR gas, oil NOT gas  operators in capitals; -word excludes, +word requires
  "prime minister"         a phrase;  a NEAR b  words close together
  elect*                   words beginning with elect
  title:budget  source:"AUN News"  month:2022-08  year:2022  date:2022-08-01..2022-09-30
  person:"Sergei Lavrov"  org:ASEAN  place:Myanmar  actor:Lavrov  (any alias or part of a name)
  ''                       every article: filters and facets alone
Examples:
  news-search --db idx opec -saudi
  news-search --db idx --facet month --actor Putin ''
  news-search --db idx --json --limit 5 "central bank" rates
Exit codes: 0 something matched, 1 nothing matched, 2 usage error or no index.)";

}  // namespace

void add_search_flags(CLI::App& app, SearchOptions& options) {
    app.add_option("--db", options.db, "Index directory")->required();
    app.add_option("query", options.query, "Query words (empty: every article)");
    app.add_option("-n,--limit", options.limit, "Results to show")
        ->capture_default_str()
        ->check(whole_number(0, max_results));
    app.add_option("--offset", options.offset, "Results to skip")->capture_default_str()->check(whole_number(0, max_results));
    app.add_flag("--json", options.json, "Print one JSON object");
    app.add_flag("--count", options.count_only, "Print only the number of matches");
    app.add_option("--show", options.show, "Print the stored article with this id");
    app.add_option("--cluster", options.cluster, "List the near-duplicate cluster of the article with this id");
    app.add_option("--sort", options.sort, "relevance, date (newest first) or -date (oldest first)")
        ->capture_default_str()
        ->check(CLI::IsMember({"relevance", "date", "-date"}));
    // Repeatable flags take one value each, so `--facet month ''` leaves '' to the query.
    app.add_option("--facet", options.facets,
                   "Count by day, week (ISO), month, year, person, org, place, actor, country, region or source (repeatable)")
        ->allow_extra_args(false);
    app.add_option("--facet-limit", options.facet_limit, "Values shown per person/org/place/actor/country/region/source facet")
        ->capture_default_str()
        ->check(whole_number(1, max_results));
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
    app.add_flag_callback("--no-collapse", [&options] { options.collapse = false; },
                          "Show every near copy instead of one result per story");
    app.add_option("--snippet-length", options.snippet_length, "Snippet length in characters (0: no snippets)")
        ->capture_default_str()
        ->check(CLI::Validator(
            [](std::string& value) -> std::string {
                std::string copy = value;
                if (value == "0" || whole_number(min_snippet_length, max_snippet_length)(copy).empty()) return {};
                return "wants 0 (no snippets) or a whole number from " + std::to_string(min_snippet_length) + " to " +
                       std::to_string(max_snippet_length) + ", not \"" + value + "\"";
            },
            "N"));
    app.add_option("--lang", options.lang, "Language of the query words (ISO 639-1 code), for stemming")
        ->capture_default_str()
        ->check(CLI::Validator(
            [](std::string& value) -> std::string {
                return is_known_language(value) ? std::string() : "no stemmer for \"" + value + "\" (" + known_languages() + ")";
            },
            "CODE"));
    app.add_option("--similar", options.similar, "Find articles like the one with this id (query words filter them)");
    app.add_flag("--info", options.info, "Describe the index: articles, dates, sources, actors, size, last update");
    app.add_option("--color,--colour", options.color, "auto, always or never")
        ->capture_default_str()
        ->check(CLI::IsMember({"auto", "always", "never"}));
    app.add_option("--max-query-bytes", options.max_query_bytes, "Refuse a longer query (bytes)")
        ->capture_default_str()
        ->check(whole_number(1, 1'000'000));
    app.add_option("--max-query-words", options.max_query_words, "Refuse a query of more words")
        ->capture_default_str()
        ->check(whole_number(1, 100'000));
    add_trend_flags(app, options);
    add_version_flag(app);
    app.footer(query_help);
}

}  // namespace newsdex
