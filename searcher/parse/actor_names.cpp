#include "searcher/parse/actor_names.hpp"

#include "common/schema.hpp"

namespace newsdex {
namespace {

// Most partial-name matches a query expands to.
constexpr std::size_t max_partial_matches = 50;

// Whether `needle` occurs as a contiguous run of whole words in `haystack`.
bool contains_words(const std::vector<std::string>& haystack, const std::vector<std::string>& needle) {
    if (needle.empty() || needle.size() > haystack.size()) return false;
    for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
        if (std::equal(needle.begin(), needle.end(), haystack.begin() + static_cast<std::ptrdiff_t>(i))) return true;
    }
    return false;
}

}  // namespace

std::vector<std::string> name_words(std::string_view folded) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < folded.size()) {
        std::size_t end = folded.find(' ', start);
        if (end == std::string_view::npos) end = folded.size();
        if (end > start) words.emplace_back(folded.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

ActorNames::ActorNames(const Xapian::Database& db, const Gazetteer& gazetteer) : m_db(db), m_gazetteer(gazetteer) {}

std::vector<std::string> ActorNames::terms_for(std::string_view name, std::string_view prefix) const {
    if (auto match = m_gazetteer.find(name)) return {schema::boolean_term(prefix, match->entry->name)};

    std::string exact = schema::boolean_term(prefix, name);
    if (m_db.term_exists(exact)) return {exact};

    // A partial name: the actors whose names hold its words in order. The any-type prefix is
    // scanned so one walk serves every type; the type is then checked on the typed term.
    std::vector<std::string> wanted = name_words(schema::fold_key(name));
    std::vector<std::string> terms;
    const std::string scan(schema::actor_prefix);
    for (auto it = m_db.allterms_begin(scan); it != m_db.allterms_end(scan); ++it) {
        std::string actor = (*it).substr(scan.size());
        if (!contains_words(name_words(actor), wanted)) continue;
        std::string term = std::string(prefix) + actor;
        if (prefix == schema::actor_prefix || m_db.term_exists(term)) terms.push_back(term);
        if (terms.size() >= max_partial_matches) break;
    }
    if (terms.empty()) terms.push_back(exact);
    return terms;
}

std::string ActorNames::rollup_term(std::string_view name, std::string_view prefix) const {
    if (!m_geography) m_geography = Geography::load_builtin();
    const bool country = prefix == schema::country_prefix;
    auto named = [&](std::string_view text) {
        return country ? m_geography->country_named(text) : m_geography->region_named(text);
    };
    std::optional<Place> place = named(name);
    if (!place) {
        // Through the gazetteer: adjectives ("Soviet") and the gazetteer's own names.
        if (auto match = m_gazetteer.find(name); match && match->entry->type == ActorType::place) place = named(match->entry->name);
    }
    return schema::boolean_term(prefix, place ? place->name : name);
}

Xapian::Query ActorNames::query_for(std::string_view name, std::string_view prefix) const {
    std::vector<std::string> terms = terms_for(name, prefix);
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace newsdex
