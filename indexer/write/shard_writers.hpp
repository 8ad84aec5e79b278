#pragma once
/// Several threads, each adding documents to databases of its own, so that Xapian's writing
/// (most of the cost of indexing) runs on every core. Each thread starts a fresh database every
/// `documents_per_part` documents: Xapian's in-memory inverter stays small and each flush
/// writes into empty tables, so the cost per document does not grow with the index. The parts
/// are merged into the index by compaction at each checkpoint (see SegmentSet).

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstddef>
#include <deque>
#include <exception>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include <xapian.h>

namespace newsdex {

/// Where a document was written: its shard and that shard's part database.
struct DocumentPlace {
    unsigned shard = 0;
    unsigned part = 0;
};

/// A pool of writer threads over part databases in one working directory. A part holds fewer
/// documents than Xapian's default flush threshold (10,000), so it is flushed once, when it is
/// closed; nothing here changes the process's environment.
class ShardWriters {
public:
    /// Documents in one part database.
    static constexpr std::size_t documents_per_part = 1000;

    /// Starts writer threads for `shards` shards whose parts go in `work_directory`: one per
    /// shard, or `threads` when fewer, each serving its share of the shards. With `threads`
    /// 0, add() writes on the caller's thread (a single-threaded run). What each shard holds
    /// does not depend on the number of threads.
    ShardWriters(std::filesystem::path work_directory, unsigned shards, unsigned threads);

    /// Stops the threads (dropping queued documents) if finish() was not called.
    ~ShardWriters();
    ShardWriters(const ShardWriters&) = delete;
    ShardWriters& operator=(const ShardWriters&) = delete;

    /// Queues `document` for the next shard in turn (blocking while that shard's queue is
    /// full), or writes it at once without threads, and returns where it goes. Rethrows, as
    /// FatalError, a writer's failure.
    DocumentPlace add(Xapian::Document document);

    /// Waits until every queued document is written, commits and closes every part and stops
    /// the threads. Rethrows a writer's failure as FatalError.
    void finish();

    /// The database of `place`, to open for changes after finish().
    [[nodiscard]] std::filesystem::path part_path(DocumentPlace place) const;

    /// Every part written, shard by shard in order: the same list whatever the thread timing.
    [[nodiscard]] std::vector<std::filesystem::path> parts() const;

    /// Seconds the threads spent adding documents, summed over threads.
    [[nodiscard]] double busy_seconds() const { return static_cast<double>(m_busy_nanoseconds.load()) / 1e9; }

private:
    struct Shard {
        unsigned number = 0;
        std::size_t queued_total = 0;  // documents ever queued: decides each one's part
        std::size_t written = 0;
        Xapian::WritableDatabase db;  // the open part, if any
        std::deque<Xapian::Document> queue;
    };
    void run(std::vector<Shard*> shards);
    void close_unfinished_parts(const std::vector<Shard*>& shards);
    void write(Shard& shard, Xapian::Document& document);
    void close_part(Shard& shard);
    void add_busy_since(std::chrono::steady_clock::time_point start);
    void fail(std::exception_ptr failure);
    void stop();

    std::filesystem::path m_directory;
    std::vector<std::unique_ptr<Shard>> m_shards;
    std::vector<std::thread> m_threads;
    std::mutex m_mutex;  // guards every shard's queue, closing and failure
    std::condition_variable m_changed;
    bool m_closing = false;
    std::exception_ptr m_failure;
    std::size_t m_added = 0;
    bool m_stopped = false;
    std::atomic<std::int64_t> m_busy_nanoseconds{0};
};

}  // namespace newsdex
