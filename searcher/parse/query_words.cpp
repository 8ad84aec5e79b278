#include "searcher/parse/query_words.hpp"

#include <algorithm>
#include <cctype>

#include "common/schema.hpp"
#include "common/unicode_text.hpp"

namespace newsdex {
namespace {

// A term of the text itself: prefixed terms (boolean filters, title:) start with a capital,
// stems with `Z` and then a lower-case letter or a non-ASCII byte.
bool is_text_term(const std::string& term) {
    if (term.empty()) return false;
    const auto first = static_cast<unsigned char>(term[0]);
    if (!std::isupper(first)) return true;
    return schema::is_body_stem_term(term);
}

}  // namespace

QueryWords::QueryWords(const Xapian::Query& query, Xapian::Stem stemmer) : m_stemmer(std::move(stemmer)) {
    collect(query);
    // Stemming each distinct word of the text is most of the snippet cost. A word can only
    // have a query stem if it starts as that stem does, for every stemmer but those that
    // strip prefixes or initial mutations; for the others, skip stemming the rest.
    const std::string name = m_stemmer.get_description();
    m_stems_keep_initials = !m_stemmer.is_none() && name.find("arabic") == std::string::npos &&
                            name.find("indonesian") == std::string::npos && name.find("irish") == std::string::npos;
    for (const auto& term : m_terms) {
        if (schema::is_body_stem_term(term)) m_stem_initials[static_cast<unsigned char>(term[schema::stem_prefix.size()])] = true;
    }
}

void QueryWords::collect(const Xapian::Query& query) {
    switch (query.get_type()) {
        case Xapian::Query::LEAF_TERM: {
            std::string term = *query.get_terms_begin();
            if (is_text_term(term)) m_terms.insert(std::move(term));
            return;
        }
        case Xapian::Query::OP_PHRASE: {
            std::vector<std::string> words(query.get_terms_begin(), query.get_terms_end());
            bool text = !words.empty() && std::all_of(words.begin(), words.end(),
                                                      [](const std::string& w) { return is_text_term(w); });
            if (text) m_phrases.push_back(std::move(words));
            return;
        }
        case Xapian::Query::OP_WILDCARD: {
            // Xapian 1.4 has no accessor for the pattern; the description ends with it:
            // "Query(WILDCARD SYNONYM Zelec)". A pattern over the text's stems lights the
            // words that begin as it does; a headline's (`ZS`) lights nothing in the body.
            std::string description = query.get_description();
            std::size_t end = description.rfind(')');
            std::size_t begin = description.rfind(' ', end);
            if (end != std::string::npos && begin != std::string::npos && begin + 1 < end) {
                std::string pattern = description.substr(begin + 1, end - begin - 1);
                if (schema::is_body_stem_term(pattern)) m_prefixes.push_back(pattern.substr(schema::stem_prefix.size()));
            }
            return;
        }
        case Xapian::Query::OP_AND_NOT:
        case Xapian::Query::OP_FILTER:
        case Xapian::Query::OP_SCALE_WEIGHT:
            // What is excluded or only filtered on is not what the reader looks for.
            if (query.get_num_subqueries() > 0) collect(query.get_subquery(0));
            return;
        default:
            for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) collect(query.get_subquery(i));
    }
}

std::string QueryWords::key_of(std::string_view word) {
    std::string key;
    if (is_ascii(word)) {
        key.reserve(word.size());
        for (char c : word) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
        key = Xapian::Unicode::tolower(matching_form(word));
    }
    while (!key.empty() && key.back() == '\'') key.pop_back();
    key.erase(0, std::min(key.size(), key.find_first_not_of('\'')));
    return key;
}

bool QueryWords::is_term(const std::string& key, const std::string& term) const {
    if (key.empty()) return false;
    if (!term.starts_with(schema::stem_prefix)) return key == term;
    const std::size_t stem_at = schema::stem_prefix.size();
    if (m_stems_keep_initials && (term.size() <= stem_at || key[0] != term[stem_at])) return false;
    return term.compare(stem_at, std::string::npos, m_stemmer(key)) == 0;
}

bool QueryWords::matches_key(const std::string& key) const {
    if (key.empty()) return false;
    auto known = [&](const std::string& form) {
        if (m_terms.count(form)) return true;
        const bool may_have_stem = !m_stems_keep_initials || m_stem_initials[static_cast<unsigned char>(form[0])];
        if (may_have_stem && m_terms.count(schema::stem_term(m_stemmer(form)))) return true;
        return std::any_of(m_prefixes.begin(), m_prefixes.end(),
                           [&](const std::string& prefix) { return form.starts_with(prefix); });
    };
    if (known(key)) return true;
    // A possessive is indexed whole by Xapian, but a query for the bare word should still light it.
    return key.size() > 2 && key.ends_with("'s") && known(key.substr(0, key.size() - 2));
}

}  // namespace newsdex
