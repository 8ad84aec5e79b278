#pragma once
/// Declares the news-index flags.

#include <CLI/CLI.hpp>

#include "indexer/options.hpp"

namespace newsdex {

/// Adds every news-index flag to `app`, writing into `options`.
void add_indexer_flags(CLI::App& app, IndexerOptions& options);

}  // namespace newsdex
