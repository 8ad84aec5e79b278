#include "searcher/output_files.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <fstream>
#include <sstream>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/errors.hpp"
#include "common/join.hpp"
#include "searcher/export/cooccurrence.hpp"
#include "searcher/export/graph_file.hpp"
#include "searcher/parse/actor_names.hpp"
#include "searcher/parse/query_builder.hpp"
#include "searcher/render/chart_svg.hpp"
#include "searcher/render/csv_row.hpp"
#include "searcher/render/render_timeline.hpp"

extern char** environ;

namespace newsdex {
namespace fs = std::filesystem;
namespace {

std::string extension_of(const fs::path& path) {
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension;
}

void write_file(const fs::path& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    out.close();
    if (!out) throw FatalError("cannot write " + path.string());
}

// Draws `svg` into the PNG file `png` with rsvg-convert, through a temporary SVG file.
void write_png(const std::string& svg, const fs::path& png) {
    static std::atomic<int> serial{0};
    const fs::path temporary = fs::temp_directory_path() /
                               ("newsdex-chart-" + std::to_string(getpid()) + "-" + std::to_string(serial++) + ".svg");
    write_file(temporary, svg);
    const std::string output = png.string(), input = temporary.string();
    char program[] = "rsvg-convert";
    char format_flag[] = "--format";
    char format[] = "png";
    char output_flag[] = "--output";
    std::vector<char*> argv{program, format_flag, format, output_flag, const_cast<char*>(output.c_str()),
                            const_cast<char*>(input.c_str()), nullptr};
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, program, nullptr, nullptr, argv.data(), environ);
    int status = 0;
    if (spawned == 0) waitpid(pid, &status, 0);
    std::error_code ignored;
    fs::remove(temporary, ignored);
    if (spawned != 0) {
        throw FatalError("cannot write " + output + ": rsvg-convert is missing (Debian package librsvg2-bin); "
                         "write the chart as .svg instead");
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw FatalError("rsvg-convert could not write " + output);
}

// "the query", or "all articles".
std::string quoted_query(const std::string& text) {
    return text.find_first_not_of(" \t\r\n") == std::string::npos ? std::string() : "\u201c" + text + "\u201d";
}

// The flag filters, as a reader of the chart needs them.
std::string filters_of(const SearchOptions& options) {
    std::vector<std::string> parts;
    if (options.from) parts.push_back("from " + *options.from);
    if (options.to) parts.push_back("to " + *options.to);
    if (options.month) parts.push_back("month " + *options.month);
    for (const auto& actor : options.actors) parts.push_back("actor " + actor);
    if (!options.sources.empty()) parts.push_back("source " + join(options.sources, " or "));
    return join(parts, ", ");
}

ChartText timeline_text(const Timeline& timeline, const SearchOptions& options) {
    const std::string unit = timeline.stories ? "stories" : "articles";
    const std::string by = ", by " + (timeline.period == "week" ? std::string("ISO week") : timeline.period);
    std::string matching;
    if (timeline.queries.size() > 1) {
        matching = " matching each query";
    } else if (auto query = quoted_query(join(options.query)); !query.empty() || !options.compare.empty()) {
        matching = " matching " + (query.empty() ? quoted_query(options.compare.front()) : query);
    }
    ChartText text;
    if (timeline.share) {
        text.title = "Share of " + unit + matching + by;
    } else {
        text.title = matching.empty() ? "All " + unit + by : std::string(1, static_cast<char>(std::toupper(unit[0]))) + unit.substr(1) + matching + by;
    }
    std::vector<std::string> notes;
    if (timeline.share) notes.push_back("base: all " + unit + " in the " + timeline.period + " under the same filters");
    if (auto filters = filters_of(options); !filters.empty()) notes.push_back("filters: " + filters);
    if (timeline.stories) notes.push_back("stories: near copies counted once");
    text.subtitle = join(notes, " · ");
    if (!text.subtitle.empty()) text.subtitle[0] = static_cast<char>(std::toupper(text.subtitle[0]));
    return text;
}

std::string plural(const std::string& facet) {
    if (facet == "person") return "people";
    if (facet == "org") return "organisations";
    return facet + "s";
}

ChartText bars_text(const std::string& facet, std::size_t shown, const SearchOptions& options) {
    const std::string unit = options.collapse ? "stories" : "articles";
    const std::string query = quoted_query(join(options.query));
    ChartText text;
    text.title = "Top " + std::to_string(shown) + " " + plural(facet) + " in " + (query.empty() ? "all " + unit : unit + " matching " + query);
    std::vector<std::string> notes{std::string(options.collapse ? "Stories mentioning each (near copies counted once)"
                                                                : "Articles mentioning each")};
    if (auto filters = filters_of(options); !filters.empty()) notes.push_back("filters: " + filters);
    text.subtitle = join(notes, " · ");
    return text;
}

std::string write_charts(const SearchOptions& options, const SearchResult& result) {
    std::string svg, csv;
    if (!result.timelines.empty()) {
        const Timeline& timeline = result.timelines.front();
        svg = timeline_svg(timeline, timeline_text(timeline, options));
        csv = render_timeline_csv(timeline);
    } else if (!result.facets.empty()) {
        const auto& [facet, values] = result.facets.front();
        svg = bars_svg(values, bars_text(facet, values.size(), options), options.collapse ? "stories" : "articles");
        csv = csv_row({facet, "count"});
        for (const auto& value : values) csv += csv_row({value.value, std::to_string(value.count)});
    } else {
        throw UsageError("--chart needs a facet to draw: --facet day, week, month or year, or person, org, place, actor or source");
    }
    std::string notes;
    for (const auto& chart : options.charts) {
        const std::string extension = extension_of(chart);
        if (extension == ".png") {
            write_png(svg, chart);
        } else {
            write_file(chart, extension == ".csv" ? csv : svg);
        }
        notes += "news-search: wrote " + chart.string() + '\n';
    }
    return notes;
}

std::string write_network(const OpenIndex& index, const SearchOptions& options) {
    ActorNames names(index.db, *index.gazetteer);
    QueryBuilder builder(index.db, names);
    const ActorGraph graph = count_cooccurrence(index.db, builder.build(options).query, options.collapse, options.network_min);
    std::string description = "Actors of the " + std::string(graph.stories ? "stories" : "articles") + " matching " +
                              (quoted_query(join(options.query)).empty() ? "anything" : quoted_query(join(options.query)));
    if (auto filters = filters_of(options); !filters.empty()) description += " (" + filters + ")";
    description += "; edge weight: " + std::string(graph.stories ? "stories" : "articles") + " mentioning both, at least " +
                   std::to_string(std::max<std::size_t>(options.network_min, 1));
    std::ostringstream out;
    if (extension_of(*options.network) == ".gexf") {
        write_gexf(graph, description, out);
    } else {
        write_graphml(graph, description, out);
    }
    write_file(*options.network, out.str());
    return "news-search: wrote " + options.network->string() + " (" + std::to_string(graph.nodes.size()) + " actors, " +
           std::to_string(graph.edges.size()) + " edges)\n";
}

}  // namespace

void check_output_files(const SearchOptions& options) {
    for (const auto& chart : options.charts) {
        const std::string extension = extension_of(chart);
        if (extension != ".svg" && extension != ".png" && extension != ".csv") {
            throw UsageError("--chart " + chart.string() + ": the file name must end in .svg, .png or .csv");
        }
    }
    if (options.network) {
        const std::string extension = extension_of(*options.network);
        if (extension != ".gexf" && extension != ".graphml") {
            throw UsageError("--network " + options.network->string() + ": the file name must end in .gexf or .graphml");
        }
        if (options.similar) throw UsageError("--network cannot be combined with --similar");
    }
}

std::string write_output_files(const OpenIndex& index, const SearchOptions& options, const SearchResult& result) {
    std::string notes;
    if (!options.charts.empty()) notes += write_charts(options, result);
    if (options.network) notes += write_network(index, options);
    return notes;
}

}  // namespace newsdex
