#pragma once
/// Declares the news-index flags.

#include <CLI/CLI.hpp>

#include "indexer/options.hpp"

namespace newsdex {

/// Turns --threads (0: not given, use every core) into the named thread settings of `options`:
/// `workers` and `writer_threads`. The only place that interprets --threads.
void resolve_threads(unsigned requested, IndexerOptions& options);

/// Adds every news-index flag to `app`, writing into `options` (the thread settings are resolved
/// once parsing succeeds).
void add_indexer_flags(CLI::App& app, IndexerOptions& options);

}  // namespace newsdex
