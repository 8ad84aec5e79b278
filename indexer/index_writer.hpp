#pragma once
/// Owns the index while a run writes it: decides, in input order, what each article is (new,
/// changed, unchanged, an exact copy, a near copy of a cluster), hands new documents to the
/// shard writer threads, and at each checkpoint merges what was written into the index.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "common/schema.hpp"
#include "indexer/duplicate_finder.hpp"
#include "indexer/index_lock.hpp"
#include "indexer/minhash.hpp"
#include "indexer/processed_article.hpp"
#include "indexer/segment_set.hpp"
#include "indexer/shard_writers.hpp"
#include "indexer/term_filter.hpp"
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
    /// Threads adding documents to the shards; with 1, the caller of write() adds them.
    unsigned writer_threads = writer_shards;
};

/// The single writer of an index directory (see SegmentSet for the layout). Articles are
/// durable and visible to readers at each checkpoint; a crash loses at most the articles
/// since the last one, and re-running the same input then finds the others unchanged.
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
    /// processed again. Only sees what the index held before the last checkpoint.
    [[nodiscard]] bool known_unchanged(const std::string& id, const std::string& record_hash) const;

    /// Writes out everything so far: afterwards it is durable and visible to readers.
    void checkpoint();

    /// At the end of a run: checkpoints, then merges the run's segments into one.
    void finish();

    /// Documents in the index after the last checkpoint.
    [[nodiscard]] Xapian::doccount doc_count() const;

    /// Seconds spent finding duplicates, inside write().
    [[nodiscard]] double dedup_seconds() const { return m_times.seconds(Stage::dedup); }

    /// Seconds spent writing: the shard threads' work (summed) plus checkpoints.
    [[nodiscard]] double write_seconds() const { return m_times.seconds(Stage::write); }

private:
    // A document written in this run and not yet checkpointed.
    struct RunDocument {
        std::string id;
        std::string record_hash;
        std::string cluster;
        std::optional<MinHashSignature> signature;
        DocumentPlace place;
        bool superseded = false;  // the same id came again later in the run
        std::vector<schema::SeenAs> copies;  // exact copies seen later in the run
    };

    void open_existing();
    void learn_existing_terms();
    void remember_terms(const ProcessedArticle& processed);
    std::optional<Xapian::docid> find_existing(const std::string& term) const;
    bool record_copy_on_existing(Xapian::docid kept, const Article& copy);
    bool record_copy_in_run(std::uint32_t kept, const Article& copy);
    std::optional<std::pair<std::string, double>> cluster_in_run(const ProcessedArticle& processed) const;
    void apply_run_changes();
    void forget_run();

    IndexLock m_lock;
    SegmentSet m_segments;
    WriterSettings m_settings;
    const MinHasher& m_hasher;
    DuplicateFinder m_finder;
    Xapian::WritableDatabase m_existing;  // every segment: lookups, deletions, copies recorded
    TermFilter m_lookup_terms;            // id, content-hash and band terms written so far
    std::unique_ptr<ShardWriters> m_shards;
    std::vector<RunDocument> m_run;
    std::unordered_map<std::string, std::uint32_t> m_run_by_id;
    std::unordered_map<std::string, std::uint32_t> m_run_by_content;
    std::unordered_multimap<std::uint64_t, std::uint32_t> m_run_by_band;
    StageTimes m_times;  // dedup: the lookups inside write(); write: shard threads and checkpoints
    bool m_changed_existing = false;  // documents of existing segments changed since the checkpoint
};

}  // namespace newsdex
