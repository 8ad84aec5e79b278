#pragma once
/// Every news-search setting as a named field.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace newsdex {

/// The most results --limit and --offset accept.
inline constexpr std::size_t max_results = 10'000'000;
/// The shortest and longest snippet --snippet-length accepts (0 means no snippets).
inline constexpr std::size_t min_snippet_length = 20;
inline constexpr std::size_t max_snippet_length = 100'000;
/// The defaults of --max-query-bytes and --max-query-words: a pasted paragraph (about 1,000
/// bytes, 150 words) fits, a pasted article does not.
inline constexpr std::size_t default_max_query_bytes = 8192;
inline constexpr std::size_t default_max_query_words = 256;

/// What one news-search call should do, filled from the command line by searcher/cli.
struct SearchOptions {
    std::filesystem::path db;             ///< index directory
    std::vector<std::string> query;       ///< query words, joined with spaces
    std::size_t limit = 10;               ///< results to show
    std::size_t offset = 0;               ///< results to skip
    bool json = false;                    ///< one JSON object on stdout
    bool count_only = false;              ///< print only the number of matches
    std::optional<std::string> show;      ///< --show ID: print one stored article
    std::optional<std::string> cluster;   ///< --cluster ID: list the members of its cluster
    std::string sort = "relevance";       ///< relevance | date (newest first) | -date (oldest first)
    std::vector<std::string> facets;      ///< month, year, person, org, place, actor, country, region, source
    std::size_t facet_limit = 10;         ///< values per facet for the count-ordered facets
    std::optional<std::string> from;      ///< inclusive lower date bound, any parser format
    std::optional<std::string> to;        ///< inclusive upper date bound
    std::optional<std::string> month;     ///< YYYY-MM
    std::vector<std::string> actors;      ///< --actor NAME (repeatable, ANDed)
    std::vector<std::string> countries;   ///< --country NAME (repeatable, ANDed)
    std::vector<std::string> sources;     ///< --source NAME (repeatable, ORed)
    bool collapse = true;                 ///< one result per near-duplicate cluster
    std::size_t snippet_length = 200;     ///< target snippet length in characters; 0: no snippets
    std::string color = "auto";           ///< auto | always | never
    std::string lang = "en";              ///< language of the query words: selects the query stemmer
    std::optional<std::string> similar;   ///< --similar ID: articles like this one
    bool info = false;                    ///< --info: describe the index instead of searching
    std::size_t max_query_bytes = default_max_query_bytes;  ///< longer queries are usage errors
    std::size_t max_query_words = default_max_query_words;  ///< wordier queries are usage errors
    /// Count facets from the documents' names even where they hold dictionary numbers: no flag
    /// sets it; the benchmarks and tests compare the two ways (the results are the same).
    bool facets_from_names = false;
    /// Read facet numbers from the index's facet columns where it has them (the default); no
    /// flag clears it: the benchmarks and tests compare reading each document's value instead.
    bool facet_columns = true;

    // Attention over time and bulk output (issue 18).
    bool share = false;                   ///< date facets also give each period's base and share
    std::vector<std::string> compare;     ///< --compare QUERY: more columns on the date facets
    std::vector<std::filesystem::path> charts;  ///< --chart FILE: .svg, .png or .csv of the first facet
    std::string format;                   ///< --format csv|jsonl: stream every match; empty: results
    bool body = false;                    ///< with --format: include the cleaned body
    bool progress = true;                 ///< with --format: a progress line on a terminal's stderr
    std::optional<std::filesystem::path> network;  ///< --network FILE: .gexf or .graphml
    std::size_t network_min = 1;          ///< edges shared by fewer articles (stories) are left out
};

}  // namespace newsdex
