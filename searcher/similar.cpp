#include "searcher/similar.hpp"

#include <cctype>
#include <vector>

#include "common/schema.hpp"
#include "searcher/article_lookup.hpp"

namespace newsdex {
namespace {

// Only stems of words stand for the article's content: the unstemmed forms would count each
// word twice, and prefixed terms are headline copies, ids, facets and dedup keys. Bare
// numbers (years, scores) say little about the topic.
class StemsOnly : public Xapian::ExpandDecider {
public:
    bool operator()(const std::string& term) const override {
        if (term.size() < 3 || term[0] != 'Z' || std::isupper(static_cast<unsigned char>(term[1]))) return false;
        for (std::size_t i = 1; i < term.size(); ++i) {
            if (!std::isdigit(static_cast<unsigned char>(term[i]))) return true;
        }
        return false;
    }
};

}  // namespace

std::optional<Xapian::Query> similar_query(const Xapian::Database& db, const std::string& id, Xapian::termcount terms) {
    auto found = find_article(db, id);
    if (!found) return std::nullopt;

    Xapian::Enquire enquire(db);
    Xapian::RSet relevant;
    relevant.add_document(found->docid);
    StemsOnly decider;
    Xapian::ESet expand = enquire.get_eset(terms, relevant, &decider);
    if (expand.empty()) return Xapian::Query::MatchNothing;

    // Each term counts by how informative it is, relative to the best one.
    const double top = expand.begin().get_weight();
    std::vector<Xapian::Query> parts;
    for (auto it = expand.begin(); it != expand.end(); ++it) {
        const double scale = top > 0 ? it.get_weight() / top : 1.0;
        parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it), scale);
    }
    Xapian::Query like(Xapian::Query::OP_OR, parts.begin(), parts.end());

    std::vector<Xapian::Query> itself{Xapian::Query(schema::id_term(found->article.id))};
    if (!found->cluster.empty()) itself.emplace_back(schema::boolean_term(schema::cluster_prefix, found->cluster));
    return Xapian::Query(Xapian::Query::OP_AND_NOT, like,
                         Xapian::Query(Xapian::Query::OP_OR, itself.begin(), itself.end()));
}

}  // namespace newsdex
