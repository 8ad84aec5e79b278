#include "indexer/dedup/index_lookup.hpp"

namespace newsdex {

std::optional<Xapian::docid> find_document(const Xapian::Database& db, const Version& version) {
    for (auto it = db.postlist_begin(version.id_term); it != db.postlist_end(version.id_term); ++it) {
        if (db.get_document(*it).get_value(schema::slot_record_hash) == version.record_hash) return *it;
    }
    return std::nullopt;
}

std::string id_term_of(const Xapian::Database& db, Xapian::docid docid) {
    const std::string prefix(schema::id_prefix);
    auto it = db.termlist_begin(docid);
    it.skip_to(prefix);
    // Id terms are the prefix then the id; longer prefixes that start with it (none today)
    // would need a stricter test.
    if (it != db.termlist_end(docid) && (*it).starts_with(prefix)) return *it;
    return {};
}

}  // namespace newsdex
