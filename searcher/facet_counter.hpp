#pragma once
/// Facet counting: match spies for the requested facets, and their ordered results.

#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "searcher/search_result.hpp"

namespace newsdex {

/// The facet names news-search accepts.
inline const std::vector<std::string> facet_names{"month", "year", "person", "org", "place", "actor", "source"};

/// Counts the requested facets over every matching document it is shown.
class FacetCounter {
public:
    /// `facets` are names from facet_names; throws UsageError for an unknown one.
    /// `limit` caps the count-ordered facets (actors, source); dates are never capped.
    FacetCounter(const std::vector<std::string>& facets, std::size_t limit);
    ~FacetCounter();
    FacetCounter(const FacetCounter&) = delete;
    FacetCounter& operator=(const FacetCounter&) = delete;

    /// Registers the spies on `enquire`. The enquire must then be run with check_at_least
    /// set to the document count, so the counts are exact.
    void attach(Xapian::Enquire& enquire);

    /// True when some facet was requested.
    [[nodiscard]] bool empty() const { return m_facets.empty(); }

    /// The counts, in the order the facets were asked: dates chronologically (with `unknown`
    /// last), the others most frequent first, ties by name.
    [[nodiscard]] std::vector<std::pair<std::string, std::vector<FacetValue>>> results() const;

private:
    struct Facet;
    std::vector<std::unique_ptr<Facet>> m_facets;
    std::size_t m_limit;
};

}  // namespace newsdex
