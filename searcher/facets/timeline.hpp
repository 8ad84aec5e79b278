#pragma once
/// Timelines: articles counted by period (day, ISO week, month or year), every period from the
/// first to the last with the empty ones included, so that every renderer shows the same periods;
/// articles dated less precisely than the period counted apart, undated ones apart again.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date_parser.hpp"
#include "searcher/search_result.hpp"

namespace newsdex {

/// How long one period of a timeline is.
enum class Period { day, week, month, year };

/// The period a facet name stands for ("day", "week", "month", "year"); std::nullopt for any
/// other name.
[[nodiscard]] std::optional<Period> period_named(std::string_view name);

/// The key of the period holding the day `yyyymmdd` (a date slot value such as "20220811"):
/// "2022-08-11", "2022-W32" (ISO 8601 week: weeks start on Monday, and week 1 holds the year's
/// first Thursday, so 2021-01-01 is in 2020-W53), "2022-08" or "2022". Empty when `yyyymmdd` is
/// not eight digits, or its month or day is out of range.
[[nodiscard]] std::string period_key(std::string_view yyyymmdd, Period period);

/// The period after `key` ("2022-12-31" -> "2023-01-01", "2020-W53" -> "2021-W01",
/// "2022-12" -> "2023-01", "2022" -> "2023"). `key` must be one period_key() gives.
[[nodiscard]] std::string next_period(const std::string& key, Period period);

/// Articles counted by their date: FacetValue::value is a schema::date_key() ("20220811d",
/// "20220801m" for 2022-08, "20220101y" for 2022), or empty for an undated article.
using DateCounts = std::vector<FacetValue>;

/// What to put in one timeline.
struct TimelineInput {
    Period period = Period::month;     ///< how long one row is
    std::vector<std::string> queries;  ///< a label per column
    std::vector<DateCounts> columns;   ///< the counts of each query, in the order of `queries`
    std::optional<DateCounts> base;    ///< with shares: the counts of every article under the filters
    bool stories = false;              ///< counts are of stories, not articles
};

/// Builds a Timeline: each article goes to the period of its date when its date is at least as
/// precise as the period (a day for days and weeks), else to `month_only` or `year_only` by the
/// month or year it is known to, else (undated) to `unknown`. Rows run from the earliest to the
/// latest period counted in any column or the base, zeros included; a span of more than 200,000
/// periods (only a corrupt key gives one) stops there.
[[nodiscard]] Timeline make_timeline(const TimelineInput& input);

}  // namespace newsdex
