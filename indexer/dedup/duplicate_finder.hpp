#pragma once
/// Finds the near-duplicate cluster of an article in the index itself: its LSH band terms'
/// posting lists give the candidates, their stored MinHash signatures verify them. Nothing
/// is kept in memory between articles, so memory does not grow with the corpus.

#include <optional>
#include <string>
#include <functional>

#include <xapian.h>

#include "indexer/dedup/minhash.hpp"
#include "indexer/processed_article.hpp"
#include "indexer/dedup/term_filter.hpp"

namespace newsdex {

/// A verified near copy: its cluster key and the estimated Jaccard similarity.
struct NearCopy {
    std::string cluster;
    double similarity = 0;
};

/// Looks up near copies over MinHash band terms.
class DuplicateFinder {
public:
    /// `hasher` must outlive the finder; it decides what counts as a near copy.
    explicit DuplicateFinder(const MinHasher& hasher);

    /// The most similar verified near copy of `article` in `db` (never the article's own
    /// id, nor a document whose record hash `skipped` holds true for), or nullopt when there is
    /// none (or the article has no signature). Band terms that `terms` (when given) says `db`
    /// cannot hold are not looked up.
    [[nodiscard]] std::optional<NearCopy> operator()(
        const ProcessedArticle& article, const Xapian::Database& db, const TermFilter* terms = nullptr,
        const std::function<bool(const std::string& record_hash)>& skipped = {}) const;

private:
    const MinHasher* m_hasher;
};

}  // namespace newsdex
