#pragma once
/// The only code that knows the stage order: read → clean → fingerprint → extract → write.

#include <iosfwd>

#include "common/diagnostics.hpp"
#include "indexer/options.hpp"
#include "indexer/summary.hpp"

namespace newsdex {

/// Indexes every input of `options` into `options.db`. Bad records are reported through
/// `diagnostics` and counted; the run goes on. `progress_out` receives the progress line.
/// Throws FatalError when the index cannot be opened or written, UsageError for bad settings
/// (an unreadable rule or gazetteer file).
[[nodiscard]] IndexSummary run_pipeline(const IndexerOptions& options, Diagnostics& diagnostics,
                                        std::ostream& progress_out);

}  // namespace newsdex
