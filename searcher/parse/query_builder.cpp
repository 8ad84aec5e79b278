#include "searcher/parse/query_builder.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string_view>

#include "common/join.hpp"
#include "common/analyzer.hpp"
#include "common/date_parser.hpp"
#include "common/errors.hpp"
#include "common/schema.hpp"
#include "common/unicode_text.hpp"
#include "searcher/parse/glued_words.hpp"
#include "searcher/parse/query_limits.hpp"

namespace newsdex {
namespace {

// Upper bound on the terms one wildcard may expand to, so `a*` stays cheap.
constexpr Xapian::termcount max_wildcard_expansion = 500;

// How far apart (in words) the words of a plain query may be, beyond their own number, for
// the NEAR half of the proximity boost. Paragraphs are 10 positions apart in the index, so
// a small window never spans two paragraphs.
constexpr Xapian::termcount near_slack = 4;

// The operator words of the query syntax (capitals only, as the parser reads them).
constexpr std::array<std::string_view, 6> query_operators{"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};

bool is_operator(std::string_view token) {
    return std::find(query_operators.begin(), query_operators.end(), token) != query_operators.end();
}

// Calls `visit(offset, token)` for each non-empty run of `text` between spaces and tabs, until
// it returns false; returns whether every call returned true.
template <class Visit>
bool each_token(std::string_view text, Visit&& visit) {
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find_first_of(" \t", start);
        if (end == std::string_view::npos) end = text.size();
        if (end > start && !visit(start, text.substr(start, end - start))) return false;
        start = end + 1;
    }
    return true;
}

// The fields of the query syntax, which must be followed by a value.
constexpr std::array<std::string_view, 9> field_names{"title", "source", "month", "year", "date",
                                                      "person", "org", "place", "actor"};

// Whether `text` is a plain list of words: nothing in it the query parser reads as an
// operator, phrase, field, wildcard or range. What a pasted headline holds besides words is
// fine: a lone dash ("Taxes must be trusted - Kennedy"), brackets (without operators they
// group nothing), a colon after a word that is no field ("Analysis: ...").
bool is_plain(const std::string& text) {
    return each_token(text, [](std::size_t, std::string_view token) {
        if (token.find_first_not_of("-+") == std::string_view::npos) return true;
        if (is_operator(token) || token.front() == '+' || token.front() == '-') return false;
        if (token.find_first_of("\"*") != std::string_view::npos || token.find("..") != std::string_view::npos) return false;
        const std::size_t colon = token.find(':');
        if (colon == std::string_view::npos) return true;
        std::string_view field = token.substr(0, colon);
        while (!field.empty() && field.front() == '(') field.remove_prefix(1);
        return std::find(field_names.begin(), field_names.end(), field) == field_names.end();
    });
}

bool is_blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

// Throws UsageError when a field of `text` has no value (`person:` alone, `title:""`): the
// parser would search the field's name as a word.
void check_field_values(const std::string& text) {
    for (std::string_view field : field_names) {
        for (std::size_t at = text.find(field); at != std::string::npos; at = text.find(field, at + 1)) {
            const std::size_t colon = at + field.size();
            const bool starts_word = at == 0 || text[at - 1] == ' ' || text[at - 1] == '\t' || text[at - 1] == '(' ||
                                     text[at - 1] == '-' || text[at - 1] == '+';
            if (!starts_word || colon >= text.size() || text[colon] != ':') continue;
            // Inside a phrase a field is a word: an odd number of quotes before it.
            if (std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '"') % 2 == 1) continue;
            const std::string_view value = std::string_view(text).substr(colon + 1);
            const bool empty = value.empty() || value.front() == ' ' || value.front() == '\t' || value.front() == ')' ||
                               value.starts_with("\"\"");
            if (empty) {
                throw UsageError("the field \"" + std::string(field) + ":\" has no value (write it with no space: " +
                                 std::string(field) + ":word or " + std::string(field) + ":\"two words\")");
            }
        }
    }
}

// A query of excluded words only ("-saudi") means every article but theirs; the parser would
// otherwise read a lone -word as the word. Returns it as "NOT word ...", or `text` unchanged.
std::string only_excluded(const std::string& text) {
    std::string out;
    const bool excluded = each_token(text, [&](std::size_t, std::string_view token) {
        out += (out.empty() ? "NOT " : " NOT ") + std::string(token.substr(1));
        return token.size() > 1 && token.front() == '-';
    });
    return excluded && !out.empty() ? out : text;
}

// A query in capitals only is a pasted headline ("OPEC SAYS IT WILL NOT CUT OUTPUT"), not a
// query with operators: its AND, OR, NOT, ... are words, lower-cased so the parser reads them so.
std::string operators_as_words(const std::string& text) {
    const bool capitals_only = std::none_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!capitals_only) return text;
    std::string out = text;
    each_token(text, [&](std::size_t at, std::string_view token) {
        if (is_operator(token)) {
            for (std::size_t i = at; i < at + token.size(); ++i) out[i] = static_cast<char>(out[i] - 'A' + 'a');
        }
        return true;
    });
    return out;
}

