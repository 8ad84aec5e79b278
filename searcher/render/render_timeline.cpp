#include "searcher/render/render_timeline.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "searcher/render/csv_row.hpp"

namespace newsdex {
namespace {

using nlohmann::json;

namespace key {
constexpr const char* period = "period";
constexpr const char* counted = "counted";
constexpr const char* queries = "queries";
constexpr const char* share = "share";
constexpr const char* shares = "shares";
constexpr const char* buckets = "buckets";
constexpr const char* value = "value";
constexpr const char* count = "count";
constexpr const char* counts = "counts";
constexpr const char* base = "base";
constexpr const char* unknown = "unknown";
}  // namespace key

constexpr std::size_t bar_width = 40;

// A bar of `bar_width` eighth-blocks at most, `value` out of `largest`.
std::string bar(double value, double largest) {
    static const char* eighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    if (largest <= 0 || value <= 0) return "";
    const auto units = static_cast<std::size_t>(value / largest * bar_width * 8 + 0.999999);
    std::string out;
    for (std::size_t i = 0; i < units / 8; ++i) out += "█";
    out += eighths[units % 8];
    return out;
}

std::string percent(std::optional<double> share) {
    if (!share) return "      –";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%6.2f%%", *share * 100);
    return buffer;
}

std::string padded(const std::string& text, std::size_t width, bool right = false) {
    // Labels are ASCII (periods) or query text; pad by bytes, which is exact for the former.
    if (text.size() >= width) return text;
    const std::string space(width - text.size(), ' ');
    return right ? space + text : text + space;
}

std::string number(std::size_t value, int width) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%*zu", width, value);
    return buffer;
}

// Every row of the timeline with the label it is shown under, in display order.
struct Shown {
    std::string heading;  ///< a group heading printed before the row ("year only"), or empty
    const TimelineRow* row;
};

std::vector<Shown> shown_rows(const Timeline& timeline) {
    std::vector<Shown> out;
    for (const auto& row : timeline.rows) out.push_back({{}, &row});
    for (const auto& group : timeline.coarser) {
        for (std::size_t i = 0; i < group.rows.size(); ++i) out.push_back({i == 0 ? coarser_label(group) : "", &group.rows[i]});
    }
    const auto& unknown = timeline.unknown;
    const bool any_unknown = std::any_of(unknown.counts.begin(), unknown.counts.end(), [](std::size_t n) { return n > 0; }) ||
                             unknown.base.value_or(0) > 0;
    if (any_unknown) out.push_back({{}, &unknown});
    return out;
}

// One column: a row per period with a bar, as the terminal timeline always looked.
std::string single_column_text(const std::vector<Shown>& rows, std::size_t label_width) {
    // Bars measure shares when there are bases, counts otherwise.
    auto measure = [](const TimelineRow& row) {
        return row.base ? row_share(row, 0).value_or(0) : static_cast<double>(row.counts[0]);
    };
    double largest = 0;
    for (const auto& shown : rows) largest = std::max(largest, measure(*shown.row));
    std::ostringstream out;
    for (const auto& shown : rows) {
        if (!shown.heading.empty()) out << "  " << shown.heading << '\n';
        const TimelineRow& row = *shown.row;
        out << "  " << padded(row.period, label_width) << ' ' << number(row.counts[0], 6) << ' ';
        if (row.base) out << "/ " << number(*row.base, 6) << ' ' << percent(row_share(row, 0)) << ' ';
        out << bar(measure(row), largest) << '\n';
    }
    return out.str();
}

// Several columns: a table, a count (and a share) per query, then the base.
std::string table_text(const Timeline& timeline, const std::vector<Shown>& rows, std::size_t label_width) {
    std::vector<std::size_t> widths;
    for (const auto& query : timeline.queries) widths.push_back(std::max<std::size_t>(query.size(), timeline.share ? 15 : 7));
    std::ostringstream out;
    out << "  " << std::string(label_width, ' ');
    for (std::size_t i = 0; i < widths.size(); ++i) out << "  " << padded(timeline.queries[i], widths[i], true);
    if (timeline.share) out << "  " << padded("base", 7, true);
    out << '\n';
    for (const auto& shown : rows) {
        if (!shown.heading.empty()) out << "  " << shown.heading << '\n';
        const TimelineRow& row = *shown.row;
        out << "  " << padded(row.period, label_width);
        for (std::size_t i = 0; i < widths.size(); ++i) {
            std::string cell = number(row.counts[i], 7);
            if (row.base) cell += ' ' + percent(row_share(row, i));
            out << "  " << padded(cell, widths[i], true);
        }
        if (row.base) out << "  " << number(*row.base, 7);
        out << '\n';
    }
    return out.str();
}

json row_json(const TimelineRow& row, bool several, bool with_value) {
    json j = json::object();
    if (with_value) j[key::value] = row.period;
    if (several) {
        j[key::counts] = row.counts;
    } else {
        j[key::count] = row.counts.empty() ? 0 : row.counts[0];
    }
    if (row.base) {
        j[key::base] = *row.base;
        json shares = json::array();
        for (std::size_t i = 0; i < row.counts.size(); ++i) {
            auto share = row_share(row, i);
            shares.push_back(share ? json(*share) : json(nullptr));
        }
        if (several) {
            j[key::shares] = shares;
        } else {
            j[key::share] = shares.empty() ? json(nullptr) : shares[0];
        }
    }
    return j;
}

}  // namespace

