#include "searcher/facets/slot_facet_counter.hpp"

#include <algorithm>
#include <map>

#include "common/errors.hpp"
#include "common/schema.hpp"

namespace newsdex {
namespace {

// How many slots of `family` some document of `db` uses. An article fills its family's slots
// from the first, so the value frequency falls with k and the first unused slot is found by
// doubling, then halving: a few round trips per shard instead of one per slot.
std::size_t used_slots(const Xapian::Database& db, schema::FacetFamily family) {
    auto used = [&](std::size_t k) { return db.get_value_freq(schema::facet_slot(family, k)) > 0; };
    if (!used(0)) return 0;
    std::size_t low = 1, high = 2;  // slot low - 1 is used; find the first unused one below high
    while (high < schema::facet_family_slots && used(high - 1)) {
        low = high;
        high = std::min(high * 2, schema::facet_family_slots);
    }
    while (low < high) {
        const std::size_t mid = low + (high - low) / 2;
        if (used(mid)) {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    return low;
}

// The families a facet's counts sum.
std::vector<schema::FacetFamily> families_of(const std::string& facet) {
    using schema::FacetFamily;
    if (facet == "person") return {FacetFamily::person};
    if (facet == "org") return {FacetFamily::org};
    if (facet == "place") return {FacetFamily::place};
    if (facet == "actor") return {FacetFamily::person, FacetFamily::org, FacetFamily::place};
    if (facet == "country") return {FacetFamily::country};
    if (facet == "region") return {FacetFamily::region};
    return {};
}

void add_counts(const Xapian::ValueCountMatchSpy& spy, std::map<std::string, std::size_t>& into) {
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) into[*it] += it.get_termfreq();
}

std::vector<FacetValue> as_values(const std::map<std::string, std::size_t>& counts) {
    std::vector<FacetValue> out;
    out.reserve(counts.size());
    for (const auto& [value, count] : counts) out.push_back({value, count});
    return out;
}

// The values with a nonzero count, most frequent first, ties by value (bytewise, as the local
// counter orders them), at most `limit`.
std::vector<FacetValue> most_frequent(std::vector<FacetValue> counts, std::size_t limit) {
    std::erase_if(counts, [](const FacetValue& value) { return value.count == 0; });
    auto before = [](const FacetValue& a, const FacetValue& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    };
    const std::size_t shown = std::min(limit, counts.size());
    std::partial_sort(counts.begin(), counts.begin() + static_cast<std::ptrdiff_t>(shown), counts.end(), before);
    counts.resize(shown);
    return counts;
}

}  // namespace

// One spy per used slot of a family: summed, they count each name once per article.
struct SlotFacetCounter::Family {
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
};

SlotFacetCounter::SlotFacetCounter(const Xapian::Database& db, const std::vector<std::string>& facets)
    : m_families(std::size(schema::facet_families)), m_total(schema::slot_year) {
    for (const auto& facet : facets) {
        if (facet == "source" && !m_source) m_source = std::make_unique<Xapian::ValueCountMatchSpy>(schema::slot_source);
        if (period_named(facet) && !m_dates) m_dates = std::make_unique<Xapian::ValueCountMatchSpy>(schema::slot_date_key);
        for (schema::FacetFamily family : families_of(facet)) {
            auto& slot = m_families[static_cast<std::size_t>(family)];
            if (slot) continue;
            slot = std::make_unique<Family>();
            const std::size_t used = used_slots(db, family);
            m_most_slots = std::max(m_most_slots, used);
            for (std::size_t k = 0; k < used; ++k) {
                slot->spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(schema::facet_slot(family, k)));
            }
        }
    }
    // Facet slots and the date key came with the same processing version; an older shard has
    // neither, and would be counted as an article without actors or date.
    const Xapian::doccount with_slots = db.get_value_freq(schema::slot_facet_slots);
    if (with_slots < db.get_doccount()) {
        throw FatalError("facets over remote shards need every shard indexed by this version of news-index (" +
                         std::to_string(db.get_doccount() - with_slots) + " of " + std::to_string(db.get_doccount()) +
                         " articles were indexed before): re-index the shards");
    }
}

SlotFacetCounter::~SlotFacetCounter() = default;

void SlotFacetCounter::attach(Xapian::Enquire& enquire) {
    enquire.add_matchspy(&m_total);
    if (m_source) enquire.add_matchspy(m_source.get());
    if (m_dates) enquire.add_matchspy(m_dates.get());
    for (const auto& family : m_families) {
        if (!family) continue;
        for (std::size_t k = 0; k < std::min(first_slots, family->spies.size()); ++k) {
            enquire.add_matchspy(family->spies[k].get());
        }
    }
}

void SlotFacetCounter::count_rest(const Xapian::Database& db, const Xapian::Query& query) {
    // An article fills a family's slots from the first, so the articles with a value in slot
    // `start` are all those with values in slots start and after. Any value is at least "\0"
    // (an empty bound would make the query match every document).
    const std::string any_value(1, '\0');
    for (std::size_t start = first_slots; start < m_most_slots; start *= 2) {
        const std::size_t end = start * 2;
        Xapian::Enquire enquire(db);
        std::vector<Xapian::Query> filled;
        for (std::size_t f = 0; f < m_families.size(); ++f) {
            const auto& family = m_families[f];
            if (!family || family->spies.size() <= start) continue;
            filled.emplace_back(Xapian::Query::OP_VALUE_GE,
                                schema::facet_slot(schema::facet_families[f], start), any_value);
            for (std::size_t k = start; k < std::min(end, family->spies.size()); ++k) {
                enquire.add_matchspy(family->spies[k].get());
            }
        }
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                        Xapian::Query(Xapian::Query::OP_OR, filled.begin(), filled.end())));
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        (void)enquire.get_mset(0, 0, db.get_doccount());
    }
}

std::size_t SlotFacetCounter::counted() const { return m_total.get_total(); }

std::vector<FacetValue> SlotFacetCounter::results(const std::string& facet, std::size_t limit) const {
    std::map<std::string, std::size_t> counts;
    if (facet == "source" && m_source) add_counts(*m_source, counts);
    for (schema::FacetFamily family : families_of(facet)) {
        for (const auto& spy : m_families[static_cast<std::size_t>(family)]->spies) add_counts(*spy, counts);
    }
    return most_frequent(as_values(counts), limit);
}

DateCounts SlotFacetCounter::date_counts() const {
    if (!m_dates) return {};
    std::map<std::string, std::size_t> counts;
    add_counts(*m_dates, counts);
    DateCounts out = as_values(counts);
    std::size_t dated = 0;
    for (const auto& value : out) dated += value.count;
    // The spy skips empty values: the articles it was shown beyond its counts are undated.
    if (m_dates->get_total() > dated) out.push_back({std::string(), m_dates->get_total() - dated});
    return out;
}

}  // namespace newsdex
