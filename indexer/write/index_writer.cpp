#include "indexer/write/index_writer.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>

#include "common/diagnostics.hpp"
#include "common/errors.hpp"
#include "common/stable_hash.hpp"

namespace newsdex {
namespace fs = std::filesystem;
namespace {

std::string hash_term(const std::string& content_hash) {
    return std::string(schema::content_hash_prefix) + content_hash;
}

schema::SeenAs seen_as(const Article& article) {
    return {article.id, article.source, article.url, Diagnostics::location(article.origin)};
}

// Adds `copies` to a stored document: its data lists them, and their ids find it.
void add_copies(Xapian::Document& document, const std::vector<schema::SeenAs>& copies) {
    schema::StoredArticle stored = schema::decode(document.get_data());
    for (const auto& copy : copies) {
        stored.also_seen.push_back(copy);
        document.add_boolean_term(schema::alias_id_term(copy.id));
        if (!copy.source.empty()) document.add_boolean_term(schema::boolean_term(schema::source_prefix, copy.source));
    }
    document.set_data(schema::encode(stored));
}

// The docid in `db` of the document with `id` written with `record_hash`.
std::optional<Xapian::docid> find_version(const Xapian::Database& db, const std::string& id,
                                          const std::string& record_hash) {
    const std::string term = schema::id_term(id);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        if (db.get_document(*it).get_value(schema::slot_record_hash) == record_hash) return *it;
    }
    return std::nullopt;
}

std::string utc_now_iso8601() {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}


}  // namespace

IndexWriter::IndexWriter(const fs::path& directory, WriterSettings settings, const MinHasher& hasher)
    : m_lock(directory), m_segments(directory), m_settings(settings), m_hasher(hasher), m_finder(hasher) {
    m_settings.checkpoint_every = std::max<std::size_t>(m_settings.checkpoint_every, 1);
    open_existing();
    learn_existing_terms();
}

void IndexWriter::learn_existing_terms() {
    for (std::string_view prefix : {schema::id_prefix, schema::content_hash_prefix, schema::band_prefix}) {
        const std::string start(prefix);
        for (auto it = m_existing.allterms_begin(start); it != m_existing.allterms_end(start); ++it) m_lookup_terms.add(*it);
    }
}

void IndexWriter::remember_terms(const ProcessedArticle& processed) {
    m_lookup_terms.add(schema::id_term(processed.article.id));
    if (!processed.content_hash.empty()) m_lookup_terms.add(hash_term(processed.content_hash));
    for (const auto& band : processed.band_terms) m_lookup_terms.add(std::string(schema::band_prefix) + band);
}

IndexWriter::~IndexWriter() {
    // An abandoned run lists nothing more, but a compaction under way uses this object's
    // members: it must end first. A deferred one never started; a failed one was collected.
    if (m_pending && m_pending->compaction.valid() &&
        m_pending->compaction.wait_for(std::chrono::seconds(0)) != std::future_status::deferred) {
        m_pending->compaction.wait();
    }
}

void IndexWriter::open_existing() {
    try {
        m_existing = Xapian::WritableDatabase();
        for (const auto& segment : m_segments.segments()) {
            m_existing.add_database(Xapian::WritableDatabase(segment.string(), Xapian::DB_OPEN));
        }
        // Changes to what the index already holds (replaced articles deleted, copies recorded)
        // wait in a transaction until the next segment is listed: a run that stops early
        // (--strict, an error) leaves the index exactly as the last listing left it.
        m_existing.begin_transaction(false);
    } catch (const Xapian::DatabaseLockError&) {
        throw FatalError("index is locked by another writer");
    } catch (const Xapian::Error& e) {
        throw FatalError("cannot open index: " + e.get_description());
    }
}

std::optional<Xapian::docid> IndexWriter::find_existing(const std::string& term) const {
    if (!m_lookup_terms.may_contain(term)) return std::nullopt;
    auto it = m_existing.postlist_begin(term);
    if (it == m_existing.postlist_end(term)) return std::nullopt;
    return *it;
}

bool IndexWriter::known_unchanged(const std::string& id, const std::string& record_hash) const {
    auto docid = find_existing(schema::id_term(id));
    return docid && m_existing.get_document(*docid).get_value(schema::slot_record_hash) == record_hash;
}

bool IndexWriter::record_copy_on_existing(Xapian::docid kept, const Article& copy) {
    Xapian::Document document = m_existing.get_document(kept);
    schema::StoredArticle stored = schema::decode(document.get_data());
    if (stored.id == copy.id) return false;
    for (const auto& seen : stored.also_seen) {
        if (seen.id == copy.id) return false;
    }
    add_copies(document, {seen_as(copy)});
    m_existing.replace_document(kept, document);
    m_changed_existing = true;
    return true;
}

