#include "searcher/facets/timeline.hpp"

#include <algorithm>
#include <cstdio>

#include "common/schema.hpp"

namespace newsdex {

std::string next_period(const std::string& key, Period period) {
    int year = std::stoi(key.substr(0, 4));
    if (period == Period::year) return std::to_string(year + 1);
    int month = std::stoi(key.substr(5, 2)) + 1;
    if (month > 12) {
        month = 1;
        ++year;
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
    return buffer;
}

std::vector<FacetValue> fill_timeline(std::vector<FacetValue> counts, Period period) {
    std::vector<FacetValue> dated, unknown;
    for (auto& value : counts) (value.value == schema::unknown_date ? unknown : dated).push_back(std::move(value));
    std::sort(dated.begin(), dated.end(), [](const FacetValue& a, const FacetValue& b) { return a.value < b.value; });

    constexpr std::size_t max_periods = 10000;
    std::vector<FacetValue> timeline;
    std::size_t next = 0;
    for (std::string key = dated.empty() ? "" : dated.front().value; next < dated.size() && timeline.size() < max_periods;
         key = next_period(key, period)) {
        std::size_t count = 0;
        if (dated[next].value == key) count = dated[next++].count;
        timeline.push_back({key, count});
    }
    timeline.insert(timeline.end(), unknown.begin(), unknown.end());
    return timeline;
}

}  // namespace newsdex
