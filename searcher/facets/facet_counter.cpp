#include "searcher/facets/facet_counter.hpp"

#include <algorithm>
#include <optional>

#include "common/errors.hpp"
#include "common/schema.hpp"
#include "searcher/facets/string_interner.hpp"
#include "searcher/facets/timeline.hpp"

namespace newsdex {
namespace {

// One more of the value numbered `id` (counts are indexed by the interner's numbers).
void tally(std::vector<std::size_t>& counts, std::uint32_t id) {
    if (id >= counts.size()) counts.resize(id + 1, 0);
    ++counts[id];
}

// The values with a nonzero count, most frequent first, ties by value, at most `limit`.
// Only the top `limit` are ordered, and only they become strings: actor facets over a large
// match set have tens of thousands of distinct names.
std::vector<FacetValue> top_by_count(const StringInterner& values, const std::vector<std::size_t>& counts,
                                     std::size_t limit) {
    std::vector<std::uint32_t> ids;
    for (std::uint32_t id = 0; id < counts.size(); ++id) {
        if (counts[id] != 0) ids.push_back(id);
    }
    auto before = [&](std::uint32_t a, std::uint32_t b) {
        return counts[a] != counts[b] ? counts[a] > counts[b] : values.key(a) < values.key(b);
    };
    const std::size_t shown = std::min(limit, ids.size());
    std::partial_sort(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(shown), ids.end(), before);
    std::vector<FacetValue> out;
    for (std::size_t i = 0; i < shown; ++i) out.push_back({std::string(values.key(ids[i])), counts[ids[i]]});
    return out;
}

// The date key of a document (see DateCounts), or empty when it is undated. Documents written
// before slot_date_key existed have their precision read from the stored data, which costs a
// decoding: re-indexing adds the slot.
std::string raw_date(const Xapian::Document& document) {
    std::string key = document.get_value(schema::slot_date_key);
    if (!key.empty()) return key;
    std::string day = document.get_value(schema::slot_date);
    if (day.empty()) return day;
    std::optional<DatePrecision> precision;
    try {
        precision = schema::date_precision_of_value(schema::decode(document.get_data()).date_precision);
    } catch (const std::runtime_error&) {
    }
    return precision ? schema::date_key(day, *precision) : std::string();
}

// Where a facet's values come from: a value slot; the date (every date facet shares one count
// of raw dates); the packed actors value (the actors of one type, or of every type); or the
// packed places value (countries or regions).
struct Source {
    Xapian::valueno slot = Xapian::BAD_VALUENO;
    std::optional<ActorType> actor_type;
    std::optional<Period> period;
    std::optional<schema::GeoLevel> geo;

    [[nodiscard]] bool counts_actor(ActorType type) const {
        return reads_actors() && (!actor_type || *actor_type == type);
    }
    [[nodiscard]] bool reads_actors() const { return slot == Xapian::BAD_VALUENO && !period && !geo; }
    [[nodiscard]] bool counts_geo(schema::GeoLevel level) const { return geo && *geo == level; }
};

Source source_of(const std::string& facet) {
    if (auto period = period_named(facet)) return {Xapian::BAD_VALUENO, {}, period, {}};
    if (facet == "source") return {schema::slot_source, {}, {}, {}};
    if (facet == "country") return {Xapian::BAD_VALUENO, {}, {}, schema::GeoLevel::country};
    if (facet == "region") return {Xapian::BAD_VALUENO, {}, {}, schema::GeoLevel::region};
    if (auto type = actor_type_from_string(facet)) return {Xapian::BAD_VALUENO, type, {}, {}};
    return {Xapian::BAD_VALUENO, {}, {}, {}};  // actor
}

}  // namespace

// One spy for every requested facet: reading a document's values once serves them all.
// Counting stories, it skips a document whose cluster was already counted, which costs a
// set lookup instead of Xapian's collapsing of every match. The matcher shows it the documents
// sub-database by sub-database, each in docid order, so "first" means first in that order.
//
// Values are interned, not kept as map keys: a match costs a hash and a probe per value and
// no allocation, and the actor facets share one interner, so a name is hashed once per
// document however many of person, org, place and actor were asked.
class FacetCounter::Spy : public Xapian::MatchSpy {
public:
    Spy(const std::vector<std::string>& facets, bool stories) : m_stories(stories) {
        for (const auto& facet : facets) {
            m_facets.push_back(Facet{source_of(facet), {}, {}});
            const Source& source = m_facets.back().source;
            if (source.reads_actors()) m_reads_actors = true;
            if (source.period) m_reads_dates = true;
            if (source.geo) m_reads_geo = true;
            if (source.counts_geo(schema::GeoLevel::region)) m_reads_regions = true;
        }
    }

    void operator()(const Xapian::Document& document, double) override {
        if (m_stories && !first_of_story(document)) return;
        ++m_counted;
        for (Facet& facet : m_facets) {
            if (facet.source.slot == Xapian::BAD_VALUENO) continue;  // actors and dates are counted once below
            std::string value = document.get_value(facet.source.slot);
            if (!value.empty()) tally(facet.counts, facet.values.intern(value).first);
        }
        if (m_reads_geo) count_geo(document.get_value(schema::slot_places));
        if (m_reads_actors) count_actors(document.get_value(schema::slot_actors));
        if (m_reads_dates) tally(m_date_counts, m_dates.intern(raw_date(document)).first);
    }
    Xapian::MatchSpy* clone() const override { return nullptr; }  // local databases only
    std::string name() const override { return "newsdex.FacetSpy"; }

