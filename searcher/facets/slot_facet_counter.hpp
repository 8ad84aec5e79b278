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
///
/// A spy costs the same for every match it sees, and a family may use dozens of slots (the one
/// article naming 57 organisations) while most articles fill a few: the pass over every match
/// reads the first `first_slots` of each family, and count_rest() reads the later ones in passes
/// over the few matches that fill them (slots 8-15, then 16-31, ...).
class SlotFacetCounter {
public:
    /// `facets` are valid names from facet_names. Looks up in `db` how many slots each family
    /// asked for uses (a few value statistics per family). Throws FatalError when some article
    /// of `db` was written without facet slots (an index made before them: re-index).
    SlotFacetCounter(const Xapian::Database& db, const std::vector<std::string>& facets);
    ~SlotFacetCounter();
    SlotFacetCounter(const SlotFacetCounter&) = delete;
    SlotFacetCounter& operator=(const SlotFacetCounter&) = delete;

    /// Registers the spies of the pass over every match on `enquire`, to be run with
    /// check_at_least at the document count.
    void attach(Xapian::Enquire& enquire);

    /// After that pass, counts the later slots of each family over the matches of `query` that
    /// fill them, one pass per range of slots.
    void count_rest(const Xapian::Database& db, const Xapian::Query& query);

    /// Slots of each family read by the pass over every match.
    static constexpr std::size_t first_slots = 8;

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
    std::size_t m_most_slots = 0;  ///< the most slots a family asked for uses
    Xapian::ValueCountMatchSpy m_total;  ///< every article has a year value: counts the articles
};

}  // namespace newsdex
