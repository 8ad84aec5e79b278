// Issue 18: attention over time (shares, weeks, comparisons, charts) and out of the terminal
// (CSV and JSON Lines exports, actor networks), through the real binaries.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <xapian.h>

#include "searcher/match/article_lookup.hpp"
#include "searcher/render/render_json.hpp"
#include "tests/support/paths.hpp"
#include "tests/support/run_tool.hpp"
#include "tests/support/shared_indexes.hpp"
#include "tests/support/strict_csv.hpp"
#include "tests/support/temp_dir.hpp"

using namespace newsdex;
using namespace newsdex::test;
using nlohmann::json;

namespace {

// Debian's Python, for its standard XML parser.
const std::string python = "/usr/bin/python3";

// Reads a GEXF, GraphML or SVG file with Python's xml.etree and prints what the tests check:
// for graphs a line `N label type articles` per node and `E label label weight` per edge (tab
// separated), for SVG the root tag, then `point`, `bar` and `title` lines.
const std::string read_xml = R"(
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
local = lambda e: e.tag.split('}')[-1]
kind = local(root)
print(kind)
if kind == 'gexf':
    labels = {}
    for e in root.iter():
        if local(e) == 'node':
            values = {a.get('for'): a.get('value') for a in e.iter() if local(a) == 'attvalue'}
            labels[e.get('id')] = e.get('label')
            print('N\t%s\t%s\t%s' % (e.get('label'), values['type'], values['articles']))
    for e in root.iter():
        if local(e) == 'edge':
            print('E\t%s\t%s\t%s' % (labels[e.get('source')], labels[e.get('target')], e.get('weight')))
elif kind == 'graphml':
    labels = {}
    for e in root.iter():
        if local(e) == 'node':
            data = {d.get('key'): d.text for d in e if local(d) == 'data'}
            labels[e.get('id')] = data['label']
            print('N\t%s\t%s\t%s' % (data['label'], data['type'], data['articles']))
    for e in root.iter():
        if local(e) == 'edge':
            data = {d.get('key'): d.text for d in e if local(d) == 'data'}
            print('E\t%s\t%s\t%s' % (labels[e.get('source')], labels[e.get('target')], data['weight']))
else:
    print(root.tag)
    for e in root.iter():
        if local(e) == 'circle' and e.get('class') == 'point':
            print('point\t' + e.find('{http://www.w3.org/2000/svg}title').text)
        if local(e) == 'rect' and e.get('class') == 'bar':
            print('bar')
        if local(e) == 'text' and e.get('class') == 'x-label':
            print('x-label\t' + e.text)
    print('title\t' + root.find('{http://www.w3.org/2000/svg}title').text)
)";

std::vector<std::vector<std::string>> xml_lines(const std::filesystem::path& file) {
    ToolRun run = run_tool(python, {"-c", read_xml, file.string()});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    std::vector<std::vector<std::string>> lines;
    std::istringstream in(run.out);
    for (std::string line; std::getline(in, line);) {
        std::vector<std::string> fields;
        std::istringstream parts(line);
        for (std::string field; std::getline(parts, field, '\t');) fields.push_back(field);
        lines.push_back(fields);
    }
    return lines;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// `--count` of a search, 0 when nothing matched.
std::size_t count_of(const TempDir& db, std::vector<std::string> args) {
    args.insert(args.begin(), "--count");
    ToolRun run = search(db, args);
    INFO(run.err);
    REQUIRE(run.exit_code <= 1);
    return std::stoul(run.out);
}

// A fresh index of JSON Lines `records`.
void index_records(const TempDir& db, const std::string& records) {
    ToolRun run = run_tool(tool("news-index"), {"--db", db.path().string(), "-"}, records);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
}

const json* bucket(const json& timeline, const std::string& period) {
    for (const auto& row : timeline["buckets"]) {
        if (row["value"] == period) return &row;
    }
    return nullptr;
}

// The JSON Lines of an export, each parsed.
std::vector<json> json_lines(const std::string& text) {
    std::vector<json> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
    return lines;
}

// Names as the CSV export joins them.
std::string joined(const json& names) {
    std::string out;
    for (const auto& name : names) out += (out.empty() ? "" : "; ") + name.get<std::string>();
    return out;
}

}  // namespace

