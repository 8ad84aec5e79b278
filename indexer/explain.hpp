#pragma once
/// `news-index --explain FILE`: shows what the index would hold for an article, why each
/// removed paragraph was removed, and how each actor was found and named. Writes nothing.

#include <string>

#include "common/diagnostics.hpp"
#include "indexer/options.hpp"

namespace newsdex {

/// Reads `options.explain` (a text file, or a JSON Lines file of several records), runs the
/// per-article stages, and renders the result: as text, or with `options.json` as one JSON
/// object per article (`title`, `source`, `date`, `paragraphs`, `removed` [{text, reason,
/// rule}], `actors` as actor_report_json() gives them). Throws UsageError when the file yields
/// no article.
[[nodiscard]] std::string explain_article(const IndexerOptions& options, Diagnostics& diagnostics);

}  // namespace newsdex
