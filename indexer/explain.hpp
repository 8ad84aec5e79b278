#pragma once
/// `news-index --explain FILE`: shows what the index would hold for an article, and why
/// each removed paragraph was removed. Writes nothing.

#include <string>

#include "common/diagnostics.hpp"
#include "indexer/options.hpp"

namespace newsdex {

/// Reads `options.explain` (a text file, or a JSON Lines file of several records), runs the
/// per-article stages, and renders the result: as text, or with `options.json` as one JSON
/// object per article (`title`, `source`, `date`, `paragraphs`, `removed` [{text, reason,
/// rule}], `actors`). Throws UsageError when the file yields no article.
[[nodiscard]] std::string explain_article(const IndexerOptions& options, Diagnostics& diagnostics);

}  // namespace newsdex
