#include "searcher/parse/query_builder.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "common/join.hpp"
#include "common/analyzer.hpp"
#include "common/date_parser.hpp"
#include "common/errors.hpp"
#include "common/schema.hpp"
#include "common/unicode_text.hpp"

namespace newsdex {
namespace {

// Upper bound on the terms one wildcard may expand to, so `a*` stays cheap.
constexpr Xapian::termcount max_wildcard_expansion = 500;

// How far apart (in words) the words of a plain query may be, beyond their own number, for
// the NEAR half of the proximity boost. Paragraphs are 10 positions apart in the index, so
// a small window never spans two paragraphs.
constexpr Xapian::termcount near_slack = 4;

// Whether `text` is a plain list of words: nothing in it the query parser reads as an
// operator, phrase, group, field, wildcard or range. Operators are capitals only, like the
// parser's.
bool is_plain(const std::string& text) {
    static constexpr std::array<std::string_view, 6> operators{"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find_first_of(" \t", start);
        if (end == std::string::npos) end = text.size();
        std::string_view token(text.data() + start, end - start);
        start = end + 1;
        if (token.empty()) continue;
        if (std::find(operators.begin(), operators.end(), token) != operators.end()) return false;
        if (token.front() == '+' || token.front() == '-') return false;
        if (token.find_first_of("\"():*[]{}") != std::string_view::npos) return false;
        if (token.find("..") != std::string_view::npos) return false;
    }
    return true;
}

bool is_blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

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
        words = parser.parse_query(matching_form(text), 0);
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

BuiltQuery QueryBuilder::build(const SearchOptions& options) const {
    BuiltQuery built{Xapian::Query::MatchAll, stemmer_for(options.lang), false, false};
    const std::string text = join(options.query);
    if (is_blank(text)) {
        built.match_all = true;
    } else {
        auto problem = std::make_shared<std::string>();
        Xapian::QueryParser parser = make_parser(options.lang, problem);
        const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                               Xapian::QueryParser::FLAG_PURE_NOT;
        try {
            built.query = parser.parse_query(matching_form(text), flags);
        } catch (const Xapian::QueryParserError& e) {
            throw UsageError("bad query: " + e.get_msg());
        }
        if (!problem->empty()) throw UsageError(*problem);
        if (built.query.empty()) {
            built.query = Xapian::Query::MatchNothing;
        } else if (Xapian::Query boost = proximity_boost(text, options.lang); !boost.empty()) {
            built.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, built.query, boost);
        }
    }

    std::vector<Xapian::Query> filters;
    if (options.from || options.to) filters.push_back(date_range_query(options.from.value_or(""), options.to.value_or("")));
    if (options.month) {
        auto date = parse_date(*options.month);
        if (!date) throw UsageError("--month wants YYYY-MM, not \"" + *options.month + "\"");
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
        Xapian::Query all_filters(Xapian::Query::OP_AND, filters.begin(), filters.end());
        built.query = Xapian::Query(Xapian::Query::OP_FILTER, built.query, all_filters);
        built.filtered = true;
    }
    return built;
}

}  // namespace newsdex
