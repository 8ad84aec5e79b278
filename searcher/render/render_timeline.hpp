#pragma once
/// A timeline (a date facet, one column per query) as terminal text, JSON and CSV.

#include <cstddef>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "searcher/search_result.hpp"

namespace newsdex {

/// The share of column `column` of `row`: count / base, or std::nullopt when the row has no
/// base or a base of 0.
[[nodiscard]] std::optional<double> row_share(const TimelineRow& row, std::size_t column);

/// The label of a group of coarser dates: "month only" or "year only".
[[nodiscard]] std::string coarser_label(const CoarserDates& group);

/// The timeline for the terminal, starting with its name (bold with `colour`): one row per period (labels padded
/// to the longest), then the month-only and year-only groups and `unknown` when they hold
/// anything. One column: the count (and with shares `count / base share%`) and a bar of
/// Unicode blocks proportional to it (to the share with shares). Several columns: a table with
/// a count (and share) per query, then the base.
[[nodiscard]] std::string render_timeline_text(const Timeline& timeline, bool colour);

/// The timeline's --json form: `period`, `counted` ("stories" or "articles"), `queries`,
/// `share` (bool), `buckets` (every period in order: `value`, then `count` for one query or
/// `counts` for several, and with shares `base` and `share`/`shares`, null where the base is
/// 0), `month_only` and `year_only` (lists of the same rows, where the period is finer than
/// the precision) and `unknown` (one such row without `value`).
[[nodiscard]] nlohmann::json timeline_json(const Timeline& timeline);

/// The timeline as RFC 4180 CSV: a header `period,bucket,QUERY…` (with shares then `base` and
/// `QUERY share…`), then a record per row; `bucket` is the period name for the timeline's
/// rows, `month only`, `year only` or `undated` for the others. Shares are fractions, empty
/// where the base is 0.
[[nodiscard]] std::string render_timeline_csv(const Timeline& timeline);

}  // namespace newsdex