// `query` with each term that has a replacement in `replaced` replaced, through the ANDs a
// plain query parses into; other operators are kept as they are.
Xapian::Query replace_terms(const Xapian::Query& query, const std::map<std::string, Xapian::Query>& replaced) {
    if (query.get_type() == Xapian::Query::LEAF_TERM) {
        auto it = replaced.find(*query.get_terms_begin());
        return it == replaced.end() ? query : it->second;
    }
    if (query.get_type() != Xapian::Query::OP_AND) return query;
    std::vector<Xapian::Query> parts;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) parts.push_back(replace_terms(query.get_subquery(i), replaced));
    return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

// The words of a parsed plain query, each once: a term, a hyphenated word's phrase or an
// unglued word (see unglue()); a phrase is scaled to weigh as one word.
void collect_words(const Xapian::Query& query, std::vector<Xapian::Query>& words, std::set<std::string>& seen) {
    const auto type = query.get_type();
    if (type == Xapian::Query::OP_AND) {
        for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) collect_words(query.get_subquery(i), words, seen);
        return;
    }
    if (!seen.insert(query.get_description()).second) return;
    if (type == Xapian::Query::OP_PHRASE) {
        const auto terms = static_cast<double>(query.get_length());
        words.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, query, terms > 0 ? 1 / terms : 1);
    } else {
        words.push_back(query);
    }
}

// Field and range processors run inside Xapian's query parser, which does not expect our
// exceptions to pass through it: each one leaks the parser's state (found by fuzzing,
// `year:20222`). So a processor records the first problem here and returns MatchNothing, and
// build() throws it once parsing is over.
Xapian::Query record_problem(ParseProblem& problem, const auto& make_query) {
    try {
        return make_query();
    } catch (const UsageError& e) {
        if (problem->empty()) *problem = e.what();
        return Xapian::Query::MatchNothing;
    }
}

// `date:A..B` inside the query string: either end may be empty or in any parser format.
class DateRangeField : public Xapian::RangeProcessor {
public:
    explicit DateRangeField(ParseProblem problem)
        : Xapian::RangeProcessor(schema::slot_date, "date:"), m_problem(std::move(problem)) {}
    Xapian::Query operator()(const std::string& begin, const std::string& end) override {
        return record_problem(m_problem, [&] { return date_range_query(begin, end); });
    }

private:
    ParseProblem m_problem;
};

// `source:NAME`: folded like the indexer folds source names.
class SourceField : public Xapian::FieldProcessor {
public:
    Xapian::Query operator()(const std::string& text) override {
        return Xapian::Query(schema::boolean_term(schema::source_prefix, text));
    }
};

// `month:2022-08`, `year:2022`: the facet terms, checked so a typo is an error, not silence.
class PeriodField : public Xapian::FieldProcessor {
public:
    PeriodField(bool month, ParseProblem problem) : m_month(month), m_problem(std::move(problem)) {}
    Xapian::Query operator()(const std::string& text) override {
        return record_problem(m_problem, [&] {
            std::string key = text;
            if (key != schema::unknown_date) {
                auto date = parse_date(text);
                if (!date) throw UsageError("not a " + std::string(m_month ? "month" : "year") + ": \"" + text + "\"");
                key = m_month ? month_key(*date) : year_key(*date);
            }
            return Xapian::Query(std::string(m_month ? schema::month_prefix : schema::year_prefix) + key);
        });
    }

private:
    bool m_month;
    ParseProblem m_problem;
};

// `person:NAME` and friends: any alias or partial name, resolved by ActorNames.
class ActorField : public Xapian::FieldProcessor {
public:
    ActorField(const ActorNames& names, std::string_view prefix) : m_names(names), m_prefix(prefix) {}
    Xapian::Query operator()(const std::string& text) override { return m_names.query_for(text, m_prefix); }

private:
    const ActorNames& m_names;
    std::string m_prefix;
};

