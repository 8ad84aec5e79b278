#pragma once
/// Turns the query string and the filter flags into one Xapian query.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/gazetteer.hpp"
#include "searcher/parse/actor_names.hpp"
#include "searcher/options.hpp"

namespace newsdex {

/// The first problem met by a field or range processor while a query is parsed (empty: none).
using ParseProblem = std::shared_ptr<std::string>;

/// A query matching every document, made anew. Never copy Xapian::Query::MatchAll instead: it
/// is one object whose reference count (not atomic) every copy changes, so threads searching at
/// once (news-serve's workers) would corrupt it.
[[nodiscard]] inline Xapian::Query every_document() { return Xapian::Query(std::string()); }

/// A parsed query and what the snippeter needs to highlight it.
struct BuiltQuery {
    Xapian::Query query = every_document();  ///< the whole query, filters included
    Xapian::Stem stemmer;    ///< the stemmer the text part was parsed with
    bool match_all = false;  ///< the text part was empty: every article matches
    bool filtered = false;   ///< flag filters (--from, --to, --month, --actor, --country, --source) were added
    /// A plain query's distinct words that some article holds, for relaxed matching: each a
    /// term, or a phrase weighted as one word (a hyphenated or unglued word); empty when the
    /// query has operators, quotes, `-word`, fields or wildcards.
    std::vector<Xapian::Query> words;
    std::size_t word_count = 0;  ///< a plain query's distinct words, those no article holds included
    /// The proximity boost of a plain query (see build()), when every word of it is indexed;
    /// an empty query otherwise.
    Xapian::Query boost;
    Xapian::Query filter;    ///< the flag filters alone (an empty query when there are none)
};

/// Most words of a plain query that still get the phrase and proximity boost.
inline constexpr std::size_t max_boosted_words = 12;

/// Builds queries against one open index.
class QueryBuilder {
public:
    /// `db` and `names` must outlive the builder.
    QueryBuilder(const Xapian::Database& db, const ActorNames& names);

    /// Parses `options.query` (words, AND/OR/NOT, "phrases", NEAR, wildcards, title:, source:,
    /// month:, year:, date:A..B, person:, org:, place:, actor:, country:, region:) and adds the
    /// flag filters (--from, --to, --month, --actor, --country, --source) under OP_FILTER so they
    /// do not change scores.
    /// An empty query matches every article. A plain query of two or more words (no
    /// operators, quotes, fields or wildcards) also ranks articles with the words together
    /// higher: it becomes `parsed AND_MAYBE (PHRASE OR NEAR)` of its words; a word of it that
    /// no article holds is unglued when it can be ("musthave" → "must have"). In a query of
    /// capitals only, AND, OR, NOT, ... are words, not operators. Words are stemmed for
    /// `options.lang`. Throws UsageError for a malformed query or date.
    [[nodiscard]] BuiltQuery build(const SearchOptions& options) const;

private:
    /// A parser for `lang` whose field and range processors record their first problem in
    /// `problem` instead of throwing through Xapian.
    [[nodiscard]] Xapian::QueryParser make_parser(const std::string& lang, const ParseProblem& problem) const;

    /// Fills built.words and built.word_count from the parsed plain query `text`, first
    /// replacing each word the index lacks by its unglued form (see unglue()) when it has one.
    void take_words(BuiltQuery& built, const std::string& text, const std::string& lang) const;

    /// The proximity boost for `text` (see build()), or an empty query when it is not plain.
    [[nodiscard]] Xapian::Query proximity_boost(const std::string& text, const std::string& lang) const;

    const Xapian::Database& m_db;
    const ActorNames& m_names;
};

/// A filter on the date slot for the inclusive period from `from` to `to` (either may be
/// empty), each in any format the date parser accepts. Throws UsageError for a bad date.
[[nodiscard]] Xapian::Query date_range_query(const std::string& from, const std::string& to);

}  // namespace newsdex