std::optional<double> row_share(const TimelineRow& row, std::size_t column) {
    if (!row.base || *row.base == 0 || column >= row.counts.size()) return std::nullopt;
    return static_cast<double>(row.counts[column]) / static_cast<double>(*row.base);
}

std::string coarser_label(const CoarserDates& group) { return group.precision + " only"; }

std::string render_timeline_text(const Timeline& timeline, bool colour) {
    const std::vector<Shown> rows = shown_rows(timeline);
    std::size_t label_width = 0;
    for (const auto& shown : rows) label_width = std::max(label_width, shown.row->period.size());
    std::string out = colour ? "\033[1m" + timeline.period + "\033[0m" : timeline.period;
    if (timeline.share) {
        out += "  (count / all " + std::string(timeline.stories ? "stories" : "articles") + " in the " + timeline.period +
               " under the same filters)";
    }
    out += '\n';
    if (timeline.queries.size() == 1) return out + single_column_text(rows, label_width);
    return out + table_text(timeline, rows, label_width);
}

json timeline_json(const Timeline& timeline) {
    const bool several = timeline.queries.size() != 1;
    json buckets = json::array();
    for (const auto& row : timeline.rows) buckets.push_back(row_json(row, several, true));
    json j = {{key::period, timeline.period},
              {key::counted, timeline.stories ? "stories" : "articles"},
              {key::queries, timeline.queries},
              {key::share, timeline.share},
              {key::buckets, std::move(buckets)}};
    for (const auto& group : timeline.coarser) {
        json rows = json::array();
        for (const auto& row : group.rows) rows.push_back(row_json(row, several, true));
        j[group.precision + "_only"] = std::move(rows);
    }
    j[key::unknown] = row_json(timeline.unknown, several, false);
    return j;
}

std::string render_timeline_csv(const Timeline& timeline) {
    std::vector<std::string> header{"period", "bucket"};
    header.insert(header.end(), timeline.queries.begin(), timeline.queries.end());
    if (timeline.share) {
        header.push_back("base");
        for (const auto& query : timeline.queries) header.push_back(query + " share");
    }
    std::string out = csv_row(header);
    auto record = [&](const TimelineRow& row, const std::string& bucket) {
        std::vector<std::string> fields{row.period, bucket};
        for (std::size_t count : row.counts) fields.push_back(std::to_string(count));
        if (timeline.share) {
            fields.push_back(std::to_string(row.base.value_or(0)));
            for (std::size_t i = 0; i < row.counts.size(); ++i) {
                auto share = row_share(row, i);
                char buffer[32] = "";
                if (share) std::snprintf(buffer, sizeof buffer, "%.6g", *share);
                fields.emplace_back(buffer);
            }
        }
        out += csv_row(fields);
    };
    for (const auto& row : timeline.rows) record(row, timeline.period);
    for (const auto& group : timeline.coarser) {
        for (const auto& row : group.rows) record(row, coarser_label(group));
    }
    record(timeline.unknown, "undated");
    return out;
}

}  // namespace newsdex
