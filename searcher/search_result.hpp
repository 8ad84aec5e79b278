#pragma once
/// The plain result structs the renderers see. Nothing here touches Xapian.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/schema.hpp"

namespace newsdex {

/// Marks around highlighted words inside Hit::snippet; renderers turn them into colour or <mark>.
inline constexpr char highlight_start = '\x02';
inline constexpr char highlight_end = '\x03';

/// One result.
struct Hit {
    std::size_t rank = 0;           ///< 1-based position in the whole result list
    double score = 0;               ///< BM25 weight (0 for pure filters)
    schema::StoredArticle article;  ///< stored data (body paragraphs included)
    std::string snippet;            ///< best passage, highlights between highlight_start/_end
    std::size_t duplicates = 0;     ///< near copies collapsed into this hit (a lower bound)
    std::string cluster;            ///< the cluster key
};

/// One facet value and its count.
struct FacetValue {
    std::string value;
    std::size_t count = 0;
};

/// One period of a timeline: a count per query and, with shares, the base.
struct TimelineRow {
    std::string period;               ///< "2022-08-11", "2022-W32", "2022-08", "2022", or `unknown`
    std::vector<std::size_t> counts;  ///< matching articles (stories when collapsed), one per query
    /// With shares: every article of the period under the same filters, without the query words.
    std::optional<std::size_t> base;
};

/// Articles dated less precisely than a timeline's periods (to a month on a day timeline),
/// counted apart by the month or year they are known to: never spread over periods, never dropped.
struct CoarserDates {
    std::string precision;          ///< `month` or `year`: what their dates are known to
    std::vector<TimelineRow> rows;  ///< by month (`2022-08`) or year (`2022`), the counted ones only
};

/// A date facet: one column per query on the same periods.
struct Timeline {
    std::string period;                ///< day, week, month or year: the facet's name
    std::vector<std::string> queries;  ///< the column labels: the query, then each --compare query
    bool stories = false;              ///< counts are stories (near copies counted once)
    bool share = false;                ///< rows have a base, so each count is also a share
    std::vector<TimelineRow> rows;     ///< every period from the first to the last, zeros included
    std::vector<CoarserDates> coarser; ///< month-only (day and week timelines), then year-only dates
    TimelineRow unknown;               ///< undated articles
};

/// How a search was relaxed because no article (or hardly any) held every word of the query.
struct RelaxedMatch {
    std::size_t words = 0;      ///< distinct words of the query
    std::size_t min_words = 0;  ///< every result holds at least this many of them
    std::size_t all_words = 0;  ///< results holding every word (stories when collapsed)
};

/// A correction for a flag's value that names nothing in the index.
struct FlagSuggestion {
    std::string flag;        ///< "--actor" or "--source"
    std::string value;       ///< as given
    std::string suggestion;  ///< the name meant, as the index writes it
};

/// A search's outcome.
struct SearchResult {
    std::string query;                 ///< the query as given
    std::string parsed;                ///< Xapian's description of the parsed query
    std::size_t total = 0;             ///< matching articles (stories when collapsed)
    bool total_exact = false;          ///< whether `total` is exact, not an estimate
    bool stories = false;              ///< `total` counts stories: near copies were collapsed into one
    std::size_t articles = 0;          ///< matching articles, each near copy counted (exact when `total` is)
    std::string similar;               ///< --similar ID: the article the results are like; empty otherwise
    bool snippets = true;              ///< whether snippets were asked for (--snippet-length 0: not)
    std::size_t offset = 0;
    std::vector<Hit> hits;
    std::vector<std::pair<std::string, std::vector<FacetValue>>> facets;  ///< in the order asked (not dates)
    std::vector<Timeline> timelines;   ///< the date facets, in the order asked
    std::string suggestion;            ///< spelling suggestion, empty when none
    std::vector<FlagSuggestion> flag_suggestions;  ///< corrections of --actor and --source values
    std::optional<RelaxedMatch> relaxed;  ///< set when the results hold only some of the words
    /// One line each on what was done otherwise than asked, because the index has remote shards.
    std::vector<std::string> notes;
    double took_ms = 0;
};

/// What --info tells about an index.
struct IndexInfo {
    std::string path;                     ///< the index directory, as given
    std::size_t articles = 0;             ///< documents (exact copies are folded into one)
    std::size_t stories = 0;              ///< articles with each near-duplicate cluster counted once
    std::size_t dated = 0;                ///< articles with a date
    std::string first_date;               ///< `YYYY-MM-DD` of the earliest article; empty when none is dated
    std::string last_date;                ///< `YYYY-MM-DD` of the latest article
    std::size_t sources = 0;              ///< distinct sources
    std::size_t actors = 0;               ///< distinct actors of any type
    std::size_t persons = 0;              ///< distinct people
    std::size_t orgs = 0;                 ///< distinct organisations
    std::size_t places = 0;               ///< distinct places
    std::vector<FacetValue> top_sources;  ///< the most frequent sources, most articles first
    std::uintmax_t size_bytes = 0;        ///< the files of the index directory
    std::string last_updated;             ///< UTC ISO 8601; empty when unknown
    bool last_updated_recorded = false;   ///< from the indexer's record, not a file time
};

}  // namespace newsdex
