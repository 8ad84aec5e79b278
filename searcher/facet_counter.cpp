#include "searcher/facet_counter.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "common/errors.hpp"
#include "common/schema.hpp"

namespace newsdex {
namespace {

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using Counts = std::unordered_map<std::string, std::size_t, StringHash, std::equal_to<>>;

void count(Counts& counts, std::string_view value) {
    if (auto it = counts.find(value); it != counts.end()) {
        ++it->second;
    } else {
        counts.emplace(std::string(value), 1);
    }
}

std::vector<FacetValue> by_count(std::vector<FacetValue> values, std::size_t limit) {
    std::sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    if (values.size() > limit) values.resize(limit);
    return values;
}

// Where a facet's values come from: a value slot, or the actors of one type in the packed
// actors value (type 0: every type).
struct Source {
    Xapian::valueno slot = Xapian::BAD_VALUENO;
    char actor_type = 0;
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
// set lookup instead of Xapian's collapsing of every match.
class FacetCounter::Spy : public Xapian::MatchSpy {
public:
    Spy(const std::vector<std::string>& facets, bool stories) : m_stories(stories), m_counts(facets.size()) {
        for (const auto& facet : facets) m_sources.push_back(source_of(facet));
    }

    void operator()(const Xapian::Document& document, double) override {
        if (m_stories) {
            std::string cluster = document.get_value(schema::slot_cluster);
            if (!cluster.empty() && !m_clusters.insert(std::move(cluster)).second) return;
        }
        ++m_counted;
        std::string actors;
        bool actors_read = false;
        for (std::size_t i = 0; i < m_sources.size(); ++i) {
            const Source& source = m_sources[i];
            if (source.slot != Xapian::BAD_VALUENO) {
                std::string value = document.get_value(source.slot);
                if (!value.empty()) count(m_counts[i], value);
                continue;
            }
            if (!actors_read) {
                actors = document.get_value(schema::slot_actors);
                actors_read = true;
            }
            std::string_view rest = actors;
            while (!rest.empty()) {
                std::size_t end = rest.find('\x1e');
                std::string_view record = rest.substr(0, end);
                if (record.size() >= 2 && (source.actor_type == 0 || record[0] == source.actor_type)) {
                    count(m_counts[i], record.substr(1));
                }
                if (end == std::string_view::npos) break;
                rest.remove_prefix(end + 1);
            }
        }
    }
    Xapian::MatchSpy* clone() const override { return nullptr; }  // local databases only
    std::string name() const override { return "newsdex.FacetSpy"; }

    [[nodiscard]] const Counts& counts(std::size_t facet) const { return m_counts[facet]; }
    [[nodiscard]] std::size_t counted() const { return m_counted; }

private:
    bool m_stories;
    std::vector<Source> m_sources;
    std::vector<Counts> m_counts;
    std::unordered_set<std::string> m_clusters;
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
        std::vector<FacetValue> values;
        for (const auto& [value, count] : m_spy->counts(i)) values.push_back({value, count});
        if (name == "month" || name == "year") {
            // Chronological: the keys sort as strings; "unknown" goes last.
            std::sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
                bool a_unknown = a.value == schema::unknown_date, b_unknown = b.value == schema::unknown_date;
                return a_unknown != b_unknown ? b_unknown : a.value < b.value;
            });
        } else {
            values = by_count(std::move(values), m_limit);
        }
        out.emplace_back(name, std::move(values));
    }
    return out;
}

}  // namespace newsdex
