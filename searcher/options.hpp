#pragma once
/// Every news-search setting as a named field.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace newsdex {

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
    std::size_t snippet_length = 200;     ///< target snippet length in characters
    std::string color = "auto";           ///< auto | always | never
    std::string lang = "en";              ///< language of the query words: selects the query stemmer
    std::optional<std::string> similar;   ///< --similar ID: articles like this one
    bool info = false;                    ///< --info: describe the index instead of searching
};

}  // namespace newsdex
