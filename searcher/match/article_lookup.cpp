#include "searcher/match/article_lookup.hpp"

namespace newsdex {
namespace {

LookedUpArticle load(const Xapian::Database& db, Xapian::docid docid) {
    Xapian::Document document = db.get_document(docid);
    return {schema::decode(document.get_data()), document.get_value(schema::slot_cluster), docid};
}

}  // namespace

std::optional<LookedUpArticle> find_article(const Xapian::Database& db, const std::string& id) {
    for (const std::string& term : {schema::id_term(id), schema::alias_id_term(id)}) {
        auto it = db.postlist_begin(term);
        if (it != db.postlist_end(term)) return load(db, *it);
    }
    return std::nullopt;
}

std::vector<LookedUpArticle> cluster_members(const Xapian::Database& db, const std::string& id) {
    auto found = find_article(db, id);
    if (!found) return {};
    if (found->cluster.empty()) return {*found};
    std::vector<LookedUpArticle> members;
    const std::string term = schema::boolean_term(schema::cluster_prefix, found->cluster);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) members.push_back(load(db, *it));
    return members;
}

}  // namespace newsdex
