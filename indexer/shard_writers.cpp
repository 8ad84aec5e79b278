#include "indexer/shard_writers.hpp"

#include <chrono>
#include <cstdlib>

#include "common/errors.hpp"

namespace newsdex {
namespace {

// Documents waiting per shard: enough to ride out a slow flush, few enough to bound memory.
constexpr std::size_t max_queued = 512;

// Documents handed to one shard before moving to the next: keeps each shard's postings
// for neighbouring articles together.
constexpr std::size_t run_length = 64;

// Xapian flushes its in-memory postings every N documents. 1,000-5,000 is fastest
// (XAPIAN-NOTES §1); it must be set before a database is opened. A user's setting wins.
void set_flush_threshold() {
    static const bool done = [] { return ::setenv("XAPIAN_FLUSH_THRESHOLD", "2000", 0) == 0; }();
    (void)done;
}

}  // namespace

ShardWriters::ShardWriters(const std::filesystem::path& work_directory, unsigned count) {
    set_flush_threshold();
    for (unsigned i = 0; i < std::max(count, 1u); ++i) {
        auto shard = std::make_unique<Shard>();
        shard->path = work_directory / ("shard-" + std::to_string(i));
        try {
            shard->db = Xapian::WritableDatabase(shard->path.string(), Xapian::DB_CREATE);
        } catch (const Xapian::Error& e) {
            throw FatalError("cannot create shard " + shard->path.string() + ": " + e.get_description());
        }
        m_shards.push_back(std::move(shard));
    }
    for (auto& shard : m_shards) shard->thread = std::thread([this, s = shard.get()] { run(*s); });
}

ShardWriters::~ShardWriters() { stop(); }

void ShardWriters::run(Shard& shard) {
    for (;;) {
        Xapian::Document document;
        {
            std::unique_lock lock(shard.mutex);
            shard.changed.wait(lock, [&] { return !shard.queue.empty() || shard.closing; });
            if (shard.queue.empty()) return;
            document = std::move(shard.queue.front());
            shard.queue.pop_front();
        }
        shard.changed.notify_all();
        try {
            auto start = std::chrono::steady_clock::now();
            shard.db.add_document(document);
            m_busy_nanoseconds += std::chrono::duration_cast<std::chrono::nanoseconds>(
                                      std::chrono::steady_clock::now() - start).count();
        } catch (const Xapian::Error& e) {
            std::lock_guard lock(shard.mutex);
            shard.failure = std::make_exception_ptr(FatalError("cannot write " + shard.path.string() + ": " + e.get_description()));
            shard.closing = true;
            shard.queue.clear();
            shard.changed.notify_all();
            return;
        } catch (...) {
            std::lock_guard lock(shard.mutex);
            shard.failure = std::current_exception();
            shard.closing = true;
            shard.queue.clear();
            shard.changed.notify_all();
            return;
        }
    }
}

unsigned ShardWriters::add(Xapian::Document document) {
    auto number = static_cast<unsigned>((m_added / run_length) % m_shards.size());
    Shard& shard = *m_shards[number];
    {
        std::unique_lock lock(shard.mutex);
        shard.changed.wait(lock, [&] { return shard.queue.size() < max_queued || shard.closing; });
        if (shard.failure) std::rethrow_exception(shard.failure);
        shard.queue.push_back(std::move(document));
    }
    shard.changed.notify_all();
    ++m_added;
    return number;
}

void ShardWriters::stop() {
    if (m_stopped) return;
    m_stopped = true;
    for (auto& shard : m_shards) {
        {
            std::lock_guard lock(shard->mutex);
            shard->closing = true;
        }
        shard->changed.notify_all();
    }
    for (auto& shard : m_shards) {
        if (shard->thread.joinable()) shard->thread.join();
    }
}

void ShardWriters::rethrow_failure() {
    for (auto& shard : m_shards) {
        if (shard->failure) std::rethrow_exception(shard->failure);
    }
}

void ShardWriters::finish() {
    stop();
    rethrow_failure();
}

std::vector<std::filesystem::path> ShardWriters::close() {
    finish();
    std::vector<std::filesystem::path> paths;
    for (auto& shard : m_shards) {
        try {
            shard->db.commit();
            shard->db.close();
        } catch (const Xapian::Error& e) {
            throw FatalError("cannot commit shard " + shard->path.string() + ": " + e.get_description());
        }
        paths.push_back(shard->path);
    }
    return paths;
}

}  // namespace newsdex