TEST_CASE("issue 18: month shares on the seeds equal the counts worked out by hand", "[e2e][trend]") {
    json months = search_json(seeds_index(), {"--facet", "month", "--share", "--limit", "0", "Putin"})["facets"]["month"];
    CHECK(months["period"] == "month");
    CHECK(months["counted"] == "stories");
    CHECK(months["queries"] == json::array({"Putin"}));
    CHECK(months["share"] == true);
    // By hand, from the seeds' metadata: August 2022 holds 000 (2022-08-11, mentions Putin) and
    // 002 (2022-08, month only, does not); September 001 (month only) and 003, both mentioning
    // him; March 2025 holds 004, which does not.
    struct Expected {
        const char* month;
        std::size_t count, base;
        double share;
    };
    for (const Expected& e : {Expected{"2022-08", 1, 2, 0.5}, Expected{"2022-09", 2, 2, 1.0}, Expected{"2025-03", 0, 1, 0.0}}) {
        INFO(e.month);
        const json* row = bucket(months, e.month);
        REQUIRE(row != nullptr);
        CHECK((*row)["count"] == e.count);
        CHECK((*row)["base"] == e.base);
        CHECK((*row)["share"].get<double>() == Approx(e.share));
        // The same numbers from plain counts with a month filter.
        CHECK(count_of(seeds_index(), {"--month", e.month, "Putin"}) == e.count);
        CHECK(count_of(seeds_index(), {"--month", e.month, ""}) == e.base);
    }
    // A month without articles has no share, and the list is every month, zeros included.
    CHECK((*bucket(months, "2022-10"))["base"] == 0);
    CHECK((*bucket(months, "2022-10"))["share"].is_null());
    CHECK(months["buckets"].size() == 32);
    CHECK(months["year_only"] == json::array());
    CHECK(months["unknown"] == json{{"count", 0}, {"base", 0}, {"share", nullptr}});

    // The base keeps the flag filters: only 000 is from AUN News.
    json filtered = search_json(seeds_index(), {"--facet", "year", "--share", "--source", "AUN News", "--limit", "0", "Putin"});
    CHECK(filtered["facets"]["year"]["buckets"] == json::array({{{"value", "2022"}, {"count", 1}, {"base", 1}, {"share", 1.0}}}));
}

TEST_CASE("issue 18: the month facet counts month-only dates in their month and year-only dates apart",
          "[e2e][trend]") {
    TempDir db;
    index_records(db, R"({"id": "d", "title": "Harbour day", "body": "The harbour opened on a Tuesday.", "date": "2024-03-05"})" "\n"
                      R"({"id": "m", "title": "Harbour month", "body": "The harbour was busy all month.", "date": "2024-03"})" "\n"
                      R"({"id": "y", "title": "Harbour year", "body": "The harbour had a good year.", "date": "2024"})" "\n");
    json months = search_json(db, {"--facet", "month", "--limit", "0", ""})["facets"]["month"];
    CHECK(months["buckets"] == json::array({{{"value", "2024-03"}, {"count", 2}}}));
    CHECK(months["year_only"] == json::array({{{"value", "2024"}, {"count", 1}}}));
    json days = search_json(db, {"--facet", "day", "--limit", "0", ""})["facets"]["day"];
    CHECK(days["buckets"] == json::array({{{"value", "2024-03-05"}, {"count", 1}}}));
    CHECK(days["month_only"] == json::array({{{"value", "2024-03"}, {"count", 1}}}));
    CHECK(days["year_only"] == json::array({{{"value", "2024"}, {"count", 1}}}));
    CHECK(days["unknown"] == json{{"count", 0}});
}

