#include "indexer/write/index_writer.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>

#include "common/errors.hpp"
#include "common/facet_column.hpp"
#include "indexer/write/amendments.hpp"
#include "indexer/write/durable_files.hpp"

namespace newsdex {
namespace fs = std::filesystem;
namespace {

std::string utc_now_iso8601() {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

// `directory`, once SegmentSet has accepted it: checked before the lock file is made in it.
const fs::path& checked(const fs::path& directory) {
    SegmentSet::check_directory(directory);
    return directory;
}

}  // namespace

IndexWriter::IndexWriter(const fs::path& directory, WriterSettings settings)
    : m_lock(checked(directory)), m_segments(directory), m_settings(settings), m_dictionary(directory) {
    m_settings.checkpoint_every = std::max<std::size_t>(m_settings.checkpoint_every, 1);
    open_existing();
    finish_journal();
}

IndexWriter::~IndexWriter() {
    // An abandoned run lists nothing more, but a compaction under way uses this object's
    // members: it must end first. A deferred one never started; a failed one was collected.
    if (m_pending && m_pending->compaction.valid() &&
        m_pending->compaction.wait_for(std::chrono::seconds(0)) != std::future_status::deferred) {
        m_pending->compaction.wait();
    }
    // What an abandoned run wrote is never listed: do not leave it filling the disk.
    std::error_code ignored;
    if (m_pending) fs::remove_all(m_pending->path, ignored);
    if (!m_work.empty()) fs::remove_all(m_work, ignored);
}

void IndexWriter::open_existing() {
    try {
        m_existing.close();
        m_existing = Xapian::WritableDatabase();
        for (const auto& segment : m_segments.segments()) {
            m_existing.add_database(Xapian::WritableDatabase(segment.string(), Xapian::DB_OPEN));
        }
    } catch (const Xapian::DatabaseLockError&) {
        throw FatalError("index is locked by another writer");
    } catch (const Xapian::Error& e) {
        throw FatalError("cannot open index: " + e.get_description());
    }
}

// A journal left by an interrupted run is finished when the segment it waited for was listed,
// and dropped otherwise (that segment, never listed, is gone, and its article versions with it).
void IndexWriter::finish_journal() {
    const fs::path file = m_segments.journal_path();
    auto journal = read_journal(file);
    if (!journal) return;
    if (m_segments.is_listed(journal->after_segment)) {
        try {
            apply_amendments_in_order(m_existing, journal->amendments);
        } catch (const Xapian::Error& e) {
            throw FatalError("cannot finish the index's journal: " + e.get_description());
        }
    }
    remove_file_durably(file);
}

void IndexWriter::apply(const Verdict& verdict, Xapian::Document document) {
    try {
        if (verdict.kind == Verdict::Kind::added) {
            if (verdict.number != m_run_end) throw FatalError("internal error: verdicts applied out of order");
            document.add_value(schema::slot_cluster, verdict.cluster);
            document.add_boolean_term(schema::boolean_term(schema::cluster_prefix, verdict.cluster));
            // Numbered here, in the order of the verdicts, so the numbers do not depend on threads.
            m_dictionary.add_ids(document);
            if (!m_shards) {
                m_work = m_segments.make_work_directory();
                m_shards = std::make_unique<ShardWriters>(m_work, writer_shards, m_settings.writer_threads);
            }
            m_places.push_back(m_shards->add(std::move(document)));
            ++m_run_end;
        }
        // Each amendment waits for every document written so far, the one just added included.
        for (const Amendment& amendment : verdict.amendments) m_queued.push_back({amendment, m_run_end});
        if (m_run_end - m_checkpoint_begin >= m_settings.checkpoint_every) checkpoint();
    } catch (const Xapian::Error& e) {
        throw FatalError("cannot write index: " + e.get_description());
    }
}

// Amendments to documents of this checkpoint, applied in their part databases before they are
// compacted: the segment will hold them as amended. Grouped by part, so each part database is
// opened once. Returns them; the others stay queued.
std::vector<Amendment> IndexWriter::apply_to_parts() {
    std::map<fs::path, std::vector<Amendment>> by_part;
    std::vector<Amendment> applied;
    std::erase_if(m_queued, [&](const Queued& queued) {
        const auto& number = queued.amendment.target.run_number;
        if (!number || *number < m_checkpoint_begin) return false;
        by_part[m_shards->part_path(m_places[*number - m_checkpoint_begin])].push_back(queued.amendment);
        applied.push_back(queued.amendment);
        return true;
    });
    for (const auto& [path, amendments] : by_part) {
        Xapian::WritableDatabase part(path.string(), Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
        if (apply_amendments(part, amendments)) part.commit();
    }
    return applied;
}

void IndexWriter::start_compaction(std::vector<fs::path> parts, std::vector<Amendment> applied) {
    fs::path segment = m_segments.new_segment_path();
    fs::path work = parts.front().parent_path();
    auto compact = [this, parts = std::move(parts), segment, work] {
        StageTimer timing(&m_times, Stage::write);
        compact_databases(parts, segment);
        fs::remove_all(work);
    };
    // A single-threaded run compacts on its one thread, when the segment is about to be listed.
    const auto launch = m_settings.writer_threads > 0 ? std::launch::async : std::launch::deferred;
    m_pending = PendingSegment{std::async(launch, std::move(compact)), segment, m_run_end, std::move(applied)};
}

// Lists the pending segment (waiting for its compaction), then applies the amendments whose
// documents are now all listed: journaled first, so that a crash between the listing and
// their application is finished by the next run.
void IndexWriter::publish() {
    const RunNumber listed_end = m_pending ? m_pending->end : m_listed_end;
    Publication publication{listed_end, {}};
    std::erase_if(m_queued, [&](const Queued& queued) {
        if (queued.ready_after > listed_end) return false;
        publication.applied.push_back(queued.amendment);
        return true;
    });
    const std::size_t journaled = publication.applied.size();
    if (m_pending) m_pending->compaction.get();

    StageTimer timing(&m_times, Stage::write);
    // Every number a listed document holds must be in the dictionary on disk first.
    m_dictionary.flush();
    const fs::path journal_file = m_segments.journal_path();
    if (journaled > 0) {
        const std::string after = m_pending ? m_pending->path.filename().string() : m_segments.newest();
        write_journal(journal_file, {after, publication.applied});
    }
    bool changed = false;
    if (m_pending) {
        m_segments.list_segment(m_pending->path);
        open_existing();
        publication.applied.insert(publication.applied.end(), m_pending->applied.begin(), m_pending->applied.end());
        m_pending.reset();
        changed = true;
    }
    const std::vector<Amendment> to_apply(publication.applied.begin(),
                                          publication.applied.begin() + static_cast<std::ptrdiff_t>(journaled));
    changed = apply_amendments_in_order(m_existing, to_apply) || changed;
    if (changed) {
        // For --info: when the index last changed. Metadata read through the stub comes
        // from the first segment, which is where a multi-segment write puts it.
        m_existing.set_metadata(std::string(schema::last_updated_key), utc_now_iso8601());
        m_existing.commit();
    }
    if (journaled > 0) remove_file_durably(journal_file);
    m_listed_end = listed_end;
    if (m_listener) m_listener(publication);
}

void IndexWriter::checkpoint() {
    try {
        std::vector<fs::path> parts;
        std::vector<Amendment> applied;
        if (m_shards) {
            StageTimer timing(&m_times, Stage::write);
            m_shards->finish();
            applied = apply_to_parts();
            parts = m_shards->parts();
            m_times.add(Stage::write, std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                          std::chrono::duration<double>(m_shards->busy_seconds())));
            m_shards.reset();
            m_work.clear();  // the compaction removes it
        }
        publish();
        if (!parts.empty()) start_compaction(std::move(parts), std::move(applied));
        m_checkpoint_begin = m_run_end;
        m_places.clear();
    } catch (const Xapian::Error& e) {
        throw FatalError("cannot commit index: " + e.get_description());
    }
}

std::optional<std::string> IndexWriter::finish(bool merge) {
    checkpoint();
    try {
        publish();
    } catch (const Xapian::Error& e) {
        throw FatalError("cannot commit index: " + e.get_description());
    }
    if (!merge) return std::nullopt;
    std::optional<std::string> problem;
    StageTimer timing(&m_times, Stage::write);
    m_existing.close();
    try {
        m_segments.merge_run();
    } catch (const FatalError& e) {
        problem = e.what();
    } catch (const Xapian::Error& e) {
        problem = e.get_description();
    } catch (const std::filesystem::filesystem_error& e) {
        problem = e.what();
    }
    open_existing();
    return problem;
}

std::optional<std::string> IndexWriter::write_facet_columns() {
    StageTimer timing(&m_times, Stage::write);
    try {
        for (const fs::path& segment : m_segments.segments()) {
            const Xapian::Database database(segment.string());
            const fs::path file = segment / FacetColumn::file_name;
            if (FacetColumn::revision_of(file) == database.get_revision()) continue;
            write_file_durably(file, FacetColumn::encode(database));
        }
    } catch (const FatalError& e) {
        return e.what();
    } catch (const Xapian::Error& e) {
        return e.get_description();
    } catch (const std::exception& e) {
        return e.what();
    }
    return std::nullopt;
}

Xapian::doccount IndexWriter::doc_count() const { return m_existing.get_doccount(); }

}  // namespace newsdex
