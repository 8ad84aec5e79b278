#pragma once
/// Facet counting that remote shards can do: Xapian's own ValueCountMatchSpy over value slots.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "searcher/facets/timeline.hpp"
#include "searcher/search_result.hpp"

namespace newsdex {

/// Counts facets with Xapian::ValueCountMatchSpy, which a stock xapian-tcpsrv runs on its shard
/// and whose counts the client merges: a single-valued facet (source, the date key) reads one
/// slot, a multi-valued one (people, places, countries, ...) each slot of its family
/// (schema::facet_slot) that some article of the database uses. The spies see every match
/// before collapsing, so the counts are of articles, never of stories.
class SlotFacetCounter {
public:
    /// `facets` are valid names from facet_names. Looks up in `db` how many slots each family
    /// asked for uses (a few value statistics per family). Throws FatalError when some article
    /// of `db` was written without facet slots (an index made before them: re-index).
    SlotFacetCounter(const Xapian::Database& db, const std::vector<std::string>& facets);
    ~SlotFacetCounter();
    SlotFacetCounter(const SlotFacetCounter&) = delete;
    SlotFacetCounter& operator=(const SlotFacetCounter&) = delete;

    /// Registers the spies on `enquire`, to be run with check_at_least at the document count.
    void attach(Xapian::Enquire& enquire);

    /// The articles the spies were shown.
    [[nodiscard]] std::size_t counted() const;

    /// The counts of facet `facet` (not a date facet): most frequent first, ties by name, at
    /// most `limit`.
    [[nodiscard]] std::vector<FacetValue> results(const std::string& facet, std::size_t limit) const;

    /// The counted articles by raw date key (see DateCounts), undated ones under "".
    [[nodiscard]] DateCounts date_counts() const;

private:
    struct Family;
    std::vector<std::unique_ptr<Family>> m_families;  ///< by schema::FacetFamily, when asked
    std::unique_ptr<Xapian::ValueCountMatchSpy> m_source;
    std::unique_ptr<Xapian::ValueCountMatchSpy> m_dates;
    Xapian::ValueCountMatchSpy m_total;  ///< every article has a year value: counts the articles
};

}  // namespace newsdex
