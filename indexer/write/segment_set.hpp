#pragma once
/// The on-disk layout of an index: a directory of segments (Xapian glass databases) listed in
/// a stub file `XAPIANDB`, which Xapian itself opens as one database. Each checkpoint of a
/// run adds a segment; at the end of the run its segments are compacted into one, and small
/// neighbours are merged so that a handful remain. newsdex creates and removes only what it
/// owns: `seg-NNNNNN/`, `work-PID-N/`, `journal`, the stub, the marker `.newsdex-index` and
/// the facet dictionary's four `facet-*` files (FacetDictionaryWriter).

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include <xapian.h>

namespace newsdex {

/// The segments of one index directory. Not thread-safe; the caller holds the IndexLock.
class SegmentSet {
public:
    /// Throws FatalError, changing nothing, unless `directory` is missing, empty, or a newsdex
    /// index (with its marker, or an index made before markers: a stub that lists only
    /// segments). A folder of other files, a single segment of an index, and an index whose
    /// stub is missing or empty while segments are there are refused, each with its reason.
    static void check_directory(const std::filesystem::path& directory);

    /// Reads (or creates, with one empty segment and the marker) the layout in `directory`,
    /// which check_directory() accepted, and removes what an interrupted run left behind:
    /// working directories and segments the stub does not list.
    explicit SegmentSet(std::filesystem::path directory);

    /// The listed segments' paths, oldest first.
    [[nodiscard]] std::vector<std::filesystem::path> segments() const;

    /// True when the segment named `name` (`seg-NNNNNN`) is listed.
    [[nodiscard]] bool is_listed(const std::string& name) const;

    /// The newest listed segment's name.
    [[nodiscard]] const std::string& newest() const { return m_names.back(); }

    /// Where the amendments waiting for a listing are journaled (see IndexWriter).
    [[nodiscard]] std::filesystem::path journal_path() const { return m_directory / "journal"; }

    /// A fresh, empty working directory for this run's shards.
    [[nodiscard]] std::filesystem::path make_work_directory();

    /// The path for a new segment, not yet listed: compact into it (from any thread), then
    /// list_segment() it.
    [[nodiscard]] std::filesystem::path new_segment_path();

    /// Lists the compacted `segment` in the stub (atomically and durably), after the others.
    /// The segment's files must be on the disk already (sync_tree).
    void list_segment(const std::filesystem::path& segment);

    /// At the end of a run: compacts the segments it added into one, then merges neighbours
    /// while the newest is at least half the size of the one before (so merge cost stays
    /// O(n log n) over many runs). Merging once per run, not at each checkpoint, copies each
    /// document twice in a run of any size (once from the writers' parts, once here).
    void merge_run();

private:
    void write_stub();
    void merge_tail();
    void replace(std::size_t first, std::size_t count, const std::filesystem::path& merged);

    std::filesystem::path m_directory;
    std::size_t m_listed_before_run = 0;  // segments listed when the run began
    std::vector<std::string> m_names;     // segment directory names, oldest first
    unsigned long m_next_number = 1;
};

/// Compacts `sources` into `destination` (which must not exist) and flushes it to the disk.
/// Throws FatalError.
void compact_databases(const std::vector<std::filesystem::path>& sources, const std::filesystem::path& destination);

}  // namespace newsdex
