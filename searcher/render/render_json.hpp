#pragma once
/// The --json contract of news-search, built with nlohmann::json. Keys are defined here once.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "searcher/match/article_lookup.hpp"
#include "searcher/search_result.hpp"

namespace newsdex {

/// One JSON object: query, total, total_exact, offset, results (id, rank, score, title, date,
/// source, url, snippet with <mark>…</mark>, duplicates, cluster, actors), facets, took_ms,
/// and suggestion when there is one.
[[nodiscard]] std::string render_search_json(const SearchResult& result);

/// --info: path, articles, dated, undated, date_range {from, to} (null when nothing is dated),
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
