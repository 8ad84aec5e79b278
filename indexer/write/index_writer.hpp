#pragma once
/// Owns the index while a run writes it: applies the judge's verdicts (adds documents through
/// the shard writer threads, queues the amendments to documents already written), and at each
/// checkpoint turns what was written into a segment of the index.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "indexer/dedup/verdict.hpp"
#include "indexer/stage_times.hpp"
#include "indexer/write/facet_dictionary_writer.hpp"
#include "indexer/write/index_lock.hpp"
#include "indexer/write/segment_set.hpp"
#include "indexer/write/shard_writers.hpp"

namespace newsdex {

/// Shards a checkpoint is written in; writer threads share them out (at most one thread per
/// shard). Fixed, not taken from --threads: the shard layout decides the docids, and docids
/// break ranking ties, so an index must come out the same whatever number of threads built it.
/// Eight lets Xapian's writing, most of the cost of indexing, use up to eight cores.
inline constexpr unsigned writer_shards = 8;

/// How the writer works.
struct WriterSettings {
    std::size_t checkpoint_every = 50000;  ///< new documents between checkpoints
    /// Threads adding documents to the shards (at most writer_shards are used); 0: the caller
    /// of apply() adds them and compacts on its own thread.
    unsigned writer_threads = writer_shards;
};

/// The single writer of an index directory (see SegmentSet for the layout).
///
/// Every `checkpoint_every` new documents, a checkpoint compacts what was written into a
/// segment; the compaction runs beside the next articles' writing, and the segment is listed
/// (durable and visible to readers) at the next checkpoint or at the end of the run.
/// Amendments to documents already in the index (an older version retired, a copy recorded)
/// are applied only when the segment holding what replaces them is listed, and are journaled
/// first: readers and crashes see an article's old version, or its new one, or both for a
/// moment — never neither. A crash loses at most the unlisted segments' articles; the next
/// run finishes a journal it finds, and re-running the same input finds the rest unchanged.
class IndexWriter {
public:
    /// Checks, locks and opens (or creates) the index in `directory`, and applies a journal an
    /// interrupted run left. Throws FatalError: "index is locked by another writer: DIR" when
    /// another run holds it, a directory that is not an index (SegmentSet::check_directory),
    /// or naming the cause.
    IndexWriter(const std::filesystem::path& directory, WriterSettings settings);
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    /// The listed segments, for the judge's lookups; the same object for the writer's whole
    /// life (reopened in place when a segment is listed).
    [[nodiscard]] const Xapian::Database& index() const { return m_existing; }

    /// Calls `listener` after each publication (segment listed, amendments applied).
    void on_publish(std::function<void(const Publication&)> listener) { m_listener = std::move(listener); }

    /// Applies `verdict`: an added article's `document` (built by build_document) gets its
    /// cluster and its facet values' numbers (FacetDictionaryWriter::add_ids), and goes to a shard; amendments wait for their listing. Must be called in the
    /// order of the verdicts. Throws FatalError on write failure.
    void apply(const Verdict& verdict, Xapian::Document document);

    /// At the end of a run: lists everything written and applies every amendment (durable and
    /// visible to readers afterwards); then, when `merge`, merges the run's segments into one.
    /// A failed merge loses nothing (the index is complete, in more segments): it is returned
    /// as a message, not thrown. Throws FatalError when the listing fails.
    [[nodiscard]] std::optional<std::string> finish(bool merge = true);

    /// After finish(): writes the facet column (FacetColumn) of each listed segment that lacks
    /// one of its current revision, so that facets read numbers by docid. A column is a copy of
    /// what the segment holds: a failure loses nothing, and is returned as a message.
    [[nodiscard]] std::optional<std::string> write_facet_columns();

    /// Documents in the listed segments.
    [[nodiscard]] Xapian::doccount doc_count() const;

    /// Seconds spent writing: the shard threads' work and the compactions (summed) plus checkpoints.
    [[nodiscard]] double write_seconds() const { return m_times.seconds(Stage::write); }

private:
    // An amendment and the run documents that must be listed before it is applied.
    struct Queued {
        Amendment amendment;
        RunNumber ready_after = 0;  // the run's documents below this number
    };
    // A checkpoint's segment while it is being compacted, the documents it holds and the
    // amendments already applied to its parts.
    struct PendingSegment {
        std::future<void> compaction;
        std::filesystem::path path;
        RunNumber end = 0;
        std::vector<Amendment> applied;
    };

    void open_existing();
    void finish_journal();
    void checkpoint();
    std::vector<Amendment> apply_to_parts();
    void start_compaction(std::vector<std::filesystem::path> parts, std::vector<Amendment> applied);
    void publish();

    IndexLock m_lock;
    SegmentSet m_segments;
    WriterSettings m_settings;
    FacetDictionaryWriter m_dictionary;    // flushed before each listing that may use its new names
    Xapian::WritableDatabase m_existing;  // every listed segment: lookups and amendments
    std::unique_ptr<ShardWriters> m_shards;
    std::filesystem::path m_work;          // the shards' working directory, while they write
    RunNumber m_run_end = 0;               // documents added by this run
    RunNumber m_listed_end = 0;            // of which those below are in listed segments
    RunNumber m_checkpoint_begin = 0;      // the first run document since the last checkpoint
    std::vector<DocumentPlace> m_places;   // where each document since then was written
    std::vector<Queued> m_queued;          // amendments not yet applied, in decision order
    std::optional<PendingSegment> m_pending;
    std::function<void(const Publication&)> m_listener;
    StageTimes m_times;  // write: shard threads, compactions, checkpoints
};

}  // namespace newsdex
