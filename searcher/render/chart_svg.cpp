#include "searcher/render/chart_svg.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>
#include <sstream>

#include "searcher/render/render_timeline.hpp"
#include "searcher/render/xml_text.hpp"

namespace newsdex {
namespace {

constexpr double chart_width = 960;
constexpr const char* font = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif";
// Okabe and Ito's palette: told apart with every common colour-vision deficiency.
constexpr std::array<const char*, 8> palette{"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                             "#E69F00", "#56B4E9", "#000000", "#F0E442"};
constexpr const char* grid_colour = "#e3e3e3";
constexpr const char* axis_colour = "#444444";
constexpr const char* muted_colour = "#666666";

// A coordinate, to a tenth of a pixel.
std::string px(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

// 12345 -> "12,345".
std::string grouped(std::size_t value) {
    std::string digits = std::to_string(value), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

// The fewest decimals (up to 6) that write `step` exactly.
int decimals_of(double step) {
    for (int d = 0; d < 6; ++d) {
        const double scaled = step * std::pow(10.0, d);
        if (std::fabs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled)) return d;
    }
    return 6;
}

// A value axis from 0: a round step (1, 2, 2.5 or 5 times a power of ten) giving about five
// intervals, and the first multiple of it at or above the largest value.
struct ValueAxis {
    double max = 1;
    double step = 1;
    bool percent = false;

    [[nodiscard]] std::string label(double value) const {
        char buffer[48];
        if (percent) {
            std::snprintf(buffer, sizeof buffer, "%.*f%%", decimals_of(step * 100), value * 100);
            return buffer;
        }
        if (step >= 1) return grouped(static_cast<std::size_t>(std::llround(value)));
        std::snprintf(buffer, sizeof buffer, "%.*f", decimals_of(step), value);
        return buffer;
    }
};

ValueAxis value_axis(double largest, bool percent) {
    if (largest <= 0) largest = percent ? 0.01 : 1;
    const double raw = largest / 5;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    double step = 10 * power;
    for (double multiple : {1.0, 2.0, 2.5, 5.0}) {
        if (multiple * power >= raw * (1 - 1e-9)) {
            step = multiple * power;
            break;
        }
    }
    if (!percent) step = std::max(1.0, std::ceil(step));  // counts are whole
    return {std::ceil(largest / step - 1e-9) * step, step, percent};
}

// The plot area inside the chart.
struct Frame {
    double left, right, top, bottom;
    [[nodiscard]] double width() const { return right - left; }
    [[nodiscard]] double height() const { return bottom - top; }
};

void open_svg(std::ostringstream& out, double height, const ChartText& text) {
    out << R"(<?xml version="1.0" encoding="UTF-8"?>)" << '\n'
        << R"(<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width=")" << px(chart_width) << R"(" height=")"
        << px(height) << R"(" viewBox="0 0 )" << px(chart_width) << ' ' << px(height) << R"(" font-family=")" << font
        << R"(">)" << '\n'
        << "<title>" << xml_text(text.title) << "</title>\n"
        << R"(<rect width="100%" height="100%" fill="#ffffff"/>)" << '\n'
        << R"(<text x="24" y="34" font-size="20" font-weight="bold" fill="#111111">)" << xml_text(text.title)
        << "</text>\n";
    if (!text.subtitle.empty()) {
        out << R"(<text x="24" y="56" font-size="13" fill=")" << muted_colour << R"(">)" << xml_text(text.subtitle)
            << "</text>\n";
    }
}

void horizontal_gridlines(std::ostringstream& out, const Frame& frame, const ValueAxis& axis) {
    const auto steps = static_cast<int>(std::llround(axis.max / axis.step));
    for (int i = 0; i <= steps; ++i) {
        const double value = axis.step * i;
        const double y = frame.bottom - value / axis.max * frame.height();
        out << R"(<line x1=")" << px(frame.left) << R"(" x2=")" << px(frame.right) << R"(" y1=")" << px(y)
            << R"(" y2=")" << px(y) << R"(" stroke=")" << (i == 0 ? axis_colour : grid_colour) << R"("/>)" << '\n'
            << R"(<text x=")" << px(frame.left - 8) << R"(" y=")" << px(y + 4)
            << R"(" font-size="12" text-anchor="end" fill=")" << axis_colour << R"(">)" << axis.label(value)
            << "</text>\n";
    }
}