TEST_CASE("issue 18: a week bucket holds the days of an ISO week across a year boundary", "[e2e][trend]") {
    TempDir db;
    index_records(db, R"({"id": "a", "title": "Harbour ice", "body": "Ice closed the harbour on Monday.", "date": "2024-12-30"})" "\n"
                      R"({"id": "b", "title": "New year", "body": "Fireworks over the old town.", "date": "2025-01-01"})" "\n"
                      R"({"id": "c", "title": "Harbour thaw", "body": "The harbour reopened after the thaw.", "date": "2025-01-05"})" "\n"
                      R"({"id": "d", "title": "Harbour fees", "body": "New harbour fees were announced.", "date": "2025-01-06T10:00:00Z"})" "\n"
                      R"({"id": "e", "title": "December review", "body": "A month of storms at the harbour.", "date": "2024-12"})" "\n"
                      R"({"id": "f", "title": "Year review", "body": "A year of change in the old town.", "date": "2024"})" "\n"
                      R"({"id": "g", "title": "Undated note", "body": "Nobody knows when the harbour was built."})" "\n");
    json weeks = search_json(db, {"--facet", "week", "--share", "--limit", "0", "harbour"})["facets"]["week"];
    // Monday 30 December 2024 to Sunday 5 January 2025 is 2025-W01.
    CHECK(weeks["buckets"] == json::array({
                                  {{"value", "2025-W01"}, {"count", 2}, {"base", 3}, {"share", 2.0 / 3}},
                                  {{"value", "2025-W02"}, {"count", 1}, {"base", 1}, {"share", 1.0}},
                              }));
    CHECK(weeks["month_only"] == json::array({{{"value", "2024-12"}, {"count", 1}, {"base", 1}, {"share", 1.0}}}));
    CHECK(weeks["year_only"] == json::array({{{"value", "2024"}, {"count", 0}, {"base", 1}, {"share", 0.0}}}));
    CHECK(weeks["unknown"] == json{{"count", 1}, {"base", 1}, {"share", 1.0}});

    json days = search_json(db, {"--facet", "day", "--limit", "0", ""})["facets"]["day"]["buckets"];
    REQUIRE(days.size() == 8);  // 2024-12-30 .. 2025-01-06, the empty days as 0
    CHECK(days[2] == json{{"value", "2025-01-01"}, {"count", 1}});
    CHECK(days[3] == json{{"value", "2025-01-02"}, {"count", 0}});

    // The terminal labels every row in full: the periods, the groups and "unknown".
    ToolRun text = search(db, {"--color", "never", "--facet", "week", "--facet", "year", "--limit", "0", ""});
    CHECK_THAT(text.out, Catch::Contains("  2025-W01      3 ███"));
    CHECK_THAT(text.out, Catch::Contains("  month only\n  2024-12       1 "));
    CHECK_THAT(text.out, Catch::Contains("  unknown       1 "));
    CHECK_THAT(text.out, Catch::Contains("  unknown      1 "));  // the year facet's labels are 7 wide
    CHECK_THAT(text.out, !Catch::Contains("unkn "));
}

