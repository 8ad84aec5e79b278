#include "searcher/snippets/actor_mentions.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "common/analyzer.hpp"

namespace newsdex {
namespace {

void collect(const Xapian::Query& query, std::vector<std::string>& actors) {
    static constexpr std::array<std::string_view, 4> prefixes{schema::actor_prefix, schema::person_prefix,
                                                              schema::org_prefix, schema::place_prefix};
    if (query.get_type() == Xapian::Query::LEAF_TERM) {
        const std::string term = *query.get_terms_begin();
        for (std::string_view prefix : prefixes) {
            if (!term.starts_with(prefix)) continue;
            std::string name = term.substr(prefix.size());
            if (std::find(actors.begin(), actors.end(), name) == actors.end()) actors.push_back(std::move(name));
        }
        return;
    }
    // What is excluded is not what the reader looks for.
    const std::size_t count = query.get_type() == Xapian::Query::OP_AND_NOT ? 1 : query.get_num_subqueries();
    for (std::size_t i = 0; i < count; ++i) collect(query.get_subquery(i), actors);
}

}  // namespace

std::vector<std::string> filtered_actors(const Xapian::Query& query) {
    std::vector<std::string> actors;
    collect(query, actors);
    return actors;
}

Xapian::Query actor_mentions_query(const schema::StoredArticle& article, const std::vector<std::string>& actors) {
    std::vector<std::string> forms;
    for (const auto* names : {&article.persons, &article.orgs, &article.places}) {
        for (const auto& name : *names) {
            if (std::find(actors.begin(), actors.end(), schema::fold_key(name)) == actors.end()) continue;
            const std::size_t first = forms.size();
            forms.push_back(name);
            for (const auto& mentioned : article.mentions) {
                if (mentioned.name == name) forms.insert(forms.end(), mentioned.forms.begin(), mentioned.forms.end());
            }
            // A person is often named by the surname alone ("Lord Falconer" and then "Falconer").
            if (names != &article.persons) continue;
            for (std::size_t i = first, end = forms.size(); i < end; ++i) {
                const std::size_t space = forms[i].rfind(' ');
                if (space != std::string::npos && forms[i].size() - space > 3) forms.push_back(forms[i].substr(space + 1));
            }
        }
    }
    // Each form as the index holds its words: their stems, in order.
    Xapian::QueryParser parser = make_query_parser(Xapian::Database(), article.lang);
    std::vector<Xapian::Query> phrases;
    for (const auto& form : forms) {
        Xapian::Query words;
        try {
            words = parser.parse_query(index_form(form), 0);
        } catch (const Xapian::QueryParserError&) {
            continue;
        }
        std::vector<std::string> terms(words.get_terms_begin(), words.get_terms_end());
        if (terms.empty()) continue;
        phrases.emplace_back(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), static_cast<Xapian::termcount>(terms.size()));
    }
    return Xapian::Query(Xapian::Query::OP_OR, phrases.begin(), phrases.end());
}

}  // namespace newsdex
