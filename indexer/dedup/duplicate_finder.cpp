#include "indexer/dedup/duplicate_finder.hpp"

#include <unordered_set>

#include "common/schema.hpp"

namespace newsdex {
namespace {

// Candidates examined per band: a band shared by very many documents (boilerplate-only
// articles) must not make one article cost thousands of reads.
constexpr int max_candidates_per_band = 64;

}  // namespace

DuplicateFinder::DuplicateFinder(const MinHasher& hasher) : m_hasher(&hasher) {}

std::optional<NearCopy> DuplicateFinder::operator()(const ProcessedArticle& article, const Xapian::Database& db,
                                                    const TermFilter* terms,
                                                    const std::function<bool(const std::string&)>& skipped) const {
    if (article.band_terms.empty()) return std::nullopt;
    auto signature = unserialise_signature(article.signature);
    if (!signature) return std::nullopt;

    const std::string own_id_term = schema::id_term(article.article.id);
    std::unordered_set<Xapian::docid> seen;
    std::optional<std::string> best_cluster;
    double best_similarity = -1;
    for (const auto& band : article.band_terms) {
        const std::string term = std::string(schema::band_prefix) + band;
        if (terms && !terms->may_contain(term)) continue;
        int examined = 0;
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term) && examined < max_candidates_per_band;
             ++it, ++examined) {
            if (!seen.insert(*it).second) continue;
            Xapian::Document candidate = db.get_document(*it);
            if (skipped && skipped(candidate.get_value(schema::slot_record_hash))) continue;
            auto other = unserialise_signature(candidate.get_value(schema::slot_signature));
            if (!other || !m_hasher->is_near_copy(*signature, *other)) continue;
            // The article's own earlier version is not a copy of itself.
            auto id = candidate.termlist_begin();
            id.skip_to(own_id_term);
            if (id != candidate.termlist_end() && *id == own_id_term) continue;
            double similarity = estimated_jaccard(*signature, *other);
            if (similarity > best_similarity) {
                best_similarity = similarity;
                best_cluster = candidate.get_value(schema::slot_cluster);
            }
        }
    }
    if (!best_cluster || best_cluster->empty()) return std::nullopt;
    return NearCopy{*best_cluster, best_similarity};
}

}  // namespace newsdex
