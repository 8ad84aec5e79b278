#include "indexer/index_writer.hpp"

#include <algorithm>

#include "common/diagnostics.hpp"
#include "common/errors.hpp"
#include "common/schema.hpp"

namespace newsdex {

IndexWriter::IndexWriter(const std::filesystem::path& path, std::size_t commit_every, ClusterLookup find_cluster)
    : m_commit_every(std::max<std::size_t>(commit_every, 1)), m_find_cluster(std::move(find_cluster)) {
    try {
        m_db = Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw FatalError("index is locked by another writer: " + path.string());
    } catch (const Xapian::Error& e) {
        throw FatalError("cannot open index " + path.string() + ": " + e.get_description());
    }
}

std::optional<Xapian::docid> IndexWriter::find_docid(const std::string& term) const {
    auto it = m_db.postlist_begin(term);
    if (it == m_db.postlist_end(term)) return std::nullopt;
    return *it;
}

bool IndexWriter::record_exact_copy(Xapian::docid kept, const ProcessedArticle& copy) {
    Xapian::Document document = m_db.get_document(kept);
    schema::StoredArticle stored = schema::decode(document.get_data());
    const Article& article = copy.article;
    if (stored.id == article.id) return false;
    bool known = std::any_of(stored.also_seen.begin(), stored.also_seen.end(),
                             [&](const schema::SeenAs& seen) { return seen.id == article.id; });
    if (known) return false;
    stored.also_seen.push_back({article.id, article.source, article.url, Diagnostics::location(article.origin)});
    document.add_boolean_term(schema::alias_id_term(article.id));
    if (!article.source.empty()) document.add_boolean_term(schema::boolean_term(schema::source_prefix, article.source));
    document.set_data(schema::encode(stored));
    m_db.replace_document(kept, document);
    return true;
}

WriteResult IndexWriter::write(const ProcessedArticle& processed, Xapian::Document document) {
    try {
        const std::string id_term = schema::id_term(processed.article.id);
        std::optional<Xapian::docid> existing = find_docid(id_term);
        if (existing && m_db.get_document(*existing).get_value(schema::slot_record_hash) == processed.record_hash) {
            return {WriteOutcome::unchanged, false, {}};
        }

        // An exact copy of another document's text is recorded on that document, not indexed.
        if (!processed.content_hash.empty()) {
            const std::string hash_term = std::string(schema::content_hash_prefix) + processed.content_hash;
            for (auto it = m_db.postlist_begin(hash_term); it != m_db.postlist_end(hash_term); ++it) {
                if (existing && *it == *existing) continue;
                if (existing) m_db.delete_document(*existing);  // its text became a copy of another's
                bool recorded = record_exact_copy(*it, processed);
                if (recorded || existing) count_write();
                return {recorded || existing ? WriteOutcome::duplicate : WriteOutcome::unchanged, false, {}};
            }
        }

        WriteResult result{existing ? WriteOutcome::replaced : WriteOutcome::added, false, processed.article.id};
        if (m_find_cluster) {
            if (auto cluster = m_find_cluster(processed, m_db)) {
                result.cluster = *cluster;
                result.near_duplicate = true;
            }
        }
        document.add_value(schema::slot_cluster, result.cluster);
        document.add_boolean_term(schema::boolean_term(schema::cluster_prefix, result.cluster));
        m_db.replace_document(id_term, document);
        count_write();
        return result;
    } catch (const Xapian::Error& e) {
        throw FatalError("cannot write index: " + e.get_description());
    }
}

void IndexWriter::count_write() {
    if (++m_pending >= m_commit_every) commit();
}

void IndexWriter::commit() {
    try {
        m_db.commit();
        m_pending = 0;
    } catch (const Xapian::Error& e) {
        throw FatalError("cannot commit index: " + e.get_description());
    }
}

}  // namespace newsdex