// The rows to label on the x axis: at most `most`, on round calendar steps for months and
// years. `years` is set when the labels are a year or more apart (then shown as the year).
std::vector<std::size_t> x_labels(const Timeline& timeline, std::size_t most, bool& years) {
    const std::size_t n = timeline.rows.size();
    std::vector<std::size_t> out;
    years = false;
    if (n == 0) return out;
    auto fits = [&](std::size_t step) { return (n + step - 1) / step <= most; };
    if (timeline.period == "month" || timeline.period == "year") {
        const bool monthly = timeline.period == "month";
        std::size_t step = 1;
        for (std::size_t candidate : monthly ? std::vector<std::size_t>{1, 2, 3, 4, 6, 12, 24, 60, 120, 240, 600}
                                             : std::vector<std::size_t>{1, 2, 5, 10, 20, 50, 100, 200}) {
            step = candidate;
            if (fits(candidate)) break;
        }
        years = !monthly || step >= 12;
        for (std::size_t i = 0; i < n; ++i) {
            const std::string& key = timeline.rows[i].period;
            const long index = std::stol(key.substr(0, 4)) * (monthly ? 12 : 1) + (monthly ? std::stol(key.substr(5, 2)) - 1 : 0);
            if (index % static_cast<long>(step) == 0) out.push_back(i);
        }
        if (out.empty()) out.push_back(0);
        return out;
    }
    std::size_t step = 1;
    while (!fits(step)) ++step;
    for (std::size_t i = 0; i < n; i += step) out.push_back(i);
    return out;
}

// What the chart leaves out: coarser dates and undated articles, per query.
std::string left_out(const Timeline& timeline) {
    std::vector<std::string> parts;
    for (std::size_t column = 0; column < timeline.queries.size(); ++column) {
        std::vector<std::string> kinds;
        for (const auto& group : timeline.coarser) {
            std::size_t total = 0;
            for (const auto& row : group.rows) total += row.counts[column];
            if (total > 0) kinds.push_back(grouped(total) + " dated to the " + group.precision + " only");
        }
        if (timeline.unknown.counts[column] > 0) kinds.push_back(grouped(timeline.unknown.counts[column]) + " undated");
        if (kinds.empty()) continue;
        std::string part = timeline.queries.size() > 1 ? timeline.queries[column] + ": " : "";
        for (std::size_t i = 0; i < kinds.size(); ++i) part += (i > 0 ? ", " : "") + kinds[i];
        parts.push_back(part);
    }
    if (parts.empty()) return {};
    std::string out = std::string("Not shown (") + (timeline.stories ? "stories" : "articles") + "): ";
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i > 0 ? "; " : "") + parts[i];
    return out;
}

std::optional<double> value_of(const Timeline& timeline, const TimelineRow& row, std::size_t column) {
    if (timeline.share) return row_share(row, column);
    return static_cast<double>(row.counts[column]);
}

std::string tooltip(const Timeline& timeline, const TimelineRow& row, std::size_t column) {
    std::string text = row.period + " · " + timeline.queries[column] + ": " + grouped(row.counts[column]);
    if (row.base) {
        text += " of " + grouped(*row.base);
        if (auto share = row_share(row, column)) {
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, " (%.2f%%)", *share * 100);
            text += buffer;
        }
    }
    return text;
}

void legend(std::ostringstream& out, const Timeline& timeline, double y) {
    double x = 24;
    for (std::size_t i = 0; i < timeline.queries.size(); ++i) {
        const char* colour = palette[i % palette.size()];
        out << R"(<line x1=")" << px(x) << R"(" x2=")" << px(x + 22) << R"(" y1=")" << px(y - 4) << R"(" y2=")"
            << px(y - 4) << R"(" stroke=")" << colour << R"(" stroke-width="3"/>)" << '\n'
            << R"(<text class="legend" x=")" << px(x + 28) << R"(" y=")" << px(y) << R"(" font-size="13" fill="#222222">)"
            << xml_text(timeline.queries[i]) << "</text>\n";
        // About 7.5 pixels a character at 13 px.
        x += 28 + 7.5 * static_cast<double>(timeline.queries[i].size()) + 24;
    }
}

}  // namespace

