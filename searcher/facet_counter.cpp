#include "searcher/facet_counter.hpp"

#include <algorithm>

#include "common/errors.hpp"
#include "common/schema.hpp"
#include "searcher/string_interner.hpp"

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

// Every value with a nonzero count, chronologically: the keys sort as strings; "unknown" goes last.
std::vector<FacetValue> chronological(const StringInterner& values, const std::vector<std::size_t>& counts) {
    std::vector<FacetValue> out;
    for (std::uint32_t id = 0; id < counts.size(); ++id) {
        if (counts[id] != 0) out.push_back({std::string(values.key(id)), counts[id]});
    }
    std::sort(out.begin(), out.end(), [](const FacetValue& a, const FacetValue& b) {
        bool a_unknown = a.value == schema::unknown_date, b_unknown = b.value == schema::unknown_date;
        return a_unknown != b_unknown ? b_unknown : a.value < b.value;
    });
    return out;
}

// Where a facet's values come from: a value slot, or the actors of one type in the packed
// actors value (type 0: every type).
struct Source {
    Xapian::valueno slot = Xapian::BAD_VALUENO;
    char actor_type = 0;

    [[nodiscard]] bool counts_actor(char type) const {
        return slot == Xapian::BAD_VALUENO && (actor_type == 0 || actor_type == type);
    }
};

Source source_of(const std::string& facet) {
    if (facet == "month") return {schema::slot_month, 0};
    if (facet == "year") return {schema::slot_year, 0};
    if (facet == "source") return {schema::slot_source, 0};
    if (facet == "person") return {Xapian::BAD_VALUENO, 'P'};
    if (facet == "org") return {Xapian::BAD_VALUENO, 'O'};
    if (facet == "place") return {Xapian::BAD_VALUENO, 'L'};
    return {Xapian::BAD_VALUENO, 0};  // actor
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
            if (m_facets.back().source.slot == Xapian::BAD_VALUENO) m_reads_actors = true;
        }
    }

    void operator()(const Xapian::Document& document, double) override {
        if (m_stories && !first_of_story(document)) return;
        ++m_counted;
        for (Facet& facet : m_facets) {
            if (facet.source.slot == Xapian::BAD_VALUENO) continue;
            std::string value = document.get_value(facet.source.slot);
            if (!value.empty()) tally(facet.counts, facet.values.intern(value).first);
        }
        if (m_reads_actors) count_actors(document.get_value(schema::slot_actors));
    }
    Xapian::MatchSpy* clone() const override { return nullptr; }  // local databases only
    std::string name() const override { return "newsdex.FacetSpy"; }

    [[nodiscard]] std::size_t counted() const { return m_counted; }

    // The counts of facet number `i`, dates chronologically, the others by count.
    [[nodiscard]] std::vector<FacetValue> results(std::size_t i, bool chronologically, std::size_t limit) const {
        const Facet& facet = m_facets[i];
        const StringInterner& values = facet.source.slot == Xapian::BAD_VALUENO ? m_actor_names : facet.values;
        return chronologically ? chronological(values, facet.counts) : top_by_count(values, facet.counts, limit);
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

    // The packed actors value: records `<type><name>` separated by U+001E.
    void count_actors(std::string_view rest) {
        while (!rest.empty()) {
            const std::size_t end = rest.find('\x1e');
            const std::string_view record = rest.substr(0, end);
            if (record.size() >= 2 && wants_actor(record[0])) {
                const std::uint32_t id = m_actor_names.intern(record.substr(1)).first;
                for (Facet& facet : m_facets) {
                    if (facet.source.counts_actor(record[0])) tally(facet.counts, id);
                }
            }
            if (end == std::string_view::npos) break;
            rest.remove_prefix(end + 1);
        }
    }

    // Whether some facet counts actors of `type`: names nobody counts are not interned.
    [[nodiscard]] bool wants_actor(char type) const {
        return std::any_of(m_facets.begin(), m_facets.end(),
                           [type](const Facet& facet) { return facet.source.counts_actor(type); });
    }

    bool m_stories;
    bool m_reads_actors = false;
    std::vector<Facet> m_facets;  ///< in the order asked
    StringInterner m_actor_names;
    StringInterner m_clusters;
    std::size_t m_counted = 0;
};

FacetCounter::FacetCounter(const std::vector<std::string>& facets, std::size_t limit, bool stories)
    : m_facets(facets), m_limit(limit) {
    for (const auto& name : facets) {
        if (std::find(facet_names.begin(), facet_names.end(), name) == facet_names.end()) {
            throw UsageError("unknown facet \"" + name + "\" (use month, year, person, org, place, actor or source)");
        }
    }
    m_spy = std::make_unique<Spy>(m_facets, stories);
}

FacetCounter::~FacetCounter() = default;

void FacetCounter::attach(Xapian::Enquire& enquire) {
    if (!m_facets.empty()) enquire.add_matchspy(m_spy.get());
}

std::size_t FacetCounter::counted() const { return m_spy->counted(); }

std::vector<std::pair<std::string, std::vector<FacetValue>>> FacetCounter::results() const {
    std::vector<std::pair<std::string, std::vector<FacetValue>>> out;
    for (std::size_t i = 0; i < m_facets.size(); ++i) {
        const std::string& name = m_facets[i];
        out.emplace_back(name, m_spy->results(i, name == "month" || name == "year", m_limit));
    }
    return out;
}

}  // namespace newsdex
