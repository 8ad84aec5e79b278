#pragma once
/// The deduplication stage's decision: for each processed article, in input order, what it is
/// against the index and the run so far — unchanged, new, the new version of an indexed
/// article, an exact copy of another document, a near copy joining a cluster — returned as a
/// Verdict for the writer to apply. The judge decides; it never writes.

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "indexer/dedup/duplicate_finder.hpp"
#include "indexer/dedup/minhash.hpp"
#include "indexer/dedup/run_tables.hpp"
#include "indexer/dedup/term_filter.hpp"
#include "indexer/dedup/verdict.hpp"
#include "indexer/processed_article.hpp"
#include "indexer/read/latest_records.hpp"

namespace newsdex {

/// What becomes of an indexed article whose id the run's input does not hold.
enum class AbsentArticles {
    kept,     ///< stays in the index (the default: an index only grows)
    removed,  ///< is removed at the end of the input (news-index --sync)
};

/// Decides what each article is. Its view of the index is `index` (the writer's listed
/// segments) plus everything it decided since: documents the run added and not yet listed,
/// versions it retired and copies it recorded that the writer has not yet applied. Not
/// thread-safe: one thread calls decide() in input order.
class Judge {
public:
    /// Learns which ids, content hashes and bands `index` holds (a Bloom filter, see
    /// TermFilter). `input` (when given) knows every id of the run's input and its last record:
    /// a version the input replaces later is nobody's original, and copies recorded on a
    /// retired version are handed the document only when the input does not hold them itself.
    /// `index`, `hasher` and `input` must outlive the judge; `index` may be reopened in place
    /// between calls. With `absent` removed (which needs `input`), a copy the input does not
    /// hold is never handed a retired version: remove_absent() removes it anyway.
    Judge(const Xapian::Database& index, const MinHasher& hasher, const LatestRecords* input = nullptr,
          AbsentArticles absent = AbsentArticles::kept);

    /// True when the current version of `id` was written from a record with this hash: the
    /// article need not even be processed.
    [[nodiscard]] bool is_unchanged(const std::string& id, const std::string& record_hash) const;

    /// Decides what `processed` is, and remembers the decision for the articles after it.
    /// - unchanged: its current version has the same record hash, or it is an exact copy whose
    ///   copy is recorded already;
    /// - copy: its text is another current document's (an older one wins; never one the input
    ///   replaces later); the copy is recorded on that document, and its own earlier version, if
    ///   any, is retired;
    /// - added: a new document (replacing, and retiring, its earlier version if any), in the
    ///   cluster of its most similar verified near copy, or in a cluster of its own.
    [[nodiscard]] Verdict decide(const ProcessedArticle& processed);

    /// At the end of the input, with AbsentArticles::removed: the amendments that remove from
    /// the index every article whose id the input does not hold — each one removes one id.
    /// A document whose own article is gone but one of whose recorded copies the input still
    /// holds (without a document of its own) is handed over to that copy, keeping its text,
    /// cluster and other copies; otherwise it is retired. Copies recorded on a kept document
    /// that the input no longer holds are forgotten. The returned verdict adds nothing.
    [[nodiscard]] Verdict remove_absent();

    /// The writer made `publication` visible: forgets the run's documents now in the index and
    /// the retirements and copies now applied.
    void published(const Publication& publication);

private:
    [[nodiscard]] std::optional<Version> current_version(const std::string& id, const std::string& id_term) const;
    [[nodiscard]] std::optional<Version> kept_copy(const std::string& content_hash, const std::optional<Version>& own) const;
    [[nodiscard]] bool copy_is_recorded(const Version& kept, const std::string& copy_id) const;
    [[nodiscard]] std::optional<NearCopy> near_copy_in_run(const ProcessedArticle& processed,
                                                           const std::optional<MinHashSignature>& signature,
                                                           const std::vector<std::uint64_t>& bands) const;
    [[nodiscard]] bool retired(const std::string& record_hash) const { return m_retired.contains(record_hash); }
    [[nodiscard]] std::optional<schema::SeenAs> heir(const Version& version, const Origin& now) const;
    [[nodiscard]] std::vector<schema::SeenAs> copies_of(const Version& version, const schema::StoredArticle& stored) const;
    [[nodiscard]] bool still_a_copy(const schema::SeenAs& copy) const;
    void retire(const Version& version, const Origin& now, Verdict& verdict);
    Version hand_over(const Version& version, const schema::SeenAs& copy, Verdict& verdict);
    void remove_absent_article(const Version& version, const schema::StoredArticle& stored, Verdict& verdict);
    void forget_as_copy(const std::string& id, Verdict& verdict);
    void remember_terms(const ProcessedArticle& processed);

    const Xapian::Database& m_index;
    const MinHasher& m_hasher;
    DuplicateFinder m_finder;
    TermFilter m_terms;  ///< id, copy-id, content-hash and band terms of the index and the run
    RunTables m_run;     ///< documents added and not yet listed
    const LatestRecords* m_input;
    AbsentArticles m_absent;
    /// Record hashes of retired versions not yet deleted, and the version a copy takes over
    /// each one as (hand_over), if any.
    std::unordered_map<std::string, std::optional<Version>> m_retired;
    /// Id terms of copies handed a document, not yet applied: their record hash.
    std::unordered_map<std::string, std::string> m_successors;
    /// Copies recorded on a version (by its record hash) that the index does not show yet.
    std::unordered_map<std::string, std::vector<schema::SeenAs>> m_recorded;
};

}  // namespace newsdex
