#include "indexer/shard_writers.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "common/errors.hpp"

namespace newsdex {
namespace {

// Documents waiting per shard: enough to ride out a flush, few enough to bound memory.
constexpr std::size_t max_queued = 512;

// Documents handed to one shard before moving to the next: keeps each shard's postings
// for neighbouring articles together.
constexpr std::size_t run_length = 64;

// Xapian flushes its in-memory postings every N documents; it must be set before a database
// is opened. Above the part size, a part is flushed once, when it is closed. A user's
// setting wins.
void set_flush_threshold() {
    static const bool done = [] {
        return ::setenv("XAPIAN_FLUSH_THRESHOLD", std::to_string(ShardWriters::documents_per_part + 1).c_str(), 0) == 0;
    }();
    (void)done;
}

}  // namespace

ShardWriters::ShardWriters(std::filesystem::path work_directory, unsigned count) : m_directory(std::move(work_directory)) {
    set_flush_threshold();
    for (unsigned i = 0; i < std::max(count, 1u); ++i) {
        auto shard = std::make_unique<Shard>();
        shard->number = i;
        m_shards.push_back(std::move(shard));
    }
    for (auto& shard : m_shards) shard->thread = std::thread([this, s = shard.get()] { run(*s); });
}

ShardWriters::~ShardWriters() { stop(); }

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
    m_busy_nanoseconds += std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count();
}

void ShardWriters::close_part(Shard& shard) {
    shard.db.commit();
    shard.db.close();
    shard.db = Xapian::WritableDatabase();
}

void ShardWriters::run(Shard& shard) {
    try {
        for (;;) {
            Xapian::Document document;
            {
                std::unique_lock lock(shard.mutex);
                shard.changed.wait(lock, [&] { return !shard.queue.empty() || shard.closing; });
                if (shard.queue.empty()) break;
                document = std::move(shard.queue.front());
                shard.queue.pop_front();
            }
            shard.changed.notify_all();
            write(shard, document);
        }
        if (shard.written % documents_per_part != 0) {
            auto start = std::chrono::steady_clock::now();
            close_part(shard);
            m_busy_nanoseconds +=
                std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count();
        }
    } catch (const Xapian::Error& e) {
        std::lock_guard lock(shard.mutex);
        shard.failure = std::make_exception_ptr(FatalError("cannot write shard: " + e.get_description()));
        shard.closing = true;
        shard.queue.clear();
        shard.changed.notify_all();
    } catch (...) {
        std::lock_guard lock(shard.mutex);
        shard.failure = std::current_exception();
        shard.closing = true;
        shard.queue.clear();
        shard.changed.notify_all();
    }
}

DocumentPlace ShardWriters::add(Xapian::Document document) {
    auto number = static_cast<unsigned>((m_added / run_length) % m_shards.size());
    Shard& shard = *m_shards[number];
    DocumentPlace place{number, 0};
    {
        std::unique_lock lock(shard.mutex);
        shard.changed.wait(lock, [&] { return shard.queue.size() < max_queued || shard.closing; });
        if (shard.failure) std::rethrow_exception(shard.failure);
        shard.queue.push_back(std::move(document));
        place.part = static_cast<unsigned>(shard.queued_total++ / documents_per_part);
    }
    shard.changed.notify_all();
    ++m_added;
    return place;
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

std::vector<std::filesystem::path> ShardWriters::parts() const {
    std::vector<std::filesystem::path> paths;
    for (const auto& shard : m_shards) {
        const std::size_t count = (shard->written + documents_per_part - 1) / documents_per_part;
        for (std::size_t part = 0; part < count; ++part) paths.push_back(part_path({shard->number, static_cast<unsigned>(part)}));
    }
    return paths;
}

}  // namespace newsdex