TEST_CASE("issue 18: a comparison's columns equal the single-query timelines", "[e2e][trend]") {
    const std::vector<std::string> queries{"Putin", "Rosatom", "Lavrov", "\"Min Aung Hlaing\""};
    TempDir out;
    std::vector<std::string> args{"--facet", "month", "--facet", "week", "--share", "--limit", "0",
                                  "--chart", (out / "compare.csv").string()};
    for (const auto& query : queries) args.insert(args.end(), {"--compare", query});
    args.push_back("");
    json compared = search_json(seeds_index(), args)["facets"];
    for (const char* period : {"month", "week"}) {
        const json& timeline = compared[period];
        CHECK(timeline["queries"] == json(queries));
        for (std::size_t i = 0; i < queries.size(); ++i) {
            INFO(period << " " << queries[i]);
            json single = search_json(seeds_index(), {"--facet", period, "--share", "--limit", "0", queries[i]})["facets"][period];
            REQUIRE(single["buckets"].size() == timeline["buckets"].size());
            for (std::size_t b = 0; b < single["buckets"].size(); ++b) {
                const json& row = timeline["buckets"][b];
                CHECK(row["value"] == single["buckets"][b]["value"]);
                CHECK(row["counts"][i] == single["buckets"][b]["count"]);
                CHECK(row["base"] == single["buckets"][b]["base"]);
                CHECK(row["shares"][i] == single["buckets"][b]["share"]);
            }
            CHECK(timeline["unknown"]["counts"][i] == single["unknown"]["count"]);
        }
    }

    // The CSV of the comparison: a column per query, then the base and the shares.
    auto records = parse_strict_csv(read_file(out / "compare.csv"));
    REQUIRE(records.size() == compared["month"]["buckets"].size() + 2);  // the header, the months, the undated
    CHECK(records[0] == std::vector<std::string>{"period", "bucket", "Putin", "Rosatom", "Lavrov", "\"Min Aung Hlaing\"",
                                                 "base", "Putin share", "Rosatom share", "Lavrov share",
                                                 "\"Min Aung Hlaing\" share"});
    for (std::size_t b = 0; b < compared["month"]["buckets"].size(); ++b) {
        const json& row = compared["month"]["buckets"][b];
        CHECK(records[b + 1][0] == row["value"]);
        CHECK(records[b + 1][1] == "month");
        for (std::size_t i = 0; i < queries.size(); ++i) CHECK(records[b + 1][2 + i] == std::to_string(row["counts"][i].get<int>()));
        CHECK(records[b + 1][6] == std::to_string(row["base"].get<int>()));
    }
    CHECK(records.back()[1] == "undated");

    // In the terminal: a table with a column per query.
    ToolRun text = search(seeds_index(), {"--color", "never", "--facet", "year", "--compare", "Putin", "--compare",
                                          "Rosatom", "--limit", "0", ""});
    CHECK_THAT(text.out, Catch::Contains("year\n          Putin  Rosatom\n  2022        3        1\n"));
}

TEST_CASE("issue 18: CSV export parses back strictly with commas, quotes and newlines intact", "[e2e][trend][export]") {
    TempDir db;
    index_records(db, R"({"id": "q1", "title": "Talks, at last: \"No deal\", says minister", "source": "Wire, Inc.", "url": "https://example.org/a?x=1,2", "body": "First paragraph, with a comma.\nSecond \"quoted\" paragraph.\nThird: Zürich, naïve café.", "date": "2023-05-06"})" "\n"
                      R"({"id": "q2", "title": "=SUM(A1) and 'single' quotes", "author": "O'Neil, \"Jo\"", "body": "President Joe Biden met Angela Merkel in Berlin.\n\nA line after a blank line.", "date": "2023-05"})" "\n"
                      R"({"id": "q3", "title": "Title with a\nline break and\ttab", "body": "Plain body.", "lang": "en"})" "\n");
    ToolRun run = search(db, {"--format", "csv", "--body", "--no-collapse", ""});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    auto records = parse_strict_csv(run.out);
    REQUIRE(records.size() == 4);
    CHECK(records[0] == std::vector<std::string>{"id", "title", "date", "date_precision", "source", "url", "author",
                                                 "lang", "person", "org", "place", "cluster", "copies", "copy_ids",
                                                 "near_copies", "body"});
    std::set<std::string> ids;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const auto& row = records[r];
        json shown = search_json(db, {"--show", row[0]});
        INFO(row[0]);
        ids.insert(row[0]);
        // CSV has no null: a missing value (null in JSON) is an empty field.
        auto text = [&](const char* key) { return shown[key].is_null() ? std::string() : shown[key].get<std::string>(); };
        CHECK(row[1] == text("title"));
        CHECK(row[2] == text("date"));
        CHECK(row[3] == text("date_precision"));
        CHECK(row[4] == text("source"));
        CHECK(row[5] == text("url"));
        CHECK(row[6] == text("author"));
        CHECK(row[7] == text("lang"));
        CHECK(row[8] == joined(shown["actors"]["person"]));
        CHECK(row[9] == joined(shown["actors"]["org"]));
        CHECK(row[10] == joined(shown["actors"]["place"]));
        CHECK(row[11] == text("cluster"));
        CHECK(row[12] == std::to_string(shown["also_seen"].size()));
        CHECK(row[14] == "0");
        CHECK(row[15] == shown["body"]);
    }
    CHECK(ids == std::set<std::string>{"q1", "q2", "q3"});
    CHECK_THAT(run.out, Catch::Contains("\"Talks, at last: \"\"No deal\"\", says minister\""));
    CHECK_THAT(run.out, Catch::Contains("\"First paragraph, with a comma.\n\nSecond \"\"quoted\"\" paragraph."));

    // Without --body there is no body column; a query narrows the rows.
    auto narrowed = parse_strict_csv(search(db, {"--format", "csv", "Biden"}).out);
    REQUIRE(narrowed.size() == 2);
    CHECK(narrowed[0].size() == 15);
    CHECK(narrowed[1][0] == "q2");
    CHECK(narrowed[1][8] == "Joe Biden; Angela Merkel");
    CHECK(search(db, {"--format", "csv", "zzznothing"}).exit_code == 1);
}

