#pragma once
/// Streams every match of a query as CSV or JSON Lines, one record per article (or story), in
/// constant memory: nothing is held but a few batches of records on their way out.

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include <xapian.h>

namespace newsdex {

/// The export formats.
enum class ExportFormat { csv, jsonl };

/// How to export.
struct ExportSettings {
    ExportFormat format = ExportFormat::csv;  ///< csv or jsonl
    bool body = false;     ///< include the cleaned body (paragraphs)
    bool stories = true;   ///< one record per near-duplicate cluster (its first match in index order)
};

/// Called now and then during an export with the records written so far.
using ExportProgress = std::function<void(std::size_t written)>;

/// The CSV header: id, title, date, date_precision, source, url, author, lang, person, org,
/// place (names joined by "; "), cluster, copies (exact copies folded into the article),
/// copy_ids (their ids, joined by "; "), near_copies (other documents of its cluster in the
/// index), and body with ExportSettings::body.
[[nodiscard]] std::vector<std::string> export_csv_header(bool body);

/// Writes every document matching `query` to `out`, in index order (shard by shard, each in
/// docid order): as RFC 4180 CSV (a header, then a CRLF-ended record per article; UTF-8, no
/// byte-order mark) or as JSON Lines (each line the object `news-search --show ID --json`
/// prints, without `paragraphs` and `body` unless `settings.body`, plus `near_copies`).
/// Documents are read on the calling thread and decoded and written on another, through a
/// queue of a few batches, so memory stays bounded. Calls `progress` (on the writing thread)
/// about four times a second. Returns the number of records written. Throws
/// what Xapian throws when the index cannot be read, and std::runtime_error for stored data
/// it cannot decode.
std::size_t export_matches(const Xapian::Database& db, const Xapian::Query& query, const ExportSettings& settings,
                           std::ostream& out, const ExportProgress& progress = {});

}  // namespace newsdex
