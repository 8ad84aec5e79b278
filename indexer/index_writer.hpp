#pragma once
/// Owns the writable index: upserts articles by id, recognises unchanged articles and exact
/// copies, joins near copies to their cluster, and commits in batches.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include <xapian.h>

#include "indexer/processed_article.hpp"

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

/// Decides which existing cluster, if any, a new article belongs to. Given the article and a
/// reader of the index (which sees this run's uncommitted writes), returns the cluster key of
/// a near copy, or nullopt.
using ClusterLookup = std::function<std::optional<std::string>(const ProcessedArticle&, const Xapian::Database&)>;

/// The single writer of an index directory.
class IndexWriter {
public:
    /// Opens or creates the index at `path`. Throws FatalError when it cannot: "index is
    /// locked by another writer" when another process holds it, or the cause otherwise.
    IndexWriter(const std::filesystem::path& path, std::size_t commit_every, ClusterLookup find_cluster = {});

    /// Writes one article whose document was built by build_document(). Throws FatalError
    /// when the index cannot be written (disk full, corruption).
    WriteResult write(const ProcessedArticle& processed, Xapian::Document document);

    /// Makes everything written so far durable and visible to readers.
    void commit();

    /// Documents in the index, including uncommitted ones.
    [[nodiscard]] Xapian::doccount doc_count() const { return m_db.get_doccount(); }

private:
    std::optional<Xapian::docid> find_docid(const std::string& term) const;
    bool record_exact_copy(Xapian::docid kept, const ProcessedArticle& copy);
    void count_write();

    Xapian::WritableDatabase m_db;
    std::size_t m_commit_every;
    std::size_t m_pending = 0;
    ClusterLookup m_find_cluster;
};

}  // namespace newsdex
