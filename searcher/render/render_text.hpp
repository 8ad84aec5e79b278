#pragma once
/// Terminal output of news-search, like grep and ripgrep users expect.

#include <string>
#include <vector>

#include "searcher/match/article_lookup.hpp"
#include "searcher/search_result.hpp"

namespace newsdex {

/// The result list and the facets (the date facets first, as render_timeline_text() draws
/// them), one blank line between results and facets: the data, for stdout. With `colour`,
/// titles are bold and matched words bold red (ANSI); without, highlights are dropped.
/// Empty when there are neither results nor facets.
[[nodiscard]] std::string render_search_text(const SearchResult& result, bool colour);

/// The human summary, for stderr: a blank line when results or facets were shown, "Did you
/// mean: …" when there is a suggestion, the relaxed_note() of a relaxed search, then a line
/// with the total, the results shown and the time.
[[nodiscard]] std::string render_search_summary(const SearchResult& result);

/// The line saying that the results hold only some of the query's words: "no article has all
/// 9 words; showing articles with at least 7", ending in a newline.
[[nodiscard]] std::string relaxed_note(const RelaxedMatch& relaxed);

/// --info as aligned `name: value` lines, then the top sources with their counts.
[[nodiscard]] std::string render_info_text(const IndexInfo& info);

/// One stored article for --show: metadata, actors, copies, then the body.
[[nodiscard]] std::string render_article_text(const LookedUpArticle& found, bool colour);

/// The members of a cluster for --cluster, one line each.
[[nodiscard]] std::string render_cluster_text(const std::vector<LookedUpArticle>& members);

}  // namespace newsdex
