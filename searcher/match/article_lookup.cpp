#include "searcher/match/article_lookup.hpp"

namespace newsdex {
namespace {

// Documents looked at for a display name before falling back to the folded name.
constexpr std::size_t name_probes = 20;

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

std::string source_display_name(const Xapian::Database& db, const std::string& term) {
    // A document also carries the source terms of exact copies folded into it, so check that
    // its value folds back to the term.
    std::size_t probes = 0;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term) && probes < name_probes; ++it, ++probes) {
        std::string name = db.get_document(*it).get_value(schema::slot_source);
        if (!name.empty() && schema::boolean_term(schema::source_prefix, name) == term) return name;
    }
    return term.substr(schema::source_prefix.size());
}

std::string actor_display_name(const Xapian::Database& db, const std::string& term) {
    const std::string folded = term.substr(schema::actor_prefix.size());
    std::size_t probes = 0;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term) && probes < name_probes; ++it, ++probes) {
        const std::string packed = db.get_document(*it).get_value(schema::slot_actors);
        std::string found;
        schema::for_each_packed_actor(packed, [&](ActorType, std::string_view name) {
            if (found.empty() && schema::fold_key(name) == folded) found = name;
        });
        if (!found.empty()) return found;
    }
    return folded;
}

}  // namespace newsdex
