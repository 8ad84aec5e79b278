#pragma once
/// Timelines: date facet counts as every period from the first to the last, empty ones included,
/// so that every renderer shows the same periods.

#include <string>
#include <vector>

#include "searcher/search_result.hpp"

namespace newsdex {

/// How long one period of a timeline is.
enum class Period { month, year };

/// The period after `key` ("2022-12" -> "2023-01", "2022" -> "2023").
[[nodiscard]] std::string next_period(const std::string& key, Period period);

/// `counts` (keys of one period length and `unknown`, in any order) as a timeline: every period
/// from the earliest to the latest key in order, with 0 for those without a count, then
/// `unknown` when it was counted. A span of more than 10,000 periods (only a corrupt key gives
/// one) stops there.
[[nodiscard]] std::vector<FacetValue> fill_timeline(std::vector<FacetValue> counts, Period period);

}  // namespace newsdex
