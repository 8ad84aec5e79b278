#pragma once
/// Charts as standalone SVG documents, drawn here (no plotting library): a timeline as lines
/// with a point per period, a top-N facet as horizontal bars.

#include <string>
#include <vector>

#include "searcher/search_result.hpp"

namespace newsdex {

/// What a chart says above the plot.
struct ChartText {
    std::string title;     ///< one line, e.g. `Share of articles matching "Iran", by month`
    std::string subtitle;  ///< one line of small print: filters, what is not shown; may be empty
};

/// A timeline as an SVG line chart: one line per query (a legend when there are several), one
/// point (`<circle class="point">`, with a tooltip) per period and query, the y axis in
/// articles (stories when collapsed) or, with shares, in percent of the base; periods whose
/// base is 0 have no share and no point, and break the line. The x axis is labelled with
/// periods (years alone when the labels are a year or more apart).
[[nodiscard]] std::string timeline_svg(const Timeline& timeline, const ChartText& text);

/// A facet's values as an SVG bar chart, one horizontal bar (`<rect class="bar">`) per value
/// in the order given, labelled with the value and its count; `unit` names what is counted
/// ("articles", "stories").
[[nodiscard]] std::string bars_svg(const std::vector<FacetValue>& values, const ChartText& text, const std::string& unit);

}  // namespace newsdex
