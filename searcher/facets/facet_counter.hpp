#pragma once
/// Facet counting: match spies for the requested facets, and their ordered results.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/facet_column.hpp"
#include "common/facet_dictionary.hpp"
#include "searcher/facets/slot_facet_counter.hpp"
#include "searcher/facets/timeline.hpp"
#include "searcher/search_result.hpp"

namespace newsdex {

/// The facet names news-search accepts.
inline const std::vector<std::string> facet_names{"day",    "week",  "month",   "year",   "person", "org",
                                                  "place",  "actor", "country", "region", "source"};

/// Counts the requested facets over every matching document it is shown.
class FacetCounter {
public:
    /// `facets` are names from facet_names; throws UsageError for an unknown one.
    /// `limit` caps the count-ordered facets (actors, source); dates are never capped.
    /// With `stories`, each near-duplicate cluster is counted once (by its first document).
    /// With `remote_shards` (a database with a remote shard), the facets are counted by
    /// SlotFacetCounter, which a stock xapian-tcpsrv can run, and `stories` is ignored: the
    /// counts are of articles (see counts_stories()); throws FatalError as SlotFacetCounter does.
    /// Locally, documents numbered by one of `dictionaries` (OpenIndex::facet_dictionaries) are
    /// counted by number, the others by name, with the same results; without dictionaries every
    /// document is counted by name. With `columns` (OpenIndex::facet_columns) the numbers are
    /// read from them by docid rather than from each document's value.
    FacetCounter(const std::vector<std::string>& facets, std::size_t limit, bool stories = false,
                 const Xapian::Database* remote_shards = nullptr, FacetDictionaries dictionaries = {},
                 FacetColumns columns = {});
    ~FacetCounter();
    FacetCounter(const FacetCounter&) = delete;
    FacetCounter& operator=(const FacetCounter&) = delete;

    /// Registers the spy on `enquire`. The enquire must then be run with check_at_least
    /// set to the document count, so the counts are exact.
    void attach(Xapian::Enquire& enquire);

    /// Counts the facets over every match of `query` over `db` in a pass of its own, and returns
    /// the matches (articles); `prepare` sets up an enquire for it (its query and weighting).
    /// With `shard_by_shard`, which the caller allows when the matches do not depend on
    /// weights or the shards' statistics (no weight cutoff), and facet columns: the matches are
    /// walked from the posting lists of each shard where the query allows it (MatchWalker),
    /// else found by one enquire per shard, each reading its shard's column.
    Xapian::doccount count(const Xapian::Database& db, const Xapian::Query& query,
                           const std::function<void(Xapian::Enquire&)>& prepare, bool shard_by_shard);

    /// After the enquire it was attached to ran `query` over `db`, the further passes counting
    /// needs (remote shards: see SlotFacetCounter::count_rest); nothing locally.
    void count_rest(const Xapian::Database& db, const Xapian::Query& query);

    /// Documents (or, with `stories`, clusters) the spy has counted.
    [[nodiscard]] std::size_t counted() const;

    /// Of those, the documents counted from their dictionary numbers rather than their names.
    [[nodiscard]] std::size_t counted_by_number() const;

    /// The database whose remote shards count the facets; nullptr on local databases.
    [[nodiscard]] const Xapian::Database* remote_shards() const { return m_remote; }

    /// Whether the counts are of stories (near copies counted once) rather than articles.
    [[nodiscard]] bool counts_stories() const { return m_stories && !m_slots; }

    /// True when some facet was requested.
    [[nodiscard]] bool empty() const { return m_facets.empty(); }

    /// The counts of the facets other than dates, in the order asked: most frequent first, ties
    /// by name, at most `limit` of each.
    [[nodiscard]] std::vector<std::pair<std::string, std::vector<FacetValue>>> results() const;

    /// The date facets asked (day, week, month, year), in the order asked.
    [[nodiscard]] std::vector<Period> periods() const;

    /// The counted documents by raw date (see DateCounts), in no order; empty when no date facet
    /// was asked. One count serves every date facet: make_timeline() turns it into periods.
    [[nodiscard]] DateCounts date_counts() const;

private:
    class Spy;
    std::vector<std::string> m_facets;
    std::size_t m_limit;
    bool m_stories;
    const Xapian::Database* m_remote;
    FacetDictionaries m_dictionaries;           ///< kept open while the spy uses them
    FacetColumns m_columns;                     ///< likewise
    std::unique_ptr<Spy> m_spy;                 ///< local databases: newsdex's own spy
    std::unique_ptr<SlotFacetCounter> m_slots;  ///< remote shards: Xapian's spies
};

}  // namespace newsdex