TEST_CASE("issue 18: CSV and JSON Lines exports of every BBC article equal --show of each", "[e2e][trend][export][bbc]") {
    ToolRun jsonl = search(bbc_index(), {"--format", "jsonl", "--body", "--no-collapse", ""});
    INFO(jsonl.err);
    REQUIRE(jsonl.exit_code == 0);
    std::vector<json> lines = json_lines(jsonl.out);
    REQUIRE(lines.size() == count_of(bbc_index(), {"--no-collapse", ""}));
    REQUIRE(lines.size() == 2124);

    // Each line is --show's object (as the show request renders it) plus near_copies.
    Xapian::Database db(bbc_index().path().string());
    std::set<std::string> ids;
    std::size_t with_copies = 0, with_near_copies = 0;
    for (json& line : lines) {
        const std::string id = line["id"];
        ids.insert(id);
        INFO(id);
        REQUIRE(line.contains("near_copies"));
        with_near_copies += line["near_copies"].get<std::size_t>() > 0;
        with_copies += !line["also_seen"].empty();
        line.erase("near_copies");
        auto found = find_article(db, id);
        REQUIRE(found);
        CHECK(line == json::parse(render_article_json(*found)));
    }
    CHECK(ids.size() == lines.size());
    CHECK(with_copies > 90);  // the 98 groups of byte-identical files (three more differ a little)
    CHECK(with_near_copies > 0);
    // And through the binary, for a sample.
    for (std::size_t i = 0; i < lines.size(); i += 97) {
        json shown = search_json(bbc_index(), {"--show", lines[i]["id"]});
        CHECK(lines[i] == shown);
    }

    // The CSV of the same articles parses strictly and holds the same fields.
    ToolRun csv = search(bbc_index(), {"--format", "csv", "--body", "--no-collapse", ""});
    REQUIRE(csv.exit_code == 0);
    auto records = parse_strict_csv(csv.out);
    REQUIRE(records.size() == lines.size() + 1);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& row = records[i + 1];
        const json& line = lines[i];
        INFO(row[0]);
        CHECK(row[0] == line["id"]);
        CHECK(row[1] == line["title"]);
        CHECK(row[8] == joined(line["actors"]["person"]));
        CHECK(row[12] == std::to_string(line["also_seen"].size()));
        CHECK(row[15] == line["body"]);
    }

    // Collapsed (the default), one record per story; without --body, no body.
    std::vector<json> stories = json_lines(search(bbc_index(), {"--format", "jsonl", ""}).out);
    CHECK(stories.size() == count_of(bbc_index(), {""}));
    CHECK(stories.size() < lines.size());
    CHECK_FALSE(stories.front().contains("body"));
    CHECK_FALSE(stories.front().contains("paragraphs"));
}

