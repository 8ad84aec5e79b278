#pragma once
/// news-search --format csv|jsonl: every match streamed out, end to end.

#include <ostream>

#include "common/errors.hpp"
#include "searcher/options.hpp"

namespace newsdex {

/// Opens the index, builds the query from `options` (words and flag filters) and streams every
/// match to `out` as `options.format` (csv or jsonl; see export_matches), one record per story
/// unless `options.collapse` is false, the body with `options.body`. When `progress` is given
/// (a terminal), a line counting the records written is redrawn on it. Returns ExitCode::ok
/// when something was written, ExitCode::partial when nothing matched. Throws UsageError for a
/// bad query, FatalError when the index cannot be opened.
[[nodiscard]] ExitCode answer_export(const SearchOptions& options, std::ostream& out, std::ostream* progress);

}  // namespace newsdex