// `country:NAME`, `region:NAME`: the countries and regions places roll up to, by any of their names.
class RollupField : public Xapian::FieldProcessor {
public:
    RollupField(const ActorNames& names, std::string_view prefix, ParseProblem problem)
        : m_names(names), m_prefix(prefix), m_problem(std::move(problem)) {}
    Xapian::Query operator()(const std::string& text) override {
        // The geography loads on first use; a failure must not pass through Xapian's parser.
        try {
            return Xapian::Query(m_names.rollup_term(text, m_prefix));
        } catch (const std::exception& e) {
            if (m_problem->empty()) *m_problem = e.what();
            return Xapian::Query::MatchNothing;
        }
    }

private:
    const ActorNames& m_names;
    std::string m_prefix;
    ParseProblem m_problem;
};

}  // namespace

Xapian::Query date_range_query(const std::string& from, const std::string& to) {
    auto bound = [](const std::string& text, bool first) -> std::string {
        if (is_blank(text)) return {};
        auto date = parse_date(text);
        if (!date) throw UsageError(std::string("not a date: \"").append(text).append("\""));
        return first ? period_first_day_key(*date) : period_last_day_key(*date);
    };
    std::string low = bound(from, true), high = bound(to, false);
    if (low.empty() && high.empty()) throw UsageError("a date range needs at least one end");
    if (!low.empty() && !high.empty() && low > high) {
        throw UsageError("the date range ends (" + to + ") before it starts (" + from + ")");
    }
    if (high.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::slot_date, low);
    // An undated document has an empty value, which sorts below every date: keep it out.
    if (low.empty()) low = "0";
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot_date, low, high);
}

QueryBuilder::QueryBuilder(const Xapian::Database& db, const ActorNames& names) : m_db(db), m_names(names) {}

Xapian::QueryParser QueryBuilder::make_parser(const std::string& lang, const ParseProblem& problem) const {
    Xapian::QueryParser parser = make_query_parser(m_db, lang);
    parser.add_boolean_prefix("source", (new SourceField)->release());
    parser.add_boolean_prefix("month", (new PeriodField(true, problem))->release());
    parser.add_boolean_prefix("year", (new PeriodField(false, problem))->release());
    // Repeats of one actor field are ANDed ("articles with both"), hence the empty grouping.
    static const std::string and_repeats;
    parser.add_boolean_prefix("person", (new ActorField(m_names, schema::person_prefix))->release(), &and_repeats);
    parser.add_boolean_prefix("org", (new ActorField(m_names, schema::org_prefix))->release(), &and_repeats);
    parser.add_boolean_prefix("place", (new ActorField(m_names, schema::place_prefix))->release(), &and_repeats);
    parser.add_boolean_prefix("actor", (new ActorField(m_names, schema::actor_prefix))->release(), &and_repeats);
    parser.add_boolean_prefix("country", (new RollupField(m_names, schema::country_prefix, problem))->release(), &and_repeats);
    parser.add_boolean_prefix("region", (new RollupField(m_names, schema::region_prefix, problem))->release(), &and_repeats);
    parser.add_rangeprocessor((new DateRangeField(problem))->release());
    parser.set_max_expansion(max_wildcard_expansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    return parser;
}

Xapian::Query QueryBuilder::proximity_boost(const std::string& text, const std::string& lang) const {
    if (!is_plain(text)) return {};
    // The words as the index holds them with positions: their stems, as the parser splits them.
    Xapian::QueryParser parser = make_query_parser(m_db, lang);
    Xapian::Query words;
    try {
        words = parser.parse_query(index_form(text), 0);
    } catch (const Xapian::QueryParserError&) {
        return {};
    }
    // Terms come in query-position order, a repeated word once per position.
    std::vector<std::string> terms(words.get_terms_begin(), words.get_terms_end());
    if (terms.size() < 2 || terms.size() > max_boosted_words) return {};
    std::vector<std::string> distinct(words.get_unique_terms_begin(), words.get_unique_terms_end());
    Xapian::Query phrase(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), static_cast<Xapian::termcount>(terms.size()));
    if (distinct.size() < 2) return phrase;
    Xapian::Query near(Xapian::Query::OP_NEAR, distinct.begin(), distinct.end(),
                       static_cast<Xapian::termcount>(terms.size()) + near_slack);
    return Xapian::Query(Xapian::Query::OP_OR, phrase, near);
}