std::string timeline_svg(const Timeline& timeline, const ChartText& text) {
    const double height = 520;
    const bool several = timeline.queries.size() > 1;
    const Frame frame{84, chart_width - 32, several ? 100.0 : 80.0, height - 84};
    const std::size_t n = timeline.rows.size();
    const std::string unit = timeline.stories ? "stories" : "articles";

    double largest = 0;
    for (const auto& row : timeline.rows) {
        for (std::size_t c = 0; c < timeline.queries.size(); ++c) largest = std::max(largest, value_of(timeline, row, c).value_or(0));
    }
    const ValueAxis axis = value_axis(largest, timeline.share);
    auto x_of = [&](std::size_t i) { return frame.left + (static_cast<double>(i) + 0.5) * frame.width() / static_cast<double>(n); };
    auto y_of = [&](double value) { return frame.bottom - value / axis.max * frame.height(); };

    std::ostringstream out;
    open_svg(out, height, text);
    if (several) legend(out, timeline, 84);
    horizontal_gridlines(out, frame, axis);

    // The x axis: a tick and a label on round periods.
    bool years = false;
    for (std::size_t i : x_labels(timeline, static_cast<std::size_t>(frame.width() / 84), years)) {
        const double x = x_of(i);
        const std::string& key = timeline.rows[i].period;
        out << R"(<line x1=")" << px(x) << R"(" x2=")" << px(x) << R"(" y1=")" << px(frame.bottom) << R"(" y2=")"
            << px(frame.bottom + 6) << R"(" stroke=")" << axis_colour << R"("/>)" << '\n'
            << R"(<text class="x-label" x=")" << px(x) << R"(" y=")" << px(frame.bottom + 22)
            << R"(" font-size="12" text-anchor="middle" fill=")" << axis_colour << R"(">)"
            << xml_text(years ? key.substr(0, 4) : key) << "</text>\n";
    }
    const std::string x_title = timeline.period == "week" ? "ISO week" : timeline.period;
    out << R"(<text x=")" << px(frame.left + frame.width() / 2) << R"(" y=")" << px(frame.bottom + 48)
        << R"(" font-size="13" text-anchor="middle" fill=")" << axis_colour << R"(">)" << xml_text(x_title) << "</text>\n";
    const std::string y_title = timeline.share ? "share of all " + unit + " in the " + timeline.period : unit;
    out << R"(<text transform="translate(22 )" << px(frame.top + frame.height() / 2)
        << R"svg() rotate(-90)" font-size="13" text-anchor="middle" fill=")svg" << axis_colour << R"(">)" << xml_text(y_title)
        << "</text>\n";
    if (n == 0) {
        out << R"(<text x=")" << px(frame.left + frame.width() / 2) << R"(" y=")" << px(frame.top + frame.height() / 2)
            << R"(" font-size="16" text-anchor="middle" fill=")" << muted_colour << R"(">no dated )" << unit << "</text>\n";
    }

    // A line per query, broken where a period has no value, and a point per period.
    const double radius = n <= 60 ? 3.5 : n <= 200 ? 2.5 : 1.5;
    for (std::size_t c = 0; c < timeline.queries.size(); ++c) {
        const char* colour = palette[c % palette.size()];
        out << R"(<g class="series" fill=")" << colour << R"(" stroke=")" << colour << R"(">)" << '\n';
        std::string points;
        auto flush = [&] {
            if (!points.empty()) out << R"(<polyline fill="none" stroke-width="2" points=")" << points << R"("/>)" << '\n';
            points.clear();
        };
        for (std::size_t i = 0; i < n; ++i) {
            auto value = value_of(timeline, timeline.rows[i], c);
            if (!value) {
                flush();
                continue;
            }
            points += (points.empty() ? "" : " ") + px(x_of(i)) + "," + px(y_of(*value));
        }
        flush();
        for (std::size_t i = 0; i < n; ++i) {
            auto value = value_of(timeline, timeline.rows[i], c);
            if (!value) continue;
            out << R"(<circle class="point" cx=")" << px(x_of(i)) << R"(" cy=")" << px(y_of(*value)) << R"(" r=")"
                << px(radius) << R"(" stroke="none"><title>)" << xml_text(tooltip(timeline, timeline.rows[i], c))
                << "</title></circle>\n";
        }
        out << "</g>\n";
    }
    if (std::string note = left_out(timeline); !note.empty()) {
        out << R"(<text x="24" y=")" << px(height - 12) << R"(" font-size="12" fill=")" << muted_colour << R"(">)"
            << xml_text(note) << "</text>\n";
    }
    out << "</svg>\n";
    return out.str();
}

