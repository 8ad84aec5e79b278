#pragma once
/// Declares the news-search flags.

#include <CLI/CLI.hpp>

#include "searcher/options.hpp"

namespace newsdex {

/// Adds every news-search flag to `app`, writing into `options`.
void add_search_flags(CLI::App& app, SearchOptions& options);

}  // namespace newsdex