bool IndexWriter::record_copy_in_run(RunDocument& document, const Article& copy) {
    if (document.id == copy.id) return false;
    for (const auto& seen : document.copies) {
        if (seen.id == copy.id) return false;
    }
    document.copies.push_back(seen_as(copy));
    return true;
}

std::optional<std::pair<std::string, double>> IndexWriter::cluster_in_run(const ProcessedArticle& processed,
                                                                           const std::optional<MinHashSignature>& signature,
                                                                           const std::vector<std::uint64_t>& bands) const {
    if (!signature || bands.empty()) return std::nullopt;
    std::optional<std::pair<std::string, double>> best;
    for (std::uint64_t band : bands) {
        auto [first, last] = m_run.with_band(band);
        for (auto it = first; it != last; ++it) {
            const RunDocument& candidate = m_run.at(it->second);
            if (candidate.superseded || candidate.id == processed.article.id || !candidate.signature) continue;
            if (!m_hasher.is_near_copy(*signature, *candidate.signature)) continue;
            double similarity = estimated_jaccard(*signature, *candidate.signature);
            if (!best || similarity > best->second) best = std::pair{candidate.cluster, similarity};
        }
    }
    return best;
}

WriteResult IndexWriter::write(const ProcessedArticle& processed, Xapian::Document document) {
    try {
        const Article& article = processed.article;
        WriteResult result{WriteOutcome::added, false, article.id};
        std::vector<std::uint64_t> bands;
        std::optional<MinHashSignature> signature;
        {
            StageTimer timing(&m_times, Stage::dedup);
            const std::string id_term = schema::id_term(article.id);
            std::optional<Xapian::docid> existing = find_existing(id_term);
            if (existing && m_existing.get_document(*existing).get_value(schema::slot_record_hash) == processed.record_hash) {
                return {WriteOutcome::unchanged, false, {}};
            }
            RunDocument* in_run = m_run.find_id(article.id);
            if (in_run && in_run->superseded) in_run = nullptr;
            if (in_run && in_run->record_hash == processed.record_hash) {
                return {WriteOutcome::unchanged, false, {}};
            }

            // An exact copy of another document's text is recorded on that document, not indexed.
            if (!processed.content_hash.empty()) {
                // The filter only spares the index lookup; the run's own table is asked regardless.
                const std::string term = hash_term(processed.content_hash);
                if (m_lookup_terms.may_contain(term)) {
                    for (auto it = m_existing.postlist_begin(term); it != m_existing.postlist_end(term); ++it) {
                        if (existing && *it == *existing) continue;
                        if (existing) m_existing.delete_document(*existing);  // its text became another's copy
                        if (in_run) in_run->superseded = true;
                        bool recorded = record_copy_on_existing(*it, article);
                        return {recorded || existing ? WriteOutcome::duplicate : WriteOutcome::unchanged, false, {}};
                    }
                }
                if (RunDocument* kept = m_run.find_content(processed.content_hash);
                    kept && !kept->superseded && kept->id != article.id) {
                    if (existing) m_existing.delete_document(*existing);
                    if (in_run) in_run->superseded = true;
                    bool recorded = record_copy_in_run(*kept, article);
                    return {recorded || existing ? WriteOutcome::duplicate : WriteOutcome::unchanged, false, {}};
                }
            }

            if (existing) {
                m_existing.delete_document(id_term);
                m_changed_existing = true;
                result.outcome = WriteOutcome::replaced;
            }
            if (in_run) {
                in_run->superseded = true;
                result.outcome = WriteOutcome::replaced;
            }

            for (const auto& band : processed.band_terms) bands.push_back(hash64(band));
            signature = unserialise_signature(processed.signature);
            auto near_existing = m_finder(processed, m_existing, &m_lookup_terms);
            auto near_run = cluster_in_run(processed, signature, bands);
            if (near_existing && (!near_run || near_existing->similarity >= near_run->second)) {
                result.cluster = near_existing->cluster;
                result.near_duplicate = true;
            } else if (near_run) {
                result.cluster = near_run->first;
                result.near_duplicate = true;
            }
        }
        document.add_value(schema::slot_cluster, result.cluster);
        document.add_boolean_term(schema::boolean_term(schema::cluster_prefix, result.cluster));

        if (!m_shards) {
            m_shards = std::make_unique<ShardWriters>(m_segments.make_work_directory(), writer_shards,
                                                      m_settings.writer_threads);
        }
        RunDocument run;
        run.id = article.id;
        run.record_hash = processed.record_hash;
        run.cluster = result.cluster;
        run.content_hash = processed.content_hash;
        run.bands = std::move(bands);
        run.signature = std::move(signature);
        m_places.push_back(m_shards->add(std::move(document)));
        m_run.add(std::move(run));
        remember_terms(processed);

        if (m_run.end() - m_checkpoint_begin >= m_settings.checkpoint_every) checkpoint();
        return result;
    } catch (const Xapian::Error& e) {
        throw FatalError("cannot write index: " + e.get_description());
    }
}