std::string bars_svg(const std::vector<FacetValue>& values, const ChartText& text, const std::string& unit) {
    constexpr double bar_height = 22, gap = 8, top = 84;
    std::size_t longest = 0;
    std::size_t largest = 0;
    for (const auto& value : values) {
        longest = std::max(longest, value.value.size());
        largest = std::max(largest, value.count);
    }
    const double label_width = std::clamp(7.5 * static_cast<double>(longest) + 16, 80.0, 320.0);
    const double height = top + static_cast<double>(values.size()) * (bar_height + gap) + 64;
    const Frame frame{24 + label_width, chart_width - 80, top, height - 64};
    const ValueAxis axis = value_axis(static_cast<double>(largest), false);

    std::ostringstream out;
    open_svg(out, height, text);
    const auto steps = static_cast<int>(std::llround(axis.max / axis.step));
    for (int i = 0; i <= steps; ++i) {
        const double value = axis.step * i;
        const double x = frame.left + value / axis.max * frame.width();
        out << R"(<line x1=")" << px(x) << R"(" x2=")" << px(x) << R"(" y1=")" << px(frame.top - 4) << R"(" y2=")"
            << px(frame.bottom) << R"(" stroke=")" << (i == 0 ? axis_colour : grid_colour) << R"("/>)" << '\n'
            << R"(<text x=")" << px(x) << R"(" y=")" << px(frame.bottom + 18) << R"(" font-size="12" text-anchor="middle" fill=")"
            << axis_colour << R"(">)" << axis.label(value) << "</text>\n";
    }
    out << R"(<text x=")" << px(frame.left + frame.width() / 2) << R"(" y=")" << px(frame.bottom + 42)
        << R"(" font-size="13" text-anchor="middle" fill=")" << axis_colour << R"(">)" << xml_text(unit) << "</text>\n";
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double y = frame.top + static_cast<double>(i) * (bar_height + gap);
        const double length = static_cast<double>(values[i].count) / axis.max * frame.width();
        out << R"(<text x=")" << px(frame.left - 8) << R"(" y=")" << px(y + bar_height / 2 + 5)
            << R"(" font-size="13" text-anchor="end" fill="#222222">)" << xml_text(values[i].value) << "</text>\n"
            << R"(<rect class="bar" x=")" << px(frame.left) << R"(" y=")" << px(y) << R"(" width=")" << px(length)
            << R"(" height=")" << px(bar_height) << R"(" fill=")" << palette[0] << R"("><title>)"
            << xml_text(values[i].value + ": " + grouped(values[i].count)) << "</title></rect>\n"
            << R"(<text x=")" << px(frame.left + length + 6) << R"(" y=")" << px(y + bar_height / 2 + 5)
            << R"(" font-size="12" fill=")" << axis_colour << R"(">)" << grouped(values[i].count) << "</text>\n";
    }
    if (values.empty()) {
        out << R"(<text x=")" << px(frame.left) << R"(" y=")" << px(frame.top + 20) << R"(" font-size="16" fill=")"
            << muted_colour << R"(">nothing to show</text>)" << '\n';
    }
    out << "</svg>\n";
    return out.str();
}

}  // namespace newsdex
