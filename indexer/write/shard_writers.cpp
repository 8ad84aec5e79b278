#include "indexer/write/shard_writers.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "common/errors.hpp"

namespace newsdex {
namespace {

// Documents waiting in all shards' queues: enough to ride out a flush, few enough to bound
// memory whatever the number of shards.
constexpr std::size_t max_queued_total = 1024;

// Documents handed to one shard before moving to the next: keeps each shard's postings
// for neighbouring articles together.
constexpr std::size_t run_length = 64;

}  // namespace

ShardWriters::ShardWriters(std::filesystem::path work_directory, unsigned shards, unsigned threads)
    : m_directory(std::move(work_directory)) {
    for (unsigned i = 0; i < std::max(shards, 1u); ++i) {
        auto shard = std::make_unique<Shard>();
        shard->number = i;
        m_shards.push_back(std::move(shard));
    }
    const auto thread_count = std::min<std::size_t>(threads, m_shards.size());
    for (std::size_t t = 0; t < thread_count; ++t) {
        std::vector<Shard*> served;
        for (std::size_t s = t; s < m_shards.size(); s += thread_count) served.push_back(m_shards[s].get());
        m_threads.emplace_back([this, served] { run(served); });
    }
}

ShardWriters::~ShardWriters() {
    // Without finish(), the run is being abandoned: what is still queued is not written.
    {
        std::lock_guard lock(m_mutex);
        for (auto& shard : m_shards) shard->queue.clear();
    }
    stop();
}

void ShardWriters::add_busy_since(std::chrono::steady_clock::time_point start) {
    m_busy_nanoseconds +=
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count();
}

std::filesystem::path ShardWriters::part_path(DocumentPlace place) const {
    char name[48];
    std::snprintf(name, sizeof name, "shard-%u-part-%06u", place.shard, place.part);
    return m_directory / name;
}

void ShardWriters::write(Shard& shard, Xapian::Document& document) {
    auto start = std::chrono::steady_clock::now();
    const auto part = static_cast<unsigned>(shard.written / documents_per_part);
    const std::filesystem::path path = part_path({shard.number, part});
    try {
        if (shard.written % documents_per_part == 0) {
            // A part lives until the checkpoint compacts it into a segment, which is what must
            // reach the disk: syncing each part only made the writers wait (XAPIAN-NOTES §1).
            shard.db = Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
        }
        shard.db.add_document(document);
        ++shard.written;
        if (shard.written % documents_per_part == 0) close_part(shard);
    } catch (const Xapian::Error& e) {
        throw FatalError("cannot write " + path.string() + ": " + e.get_description());
    }
    add_busy_since(start);
}

void ShardWriters::close_part(Shard& shard) {
    shard.db.commit();
    shard.db.close();
    shard.db = Xapian::WritableDatabase();
}

void ShardWriters::run(std::vector<Shard*> shards) {
    try {
        for (;;) {
            Shard* shard = nullptr;
            Xapian::Document document;
            {
                std::unique_lock lock(m_mutex);
                auto waiting = [&] {
                    for (Shard* candidate : shards) {
                        if (!candidate->queue.empty()) return candidate;
                    }
                    return static_cast<Shard*>(nullptr);
                };
                m_changed.wait(lock, [&] { return waiting() != nullptr || m_closing || m_failure; });
                if (m_failure) return;
                shard = waiting();
                if (!shard) break;  // closing, and nothing left to write
                document = std::move(shard->queue.front());
                shard->queue.pop_front();
            }
            m_changed.notify_all();
            write(*shard, document);
        }
        close_unfinished_parts(shards);
    } catch (const Xapian::Error& e) {
        fail(std::make_exception_ptr(FatalError("cannot write shard: " + e.get_description())));
    } catch (...) {
        fail(std::current_exception());
    }
}

void ShardWriters::close_unfinished_parts(const std::vector<Shard*>& shards) {
    for (Shard* shard : shards) {
        if (shard->written % documents_per_part == 0) continue;
        auto start = std::chrono::steady_clock::now();
        close_part(*shard);
        add_busy_since(start);
    }
}

void ShardWriters::fail(std::exception_ptr failure) {
    {
        std::lock_guard lock(m_mutex);
        if (!m_failure) m_failure = std::move(failure);
        for (auto& shard : m_shards) shard->queue.clear();
    }
    m_changed.notify_all();
}

DocumentPlace ShardWriters::add(Xapian::Document document) {
    auto number = static_cast<unsigned>((m_added / run_length) % m_shards.size());
    Shard& shard = *m_shards[number];
    // Only this (the caller's) thread counts what is queued: the writer threads never read it.
    const DocumentPlace place{number, static_cast<unsigned>(shard.queued_total / documents_per_part)};
    if (m_threads.empty()) {
        write(shard, document);
    } else {
        {
            std::unique_lock lock(m_mutex);
            const std::size_t max_queued = std::max<std::size_t>(max_queued_total / m_shards.size(), 2 * run_length);
            m_changed.wait(lock, [&] { return shard.queue.size() < max_queued || m_failure; });
            if (m_failure) std::rethrow_exception(m_failure);
            shard.queue.push_back(std::move(document));
        }
        m_changed.notify_all();
    }
    ++shard.queued_total;
    ++m_added;
    return place;
}

void ShardWriters::stop() {
    if (m_stopped) return;
    m_stopped = true;
    {
        std::lock_guard lock(m_mutex);
        m_closing = true;
    }
    m_changed.notify_all();
    for (auto& thread : m_threads) {
        if (thread.joinable()) thread.join();
    }
}

void ShardWriters::finish() {
    const bool first_call = !m_stopped;
    stop();
    if (m_failure) std::rethrow_exception(m_failure);
    if (first_call && m_threads.empty()) {
        std::vector<Shard*> all;
        for (auto& shard : m_shards) all.push_back(shard.get());
        close_unfinished_parts(all);
    }
}

std::vector<std::filesystem::path> ShardWriters::parts() const {
    std::vector<std::filesystem::path> paths;
    for (const auto& shard : m_shards) {
        const std::size_t count = (shard->written + documents_per_part - 1) / documents_per_part;
        for (std::size_t part = 0; part < count; ++part) paths.push_back(part_path({shard->number, static_cast<unsigned>(part)}));
    }
    return paths;
}

}  // namespace newsdex
