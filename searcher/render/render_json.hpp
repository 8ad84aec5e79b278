#pragma once
/// The --json contract of news-search, built with nlohmann::json. Keys are defined here once.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/errors.hpp"
#include "searcher/match/article_lookup.hpp"
#include "searcher/search_result.hpp"

namespace newsdex {

/// One JSON object: query (null for --similar without words), similar (the id, or null),
/// total, total_exact, total_unit ("stories" when near copies are collapsed, else
/// "articles"), articles (every near copy counted), offset, results (id, rank, score, title,
/// date, source, url, snippet with <mark>…</mark> (null with --snippet-length 0),
/// duplicates, cluster, actors), facets, took_ms, suggestion (null when none),
/// flag_suggestions ([{flag, value, suggestion}] for --actor and --source values that name
/// nothing) and relaxed ({words, min_words, all_words}, or null). A missing value is null,
/// never "".
[[nodiscard]] std::string render_search_json(const SearchResult& result);

/// A failure as news-search prints it under --json: {"error": message, "exit": code}.
[[nodiscard]] std::string render_error_json(const std::string& message, ExitCode code);

/// --info: path, articles, stories (what searches count: near copies once), dated, undated, date_range {from, to} (null when nothing is dated),
/// sources, actors {total, person, org, place}, top_sources [{value, count}], size_bytes,
/// last_updated and last_updated_from ("indexer" or "file time").
[[nodiscard]] std::string render_info_json(const IndexInfo& info);

/// One stored article for --show: metadata, actors, also_seen, cluster, body and paragraphs.
[[nodiscard]] std::string render_article_json(const LookedUpArticle& found);

/// The object render_article_json() prints, for callers that print many (--format jsonl).
[[nodiscard]] nlohmann::json article_json(const LookedUpArticle& found);

/// The members of a cluster for --cluster.
[[nodiscard]] std::string render_cluster_json(const std::string& id, const std::vector<LookedUpArticle>& members);

}  // namespace newsdex
