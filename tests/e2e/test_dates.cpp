// Issue "Dates": facets, filters and sorting on the demo corpus through the real binaries.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>

#include "tests/support/paths.hpp"
#include "tests/support/run_tool.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/shared_indexes.hpp"

using namespace newsdex::test;
using nlohmann::json;

namespace {

ToolRun search(std::vector<std::string> args) { return search(seeds_index(), std::move(args)); }

json search_json(std::vector<std::string> args) { return search_json(seeds_index(), std::move(args)); }

std::vector<std::string> short_ids(const json& result) {
    std::vector<std::string> ids;
    for (const auto& hit : result["results"]) ids.push_back(hit["id"].get<std::string>().substr(0, 3));
    return ids;
}

std::set<std::string> id_set(const json& result) {
    auto ids = short_ids(result);
    return {ids.begin(), ids.end()};
}

}  // namespace

TEST_CASE("the month facet counts every article, in chronological order", "[e2e][dates]") {
    json months = search_json({"--facet", "month", "--limit", "0", ""})["facets"]["month"]["buckets"];
    // Every month from 2022-08 to 2025-03, the empty ones as 0, as the text chart shows them.
    REQUIRE(months.size() == 32);
    CHECK(months.front() == json{{"value", "2022-08"}, {"count", 2}});
    CHECK(months[1] == json{{"value", "2022-09"}, {"count", 2}});
    CHECK(months[2] == json{{"value", "2022-10"}, {"count", 0}});
    CHECK(months.back() == json{{"value", "2025-03"}, {"count", 1}});
    std::size_t total = 0;
    for (const auto& month : months) total += month["count"].get<std::size_t>();
    CHECK(total == 5);
    json years = search_json({"--facet", "year", "--limit", "0", ""})["facets"]["year"]["buckets"];
    CHECK(years == json::array({{{"value", "2022"}, {"count", 4}},
                                {{"value", "2023"}, {"count", 0}},
                                {{"value", "2024"}, {"count", 0}},
                                {{"value", "2025"}, {"count", 1}}}));
}

TEST_CASE("date filters select by month, by range and in the query string", "[e2e][dates]") {
    CHECK(id_set(search_json({"--month", "2022-09", ""})) == std::set<std::string>{"001", "003"});
    CHECK(id_set(search_json({"--from", "2025-01-01", ""})) == std::set<std::string>{"004"});
    CHECK(id_set(search_json({"--from", "March 1, 2025", "--to", "2025-03-31", ""})) == std::set<std::string>{"004"});
    CHECK(id_set(search_json({"--to", "2022-08", ""})) == std::set<std::string>{"000", "002"});
    CHECK(id_set(search_json({"month:2022-08"})) == std::set<std::string>{"000", "002"});
    CHECK(id_set(search_json({"Putin date:2022-09-01..2022-09-30"})) == std::set<std::string>{"001", "003"});
    CHECK(id_set(search_json({"date:2025-01-01.."})) == std::set<std::string>{"004"});
}

TEST_CASE("a bad date in a filter is a usage error", "[e2e][dates]") {
    ToolRun run = search({"--from", "2022-02-30", ""});
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Catch::Contains("not a date"));
    CHECK(search({"--month", "garbage", ""}).exit_code == 2);
}

TEST_CASE("sort by date lists the newest first, -date the oldest first", "[e2e][dates]") {
    auto newest = short_ids(search_json({"--sort", "date", ""}));
    REQUIRE(newest.size() == 5);
    CHECK(newest.front() == "004");
    auto oldest = short_ids(search_json({"--sort", "-date", ""}));
    CHECK(oldest.back() == "004");
    CHECK((oldest.front() == "002" || oldest.front() == "000"));
}

TEST_CASE("the terminal month facet draws a timeline with the empty months between", "[e2e][dates]") {
    ToolRun run = search({"--color", "never", "--facet", "month", "--limit", "0", ""});
    REQUIRE(run.exit_code == 0);
    CHECK_THAT(run.out, Catch::Contains("2022-08      2 ████"));
    CHECK_THAT(run.out, Catch::Contains("2023-06      0 \n"));
    CHECK_THAT(run.out, Catch::Contains("2025-03      1 ████"));
    // 2022-08 .. 2025-03 is 32 months: every one gets a row.
    CHECK(std::count(run.out.begin(), run.out.end(), '\n') >= 32);
}

TEST_CASE("the index summary counts dated and undated articles", "[e2e][dates]") {
    TempDir db;
    std::string input = R"({"id": "a", "title": "T", "body": "B one.", "date": "Thu, 11 Aug 2022 09:30:00 GMT"})" "\n"
                        R"({"id": "b", "title": "T", "body": "B two.", "date": "2022-02-30"})" "\n"
                        R"({"id": "c", "title": "T", "body": "B three.", "date": 1660210200})" "\n";
    ToolRun run = run_tool(tool("news-index"), {"--db", db.path().string(), "--json", "-"}, input);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    json summary = json::parse(run.out);
    CHECK(summary["dated"] == 2);
    CHECK(summary["undated"] == 1);
    CHECK_THAT(run.err, Catch::Contains("-:2: warning: unknown or impossible date \"2022-02-30\""));
    ToolRun facet = run_tool(tool("news-search"), {"--db", db.path().string(), "--json", "--facet", "month", ""});
    json months = json::parse(facet.out)["facets"]["month"];
    // Undated articles are counted apart from the months, not inside the list.
    CHECK(months["buckets"] == json::array({{{"value", "2022-08"}, {"count", 2}}}));
    CHECK(months["year_only"] == json::array());
    CHECK(months["unknown"] == json{{"count", 1}});
}