void QueryBuilder::take_words(BuiltQuery& built, const std::string& text, const std::string& lang) const {
    // The words as typed, in the order of the parsed terms, to unglue those the index lacks.
    Xapian::QueryParser parser = make_query_parser(m_db, lang);
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
    std::vector<std::string> typed, terms(built.query.get_terms_begin(), built.query.get_terms_end());
    try {
        Xapian::Query unstemmed = parser.parse_query(index_form(text), Xapian::QueryParser::FLAG_DEFAULT);
        typed.assign(unstemmed.get_terms_begin(), unstemmed.get_terms_end());
    } catch (const Xapian::QueryParserError&) {
        typed.clear();
    }
    std::map<std::string, Xapian::Query> replaced;
    if (typed.size() == terms.size()) {
        for (std::size_t i = 0; i < terms.size(); ++i) {
            if (replaced.count(terms[i]) || m_db.get_termfreq(terms[i]) > 0) continue;
            auto word = unglue(m_db, built.stemmer, typed[i].substr(schema::stem_prefix.size()));
            if (word) replaced.emplace(terms[i], *word);
        }
    }
    if (!replaced.empty()) built.query = replace_terms(built.query, replaced);

    std::vector<Xapian::Query> words;
    std::set<std::string> seen;
    collect_words(built.query, words, seen);
    built.word_count = words.size();
    // A word no article holds can add nothing to a relaxed match (and Xapian 1.4 skips too much
    // under a weight cutoff when an OR holds a term of no document).
    for (auto& word : words) {
        const bool absent = word.get_type() == Xapian::Query::LEAF_TERM && m_db.get_termfreq(*word.get_terms_begin()) == 0;
        if (!absent) built.words.push_back(std::move(word));
    }
}

BuiltQuery QueryBuilder::build(const SearchOptions& options) const {
    BuiltQuery built;
    built.query = every_document();
    built.stemmer = stemmer_for(options.lang);
    check_query_limits(join(options.query), options);
    const std::string text = only_excluded(operators_as_words(join(options.query)));
    if (is_blank(text)) {
        built.match_all = true;
    } else {
        check_field_values(text);
        auto problem = std::make_shared<std::string>();
        Xapian::QueryParser parser = make_parser(options.lang, problem);
        const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                               Xapian::QueryParser::FLAG_PURE_NOT;
        try {
            built.query = parser.parse_query(index_form(text), flags);
        } catch (const Xapian::QueryParserError& e) {
            throw UsageError("bad query: " + e.get_msg());
        }
        if (!problem->empty()) throw UsageError(*problem);
        if (built.query.empty()) {
            built.query = Xapian::Query::MatchNothing;
        } else {
            if (is_plain(text)) take_words(built, text, options.lang);
            if (Xapian::Query boost = proximity_boost(text, options.lang); !boost.empty()) {
                built.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, built.query, boost);
                const bool indexed = std::all_of(boost.get_unique_terms_begin(), boost.get_unique_terms_end(),
                                                 [&](const std::string& term) { return m_db.term_exists(term); });
                if (indexed) built.boost = boost;
            }
        }
    }

    std::vector<Xapian::Query> filters;
    if (options.from || options.to) {
        auto check = [](const std::optional<std::string>& date, const char* flag) {
            if (date && !parse_date(*date)) throw UsageError(std::string(flag) + ": not a date: \"" + *date + "\"");
        };
        check(options.from, "--from");
        check(options.to, "--to");
        if (options.from && options.to) {
            const std::string first = period_first_day_key(*parse_date(*options.from));
            const std::string last = period_last_day_key(*parse_date(*options.to));
            if (first > last) throw UsageError("--from " + *options.from + " is after --to " + *options.to);
        }
        filters.push_back(date_range_query(options.from.value_or(""), options.to.value_or("")));
    }
    if (options.month) {
        auto date = parse_date(*options.month);
        if (!date || date->precision == DatePrecision::year) {
            throw UsageError("--month wants YYYY-MM, not \"" + *options.month + "\"");
        }
        filters.emplace_back(std::string(schema::month_prefix) + month_key(*date));
    }
    for (const auto& actor : options.actors) filters.push_back(m_names.query_for(actor, schema::actor_prefix));
    for (const auto& country : options.countries) filters.emplace_back(m_names.rollup_term(country, schema::country_prefix));
    if (!options.sources.empty()) {
        std::vector<Xapian::Query> sources;
        for (const auto& source : options.sources) sources.emplace_back(schema::boolean_term(schema::source_prefix, source));
        filters.emplace_back(Xapian::Query::OP_OR, sources.begin(), sources.end());
    }
    if (!filters.empty()) {
        built.filter = Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
        built.query = Xapian::Query(Xapian::Query::OP_FILTER, built.query, built.filter);
        built.filtered = true;
    }
    return built;
}

}  // namespace newsdex
