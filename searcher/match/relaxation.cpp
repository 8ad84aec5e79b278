#include "searcher/match/relaxation.hpp"

#include <algorithm>

#include "common/schema.hpp"
#include "searcher/match/coverage_weight.hpp"

namespace newsdex {

Xapian::Query relaxed_query(const std::vector<Xapian::Query>& words, const Xapian::Query& filter,
                            const Xapian::Query& boost) {
    Xapian::Query any(Xapian::Query::OP_OR, words.begin(), words.end());
    if (!boost.empty() && boost.get_length() > 0) {
        // Each of the boost's terms weighs coverage_word_weight plus its BM25 when it matches:
        // scaled by the share over their number, the whole adds about the share of one word.
        const double scale = proximity_share / static_cast<double>(boost.get_length());
        any = Xapian::Query(Xapian::Query::OP_AND_MAYBE, any, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, boost, scale));
    }
    return filter.empty() ? any : Xapian::Query(Xapian::Query::OP_FILTER, any, filter);
}

std::optional<std::size_t> choose_min_words(const Xapian::Database& db, const Xapian::Query& relaxed, std::size_t words,
                                            bool collapse, Xapian::doccount wanted) {
    if (words < 2 || words > max_covered_words || wanted == 0) return std::nullopt;
    // One pass: ranked by CoverageWeight, the best results hold the most words, so the
    // wanted-th one tells how many words `wanted` results have; the weight cutoff lets
    // Xapian skip every document with too few.
    Xapian::Enquire enquire(db);
    enquire.set_query(relaxed);
    enquire.set_weighting_scheme(CoverageWeight());
    enquire.set_cutoff(0, min_weight_for_words(least_words(words)));
    if (collapse) enquire.set_collapse_key(schema::slot_cluster);
    Xapian::MSet best = enquire.get_mset(0, wanted);
    if (best.empty()) return std::nullopt;
    return std::min(words - 1, std::max(least_words(words), words_in_weight(best.back().get_weight())));
}

}  // namespace newsdex