TEST_CASE("issue 18: the actor network's edge weights equal --actor A --actor B --count", "[e2e][trend][network]") {
    TempDir out;
    struct Case {
        const TempDir* db;
        std::string file;
        std::vector<std::string> flags;  ///< also given to --count
        std::string query;
        std::size_t min;
    };
    for (const Case& c : {Case{&seeds_index(), "seeds.gexf", {}, "", 1},
                          Case{&bbc_index(), "bbc.graphml", {"--no-collapse"}, "election", 3}}) {
        INFO(c.file);
        std::vector<std::string> args = c.flags;
        args.insert(args.end(), {"--limit", "0", "--network", (out / c.file).string(), "--network-min",
                                 std::to_string(c.min), c.query});
        ToolRun run = search(*c.db, args);
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        auto lines = xml_lines(out / c.file);
        REQUIRE(!lines.empty());
        CHECK(lines[0][0] == (c.file.ends_with(".gexf") ? "gexf" : "graphml"));
        std::map<std::string, std::size_t> name_uses;
        std::map<std::string, std::string> type_of;
        std::vector<std::vector<std::string>> edges;
        for (const auto& line : lines) {
            if (line[0] == "N") {
                ++name_uses[line[1]];
                type_of[line[1]] = line[2];
            }
            if (line[0] == "E") edges.push_back(line);
        }
        // The query asking for an actor of the node's type: a name may also be an actor of another
        // type in articles whose edges fell under --network-min ("Veritas" the party, and once,
        // mistaken, a person).
        auto typed = [&](const std::string& name) { return type_of[name] + ":\"" + name + "\""; };
        REQUIRE(edges.size() > 20);
        // Heaviest first; a sample of edges whose names are not shared by two actors of different types.
        std::size_t checked = 0;
        for (std::size_t i = 0; i < edges.size(); i += (i < 10 ? 1 : edges.size() / 15)) {
            const auto& edge = edges[i];
            if (name_uses[edge[1]] > 1 || name_uses[edge[2]] > 1) continue;
            CHECK(std::stoul(edge[3]) >= c.min);
            std::vector<std::string> count_args = c.flags;
            count_args.push_back(c.query + " " + typed(edge[1]) + " " + typed(edge[2]));
            INFO(edge[1] << " + " << edge[2]);
            CHECK(count_of(*c.db, count_args) == std::stoul(edge[3]));
            ++checked;
        }
        CHECK(checked >= 10);
        // A node's article count is --actor NAME --count.
        for (const auto& line : lines) {
            if (line[0] != "N" || name_uses[line[1]] > 1) continue;
            std::vector<std::string> count_args = c.flags;
            count_args.insert(count_args.end(), {"--actor", line[1], c.query});
            CHECK(count_of(*c.db, count_args) == std::stoul(line[3]));
            break;
        }
    }
}

