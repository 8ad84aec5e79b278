#pragma once
/// The counters of one news-index run and their two renderings.

#include <cstddef>
#include <map>
#include <string>

#include "indexer/write/index_check.hpp"

namespace newsdex {

/// What a run did. `read` = indexed + unchanged + duplicates + older_versions (rejected records
/// are not read).
struct IndexSummary {
    std::size_t read = 0;        ///< good records read
    std::size_t indexed = 0;     ///< documents added or replaced
    std::size_t replaced = 0;    ///< of `indexed`, ids whose content changed
    std::size_t unchanged = 0;   ///< records already in the index as they are
    std::size_t duplicates = 0;  ///< exact copies recorded on the document they copy
    std::size_t older_versions = 0;  ///< records whose id comes again later in the input: not indexed
    std::size_t near_duplicates = 0;          ///< documents that joined an existing cluster
    std::size_t near_duplicate_clusters = 0;  ///< distinct clusters joined by a near copy in this run
    std::size_t removed = 0;     ///< --sync: article ids removed because the input no longer holds them
    std::size_t rejected = 0;    ///< records (or inputs) rejected with a diagnostic
    std::size_t warnings = 0;    ///< records kept with a warning
    std::size_t dated = 0;       ///< indexed documents with a date
    std::size_t undated = 0;     ///< indexed documents without one
    std::size_t bytes = 0;       ///< input bytes read
    std::size_t documents = 0;   ///< documents in the index at the end
    double seconds = 0;          ///< wall time of the run
    bool stopped = false;        ///< a signal stopped the run early: what was read is indexed
    std::map<std::string, std::size_t> paragraphs_removed;  ///< by removal reason, indexed documents only
    std::map<std::string, double> stage_seconds;  ///< seconds per stage, summed over threads
};

/// One JSON object (a single line) with every counter, plus `docs_per_second`.
[[nodiscard]] std::string render_summary_json(const IndexSummary& summary);

/// The findings of --check, one line each ("problem: …", "note: …"), for stdout.
[[nodiscard]] std::string render_check_text(const CheckReport& report);

/// The findings of --check as one JSON object: problems, notes, segments, documents.
[[nodiscard]] std::string render_check_json(const CheckReport& report);

/// A short human summary (a few lines) for stderr.
[[nodiscard]] std::string render_summary_text(const IndexSummary& summary);

}  // namespace newsdex
