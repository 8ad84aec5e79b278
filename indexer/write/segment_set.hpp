#pragma once
/// The on-disk layout of an index: a directory of segments (Xapian glass databases) listed in
/// a stub file `XAPIANDB`, which Xapian itself opens as one database. Each checkpoint of a
/// run adds a segment; at the end of the run its segments are compacted into one, and small
/// neighbours are merged so that a handful remain.

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include <xapian.h>

namespace newsdex {

/// The segments of one index directory. Not thread-safe; the caller holds the IndexLock.
class SegmentSet {
public:
    /// Reads (or creates, with one empty segment) the layout in `directory`, and removes what
    /// an interrupted run left behind: working directories and segments the stub does not list.
    /// Throws FatalError when the directory holds something else (an old plain database is
    /// adopted as the first segment).
    explicit SegmentSet(std::filesystem::path directory);

    /// The listed segments' paths, oldest first.
    [[nodiscard]] std::vector<std::filesystem::path> segments() const;

    /// A fresh, empty working directory for this run's shards.
    [[nodiscard]] std::filesystem::path make_work_directory();

    /// The path for a new segment, not yet listed: compact into it (from any thread), then
    /// list_segment() it.
    [[nodiscard]] std::filesystem::path new_segment_path();

    /// Lists the compacted `segment` in the stub (atomically), after the others.
    void list_segment(const std::filesystem::path& segment);

    /// At the end of a run: compacts the segments it added into one, then merges neighbours
    /// while the newest is at least half the size of the one before (so merge cost stays
    /// O(n log n) over many runs). Merging once per run, not at each checkpoint, copies each
    /// document twice in a run of any size (once from the writers' parts, once here).
    void merge_run();

private:
    void write_stub();
    void merge_tail();

    std::filesystem::path m_directory;
    std::size_t m_listed_before_run = 0;  // segments listed when the run began
    std::vector<std::string> m_names;  // segment directory names, oldest first
    unsigned long m_next_number = 1;
};

/// Compacts `sources` into `destination` (which must not exist). Throws FatalError.
void compact_databases(const std::vector<std::filesystem::path>& sources, const std::filesystem::path& destination);

}  // namespace newsdex
