#include "searcher/facet_counter.hpp"

#include <algorithm>
#include <unordered_map>

#include "common/errors.hpp"
#include "common/schema.hpp"

namespace newsdex {
namespace {

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using Counts = std::unordered_map<std::string, std::size_t, StringHash, std::equal_to<>>;

// Counts the actors of one type (or all, for type 0) from the packed actors value: reading
// one value per document is an order of magnitude cheaper than walking its term list.
class ActorSpy : public Xapian::MatchSpy {
public:
    explicit ActorSpy(char type) : m_type(type) {}

    void operator()(const Xapian::Document& document, double) override {
        const std::string packed = document.get_value(schema::slot_actors);
        std::string_view rest = packed;
        while (!rest.empty()) {
            std::size_t end = rest.find('\x1e');
            std::string_view record = rest.substr(0, end);
            if (record.size() >= 2 && (m_type == 0 || record[0] == m_type)) {
                std::string_view name = record.substr(1);
                if (auto it = m_counts.find(name); it != m_counts.end()) {
                    ++it->second;
                } else {
                    m_counts.emplace(std::string(name), 1);
                }
            }
            if (end == std::string_view::npos) break;
            rest.remove_prefix(end + 1);
        }
    }
    Xapian::MatchSpy* clone() const override { return new ActorSpy(m_type); }
    std::string name() const override { return "newsdex.ActorSpy"; }
    const Counts& counts() const { return m_counts; }

private:
    char m_type;
    Counts m_counts;
};

std::vector<FacetValue> by_count(std::vector<FacetValue> values, std::size_t limit) {
    std::sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    if (values.size() > limit) values.resize(limit);
    return values;
}

}  // namespace

struct FacetCounter::Facet {
    std::string name;
    std::unique_ptr<Xapian::ValueCountMatchSpy> value_spy;
    std::unique_ptr<ActorSpy> actor_spy;
};

FacetCounter::FacetCounter(const std::vector<std::string>& facets, std::size_t limit) : m_limit(limit) {
    for (const auto& name : facets) {
        if (std::find(facet_names.begin(), facet_names.end(), name) == facet_names.end()) {
            throw UsageError("unknown facet \"" + name + "\" (use month, year, person, org, place, actor or source)");
        }
        auto facet = std::make_unique<Facet>();
        facet->name = name;
        if (name == "month") facet->value_spy = std::make_unique<Xapian::ValueCountMatchSpy>(schema::slot_month);
        if (name == "year") facet->value_spy = std::make_unique<Xapian::ValueCountMatchSpy>(schema::slot_year);
        if (name == "source") facet->value_spy = std::make_unique<Xapian::ValueCountMatchSpy>(schema::slot_source);
        if (name == "person") facet->actor_spy = std::make_unique<ActorSpy>('P');
        if (name == "org") facet->actor_spy = std::make_unique<ActorSpy>('O');
        if (name == "place") facet->actor_spy = std::make_unique<ActorSpy>('L');
        if (name == "actor") facet->actor_spy = std::make_unique<ActorSpy>(0);
        m_facets.push_back(std::move(facet));
    }
}

FacetCounter::~FacetCounter() = default;

void FacetCounter::attach(Xapian::Enquire& enquire) {
    for (auto& facet : m_facets) {
        if (facet->value_spy) enquire.add_matchspy(facet->value_spy.get());
        if (facet->actor_spy) enquire.add_matchspy(facet->actor_spy.get());
    }
}

std::vector<std::pair<std::string, std::vector<FacetValue>>> FacetCounter::results() const {
    std::vector<std::pair<std::string, std::vector<FacetValue>>> out;
    for (const auto& facet : m_facets) {
        std::vector<FacetValue> values;
        if (facet->value_spy) {
            for (auto it = facet->value_spy->values_begin(); it != facet->value_spy->values_end(); ++it) {
                values.push_back({*it, it.get_termfreq()});
            }
        } else {
            for (const auto& [name, count] : facet->actor_spy->counts()) values.push_back({name, count});
        }
        if (facet->name == "month" || facet->name == "year") {
            // Chronological: the keys sort as strings; "unknown" goes last.
            std::stable_partition(values.begin(), values.end(),
                                  [](const FacetValue& v) { return v.value != schema::unknown_date; });
        } else {
            values = by_count(std::move(values), m_limit);
        }
        out.emplace_back(facet->name, std::move(values));
    }
    return out;
}

}  // namespace newsdex
