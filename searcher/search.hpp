#pragma once
/// The only code that knows the search stage order: parse → match → facets → snippets.

#include <filesystem>

#include <xapian.h>

#include "searcher/open_index.hpp"
#include "searcher/options.hpp"
#include "searcher/search_result.hpp"

namespace newsdex {

/// Runs one search. With `options.similar`, ranks the articles most like that one instead
/// (query words and filters then only narrow them down; an unknown id matches nothing).
/// When a text query finds fewer than 3 articles and correcting its spelling finds more than
/// twice as many, SearchResult::suggestion holds the corrected query; --actor and --source
/// values that name nothing get their corrections in SearchResult::flag_suggestions. A plain
/// query of several words that finds fewer than 3 articles is relaxed (SearchResult::relaxed).
/// Throws UsageError for a bad query, filter or facet name.
[[nodiscard]] SearchResult run_search(const OpenIndex& index, const SearchOptions& options);

}  // namespace newsdex
