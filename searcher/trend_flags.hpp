#pragma once
/// Declares the news-search flags of timelines, comparisons, charts, exports and networks.

#include <CLI/CLI.hpp>

#include "searcher/options.hpp"

namespace newsdex {

/// Adds --share, --compare, --chart, --format, --body, --no-progress, --network and
/// --network-min to `app`, writing into `options`. --format excludes the flags of a page of
/// results (--json, --count, --show, --cluster, --info, --similar, --facet, --chart,
/// --compare, --share, --network, --limit, --offset, --sort); --chart and --network exclude
/// --show, --cluster and --info. Those must have been added before.
void add_trend_flags(CLI::App& app, SearchOptions& options);

}  // namespace newsdex