    [[nodiscard]] std::size_t counted() const { return m_counted; }

    // The counts of facet number `i` (not a date facet), most frequent first.
    [[nodiscard]] std::vector<FacetValue> results(std::size_t i, std::size_t limit) const {
        const Facet& facet = m_facets[i];
        const StringInterner& values = facet.source.slot == Xapian::BAD_VALUENO ? m_actor_names : facet.values;
        return top_by_count(values, facet.counts, limit);
    }

    [[nodiscard]] DateCounts date_counts() const {
        DateCounts out;
        for (std::uint32_t id = 0; id < m_date_counts.size(); ++id) {
            if (m_date_counts[id] != 0) out.push_back({std::string(m_dates.key(id)), m_date_counts[id]});
        }
        return out;
    }

private:
    struct Facet {
        Source source;
        StringInterner values;  ///< a slot facet's values (actor facets use m_actor_names)
        std::vector<std::size_t> counts;
    };

    // False when the document's cluster was counted already.
    bool first_of_story(const Xapian::Document& document) {
        const std::string cluster = document.get_value(schema::slot_cluster);
        return cluster.empty() || m_clusters.intern(cluster).second;
    }

    void count_actors(std::string_view packed) {
        schema::for_each_packed_actor(packed, [this](ActorType type, std::string_view name) {
            if (!wants_actor(type)) return;
            const std::uint32_t id = m_actor_names.intern(name).first;
            for (Facet& facet : m_facets) {
                if (facet.source.counts_actor(type)) tally(facet.counts, id);
            }
        });
    }

    // The packed places value: the countries, then the regions, of the document's places.
    void count_geo(std::string_view packed) {
        schema::for_each_packed_geo(packed, [this](schema::GeoLevel level, std::string_view name) {
            // Without a region facet, the regions after the countries are not read.
            if (level == schema::GeoLevel::region && !m_reads_regions) return false;
            std::optional<std::uint32_t> id;
            for (Facet& facet : m_facets) {
                if (!facet.source.counts_geo(level)) continue;
                if (!id) id = m_actor_names.intern(name).first;
                tally(facet.counts, *id);
            }
            return true;
        });
    }

    // Whether some facet counts actors of `type`: names nobody counts are not interned.
    [[nodiscard]] bool wants_actor(ActorType type) const {
        return std::any_of(m_facets.begin(), m_facets.end(),
                           [type](const Facet& facet) { return facet.source.counts_actor(type); });
    }

    bool m_stories;
    bool m_reads_actors = false;   ///< some facet counts actors
    bool m_reads_dates = false;    ///< some facet counts dates
    bool m_reads_geo = false;      ///< some facet counts countries or regions
    bool m_reads_regions = false;  ///< some facet counts regions
    std::vector<Facet> m_facets;  ///< in the order asked
    StringInterner m_actor_names;
    StringInterner m_clusters;
    StringInterner m_dates;  ///< raw date keys, for every date facet
    std::vector<std::size_t> m_date_counts;
    std::size_t m_counted = 0;
};

FacetCounter::FacetCounter(const std::vector<std::string>& facets, std::size_t limit, bool stories,
                           const Xapian::Database* remote_shards)
    : m_facets(facets), m_limit(limit), m_stories(stories), m_remote(remote_shards) {
    for (const auto& name : facets) {
        if (std::find(facet_names.begin(), facet_names.end(), name) == facet_names.end()) {
            throw UsageError("unknown facet \"" + name +
                             "\" (use day, week, month, year, person, org, place, actor, country, region or source)");
        }
    }
    if (remote_shards && !m_facets.empty()) {
        m_slots = std::make_unique<SlotFacetCounter>(*remote_shards, m_facets);
    } else {
        m_spy = std::make_unique<Spy>(m_facets, stories);
    }
}

FacetCounter::~FacetCounter() = default;

void FacetCounter::attach(Xapian::Enquire& enquire) {
    if (m_slots) {
        m_slots->attach(enquire);
    } else if (!m_facets.empty()) {
        enquire.add_matchspy(m_spy.get());
    }
}

void FacetCounter::count_rest(const Xapian::Database& db, const Xapian::Query& query) {
    if (m_slots) m_slots->count_rest(db, query);
}

std::size_t FacetCounter::counted() const { return m_slots ? m_slots->counted() : m_spy->counted(); }

std::vector<std::pair<std::string, std::vector<FacetValue>>> FacetCounter::results() const {
    std::vector<std::pair<std::string, std::vector<FacetValue>>> out;
    for (std::size_t i = 0; i < m_facets.size(); ++i) {
        if (period_named(m_facets[i])) continue;
        out.emplace_back(m_facets[i], m_slots ? m_slots->results(m_facets[i], m_limit) : m_spy->results(i, m_limit));
    }
    return out;
}

std::vector<Period> FacetCounter::periods() const {
    std::vector<Period> out;
    for (const auto& name : m_facets) {
        if (auto period = period_named(name)) out.push_back(*period);
    }
    return out;
}

DateCounts FacetCounter::date_counts() const { return m_slots ? m_slots->date_counts() : m_spy->date_counts(); }

}  // namespace newsdex