TEST_CASE("issue 18: a month share chart of a generated multi-year corpus has one point per month", "[e2e][trend][chart]") {
    TempDir dir;
    ToolRun generate = run_tool(tool("generate-corpus"), {"--count", "2000", "--seed", "18", "--model-from",
                                                          (shared_corpus() / "bbc").string(), "--out",
                                                          (dir / "corpus.jsonl").string()});
    INFO(generate.err);
    REQUIRE(generate.exit_code == 0);
    TempDir db;
    ToolRun index = run_tool(tool("news-index"), {"--db", db.path().string(), (dir / "corpus.jsonl").string()});
    REQUIRE(index.exit_code == 0);

    json months = search_json(db, {"--facet", "month", "--share", "--limit", "0", "--chart", (dir / "chart.svg").string(),
                                   "government"})["facets"]["month"];
    const json& buckets = months["buckets"];
    // The generator spreads dates over 2015-2024: ten years of months.
    REQUIRE(buckets.size() == 120);
    CHECK(buckets.front()["value"] == "2015-01");
    CHECK(buckets.back()["value"] == "2024-12");
    std::vector<std::string> expected_points;
    for (const auto& row : buckets) {
        REQUIRE(row["base"].get<std::size_t>() > 0);
        expected_points.push_back(row["value"].get<std::string>() + " · government: " +
                                  std::to_string(row["count"].get<int>()));
    }
    auto lines = xml_lines(dir / "chart.svg");
    REQUIRE(lines.size() > 2);
    CHECK(lines[0][0] == "svg");
    CHECK(lines[1][0] == "{http://www.w3.org/2000/svg}svg");
    std::vector<std::string> points, x_labels;
    for (const auto& line : lines) {
        if (line[0] == "point") points.push_back(line[1].substr(0, line[1].find(" of ")));
        if (line[0] == "x-label") x_labels.push_back(line[1]);
        if (line[0] == "title") CHECK(line[1] == "Share of stories matching \u201cgovernment\u201d, by month");
    }
    CHECK(points == expected_points);
    CHECK(x_labels == std::vector<std::string>{"2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024"});

    // The same chart's data as CSV, and as PNG where rsvg-convert is installed.
    ToolRun csv = search(db, {"--facet", "month", "--share", "--limit", "0", "--chart", (dir / "chart.csv").string(), "government"});
    REQUIRE(csv.exit_code == 0);
    CHECK(parse_strict_csv(read_file(dir / "chart.csv")).size() == 1 + 120 + 1);  // the header, the months, the undated
    if (std::filesystem::exists("/usr/bin/rsvg-convert")) {
        ToolRun png = search(db, {"--facet", "month", "--share", "--limit", "0", "--chart", (dir / "chart.png").string(), "government"});
        INFO(png.err);
        REQUIRE(png.exit_code == 0);
        CHECK(read_file(dir / "chart.png").substr(0, 8) == "\x89PNG\r\n\x1a\n");
    }

    // A top-N actor facet as bars.
    json people = search_json(db, {"--facet", "person", "--facet-limit", "7", "--limit", "0", "--chart",
                                   (dir / "people.svg").string(), ""});
    REQUIRE(people["facets"]["person"].size() == 7);
    auto bars = xml_lines(dir / "people.svg");
    CHECK(std::count_if(bars.begin(), bars.end(), [](const auto& line) { return line[0] == "bar"; }) == 7);
}

TEST_CASE("issue 18: charts, networks and exports refuse what they cannot do", "[e2e][trend]") {
    TempDir out;
    struct Case {
        std::vector<std::string> args;
        const char* message;
    };
    for (const Case& c : std::vector<Case>{
             {{"--facet", "month", "--chart", (out / "x.pdf").string(), ""}, "must end in .svg, .png or .csv"},
             {{"--chart", (out / "x.svg").string(), ""}, "--chart needs a facet"},
             {{"--network", (out / "x.txt").string(), ""}, "must end in .gexf or .graphml"},
             {{"--share", ""}, "--share needs a date facet"},
             {{"--compare", "Putin", ""}, "--compare needs a date facet"},
             {{"--format", "xml", ""}, "--format"},
             {{"--format", "csv", "--json", ""}, "excludes"},
             {{"--format", "csv", "--facet", "month", ""}, "excludes"},
             {{"--format", "csv", "--limit", "5", ""}, "excludes"},
             {{"--chart", (out / "x.svg").string(), "--info"}, "excludes"},
         }) {
        ToolRun run = search(seeds_index(), c.args);
        INFO(c.args[0] << " " << c.args[1]);
        CHECK(run.exit_code == 2);
        CHECK_THAT(run.err, Catch::Contains(c.message));
        CHECK_FALSE(std::filesystem::exists(out / "x.svg"));
    }
}
