#pragma once
/// Several threads, each adding documents to a database of its own, so that Xapian's writing
/// (most of the cost of indexing) runs on every core. The shards are merged into the index by
/// compaction at each checkpoint (see SegmentSet).

#include <atomic>
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

/// A pool of writer threads over shard databases in one working directory.
class ShardWriters {
public:
    /// Creates `count` empty shards in `work_directory` and starts one thread for each.
    /// Throws FatalError when a shard cannot be created.
    ShardWriters(const std::filesystem::path& work_directory, unsigned count);

    /// Stops the threads (dropping queued documents) if finish() was not called.
    ~ShardWriters();
    ShardWriters(const ShardWriters&) = delete;
    ShardWriters& operator=(const ShardWriters&) = delete;

    /// Queues `document` for the next shard in turn (blocking while that shard's queue is
    /// full) and returns the shard's number. Rethrows, as FatalError, a failure of a writer.
    unsigned add(Xapian::Document document);

    /// Waits until every queued document is written and stops the threads. The shards stay
    /// open for late changes through shard(). Rethrows a writer's failure as FatalError.
    void finish();

    /// Shard `number`, for changes after finish().
    [[nodiscard]] Xapian::WritableDatabase& shard(unsigned number) { return m_shards[number]->db; }

    /// Commits and closes every shard; returns their paths for compaction.
    [[nodiscard]] std::vector<std::filesystem::path> close();

    /// Seconds the threads spent adding documents, summed over threads.
    [[nodiscard]] double busy_seconds() const { return static_cast<double>(m_busy_nanoseconds.load()) / 1e9; }

private:
    struct Shard {
        std::filesystem::path path;
        Xapian::WritableDatabase db;
        std::deque<Xapian::Document> queue;
        std::mutex mutex;
        std::condition_variable changed;
        bool closing = false;
        std::exception_ptr failure;
        std::thread thread;
    };
    void run(Shard& shard);
    void stop();
    void rethrow_failure();

    std::vector<std::unique_ptr<Shard>> m_shards;
    std::size_t m_added = 0;
    bool m_stopped = false;
    std::atomic<std::int64_t> m_busy_nanoseconds{0};
};

}  // namespace newsdex
