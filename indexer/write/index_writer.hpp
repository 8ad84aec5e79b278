#pragma once
/// Owns the index while a run writes it: decides, in input order, what each article is (new,
/// changed, unchanged, an exact copy, a near copy of a cluster), hands new documents to the
/// shard writer threads, and at each checkpoint merges what was written into the index.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "common/schema.hpp"
#include "indexer/dedup/duplicate_finder.hpp"
#include "indexer/write/index_lock.hpp"
#include "indexer/dedup/minhash.hpp"
#include "indexer/processed_article.hpp"
#include "indexer/dedup/run_tables.hpp"
#include "indexer/write/segment_set.hpp"
#include "indexer/write/shard_writers.hpp"
#include "indexer/dedup/term_filter.hpp"
#include "indexer/stage_times.hpp"

namespace newsdex {

/// What happened to one article.
enum class WriteOutcome {
    added,      ///< a new document
    replaced,   ///< an existing id whose content changed
    unchanged,  ///< the same record was indexed before: nothing written
    duplicate,  ///< an exact copy of another document's text: recorded on that document
};

/// The result of IndexWriter::write.
struct WriteResult {
    WriteOutcome outcome;
    bool near_duplicate = false;  ///< joined an existing near-duplicate cluster
    std::string cluster;          ///< the cluster key the document got
};

/// Shards (each with its writer thread) a checkpoint is written in. Fixed, not taken from
/// --threads: the shard layout decides the docids, and docids break ranking ties, so an index
/// must come out the same whatever number of threads built it.
inline constexpr unsigned writer_shards = 2;

/// How the writer works.
struct WriterSettings {
    std::size_t checkpoint_every = 50000;  ///< new documents between checkpoints
    /// Threads adding documents to the shards (at most writer_shards are used); 0: the caller
    /// of write() adds them and compacts on its own thread.
    unsigned writer_threads = writer_shards;
};

/// The single writer of an index directory (see SegmentSet for the layout). Every
/// `checkpoint_every` new documents, a checkpoint compacts what was written into a segment;
/// the compaction runs beside the next articles' writing, and the segment is listed (durable
/// and visible to readers) at the next checkpoint or at the end of the run. A crash loses at
/// most the articles of unlisted segments, and re-running the same input then finds the others
/// unchanged.
class IndexWriter {
public:
    /// Locks and opens (or creates) the index in `directory`. Throws FatalError: "index is
    /// locked by another writer: DIR" when another run holds it, or naming the cause.
    IndexWriter(const std::filesystem::path& directory, WriterSettings settings, const MinHasher& hasher);
    ~IndexWriter();

    /// Decides what `processed` is and writes its `document` (built by build_document) when
    /// it is new or changed. Must be called in input order. Throws FatalError on write failure.
    WriteResult write(const ProcessedArticle& processed, Xapian::Document document);

    /// True when the index holds `id` with this record hash: the article need not be
    /// processed again. Only sees the listed segments.
    [[nodiscard]] bool known_unchanged(const std::string& id, const std::string& record_hash) const;

    /// At the end of a run: writes out everything (durable and visible to readers
    /// afterwards), then merges the run's segments into one.
    void finish();

    /// Documents in the listed segments.
    [[nodiscard]] Xapian::doccount doc_count() const;

    /// Seconds spent finding duplicates, inside write().
    [[nodiscard]] double dedup_seconds() const { return m_times.seconds(Stage::dedup); }

    /// Seconds spent writing: the shard threads' work and the compactions (summed) plus checkpoints.
    [[nodiscard]] double write_seconds() const { return m_times.seconds(Stage::write); }

private:
    // A checkpoint's segment while it is being compacted, and the documents it holds.
    struct PendingSegment {
        std::future<void> compaction;
        std::filesystem::path path;
        RunTables::Number end = 0;  // the run documents below this number are in it
    };

    void checkpoint();
    void open_existing();
    void learn_existing_terms();
    void remember_terms(const ProcessedArticle& processed);
    std::optional<Xapian::docid> find_existing(const std::string& term) const;
    bool record_copy_on_existing(Xapian::docid kept, const Article& copy);
    bool record_copy_in_run(RunDocument& kept, const Article& copy);
    std::optional<std::pair<std::string, double>> cluster_in_run(const ProcessedArticle& processed,
                                                                 const std::optional<MinHashSignature>& signature,
                                                                 const std::vector<std::uint64_t>& bands) const;
    void apply_changes_to_parts();
    void start_compaction(std::vector<std::filesystem::path> parts);
    void publish();
    void apply_changes_to_listed(RunTables::Number end);

    IndexLock m_lock;
    SegmentSet m_segments;
    WriterSettings m_settings;
    const MinHasher& m_hasher;
    DuplicateFinder m_finder;
    Xapian::WritableDatabase m_existing;  // every segment: lookups, deletions, copies recorded
    TermFilter m_lookup_terms;            // id, content-hash and band terms written so far
    std::unique_ptr<ShardWriters> m_shards;
    RunTables m_run;                      // written in this run, not yet in a listed segment
    RunTables::Number m_checkpoint_begin = 0;  // the first run document since the last checkpoint
    std::vector<DocumentPlace> m_places;       // where each document since then was written
    std::optional<PendingSegment> m_pending;
    StageTimes m_times;  // dedup: the lookups inside write(); write: shard threads, compactions, checkpoints
    bool m_changed_existing = false;  // listed segments' documents changed since the last commit
};

}  // namespace newsdex
