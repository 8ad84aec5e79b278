#pragma once
/// The files a search writes beside its answer: --chart (SVG, PNG, CSV) and --network (GEXF,
/// GraphML).

#include <string>

#include "searcher/options.hpp"
#include "searcher/search.hpp"
#include "searcher/search_result.hpp"

namespace newsdex {

/// Checks the --chart and --network file names before anything is searched. Throws
/// UsageError for a chart not ending in .svg, .png or .csv, a network not ending in .gexf or
/// .graphml, or a network asked with --similar.
void check_output_files(const SearchOptions& options);

/// Writes each --chart file (the first date facet as a line chart, else the first other
/// facet as bars; .csv holds the chart's data) and the --network file (the co-occurrence graph
/// of the matches' actors). Returns a line for stderr per file written. PNG is drawn by
/// rsvg-convert (Debian package librsvg2-bin) from the SVG. Throws UsageError when a chart is
/// asked without a facet to draw, FatalError when a file cannot be written or rsvg-convert is
/// missing or fails.
[[nodiscard]] std::string write_output_files(const OpenIndex& index, const SearchOptions& options,
                                             const SearchResult& result);

}  // namespace newsdex