// Superseded documents are deleted and copies recorded, in the part databases of the documents
// since the last checkpoint. Grouped by part, so each part database is opened once.
void IndexWriter::apply_changes_to_parts() {
    std::map<fs::path, std::vector<RunDocument*>> changes;
    for (RunTables::Number number = m_checkpoint_begin; number < m_run.end(); ++number) {
        RunDocument& run = m_run.at(number);
        const DocumentPlace place = m_places[number - m_checkpoint_begin];
        if (run.superseded || !run.copies.empty()) changes[m_shards->part_path(place)].push_back(&run);
    }
    for (const auto& [path, documents] : changes) {
        Xapian::WritableDatabase part(path.string(), Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
        for (RunDocument* run : documents) {
            run->superseded_in_part = run->superseded;
            run->copies_in_part = run->copies.size();
            auto docid = find_version(part, run->id, run->record_hash);
            if (!docid) continue;
            if (run->superseded) {
                part.delete_document(*docid);
                continue;
            }
            Xapian::Document document = part.get_document(*docid);
            add_copies(document, run->copies);
            part.replace_document(*docid, document);
        }
        part.commit();
    }
}

// What happened to the documents of a just-listed segment while it was being compacted, now
// applied to the segment itself.
void IndexWriter::apply_changes_to_listed(RunTables::Number end) {
    for (RunTables::Number number = m_run.first(); number < end; ++number) {
        const RunDocument& run = m_run.at(number);
        const bool delete_it = run.superseded && !run.superseded_in_part;
        const bool new_copies = !run.superseded && run.copies.size() > run.copies_in_part;
        if (!delete_it && !new_copies) continue;
        auto docid = find_version(m_existing, run.id, run.record_hash);
        if (!docid) continue;
        if (delete_it) {
            m_existing.delete_document(*docid);
        } else {
            Xapian::Document document = m_existing.get_document(*docid);
            add_copies(document, {run.copies.begin() + static_cast<std::ptrdiff_t>(run.copies_in_part), run.copies.end()});
            m_existing.replace_document(*docid, document);
        }
    }
}

void IndexWriter::start_compaction(std::vector<fs::path> parts) {
    fs::path segment = m_segments.new_segment_path();
    fs::path work = parts.front().parent_path();
    auto compact = [this, parts = std::move(parts), segment, work] {
        StageTimer timing(&m_times, Stage::write);
        compact_databases(parts, segment);
        fs::remove_all(work);
    };
    // A single-threaded run compacts on its one thread, when the segment is about to be listed.
    const auto launch = m_settings.writer_threads > 0 ? std::launch::async : std::launch::deferred;
    m_pending = PendingSegment{std::async(launch, std::move(compact)), segment, m_run.end()};
}

// Commits the changes to listed segments, lists the pending segment (waiting for its
// compaction) and applies what happened to its documents meanwhile.
void IndexWriter::publish() {
    const bool changed = m_pending || m_changed_existing;
    {
        StageTimer timing(&m_times, Stage::write);
        m_existing.commit_transaction();
        m_existing.commit();
        m_changed_existing = false;
        m_existing.close();
    }
    if (!m_pending) {
        open_existing();
    } else {
        m_pending->compaction.get();
        StageTimer timing(&m_times, Stage::write);
        m_segments.list_segment(m_pending->path);
        open_existing();
        apply_changes_to_listed(m_pending->end);
        m_run.drop_before(m_pending->end);
        m_pending.reset();
    }
    if (changed) {
        // For --info: when the index last changed. Metadata read through the stub comes
        // from the first segment, which is where a multi-segment write puts it.
        m_existing.set_metadata(std::string(schema::last_updated_key), utc_now_iso8601());
        m_existing.commit_transaction();
        m_existing.commit();
        m_existing.begin_transaction(false);
    }
}

void IndexWriter::checkpoint() {
    try {
        std::vector<fs::path> parts;
        if (m_shards) {
            StageTimer timing(&m_times, Stage::write);
            m_shards->finish();
            apply_changes_to_parts();
            parts = m_shards->parts();
            m_times.add(Stage::write, std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                          std::chrono::duration<double>(m_shards->busy_seconds())));
            m_shards.reset();
        }
        publish();
        if (!parts.empty()) start_compaction(std::move(parts));
        m_checkpoint_begin = m_run.end();
        m_places.clear();
    } catch (const Xapian::Error& e) {
        throw FatalError("cannot commit index: " + e.get_description());
    }
}

void IndexWriter::finish() {
    checkpoint();
    try {
        publish();
        StageTimer timing(&m_times, Stage::write);
        m_existing.close();
        m_segments.merge_run();
        open_existing();
    } catch (const Xapian::Error& e) {
        throw FatalError("cannot merge the index's segments: " + e.get_description());
    }
}

Xapian::doccount IndexWriter::doc_count() const { return m_existing.get_doccount(); }

}  // namespace newsdex
