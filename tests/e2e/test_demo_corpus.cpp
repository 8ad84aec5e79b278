// The foundation acceptance checks (issue 2) on the demo corpus, run through the real binaries.
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

const std::string seeds = (source_dir() / "corpus" / "seeds").string();

std::set<std::string> ids_of(const json& result) {
    std::set<std::string> ids;
    for (const auto& hit : result["results"]) ids.insert(hit["id"].get<std::string>());
    return ids;
}

}  // namespace

TEST_CASE("indexing the demo corpus reports five articles indexed", "[e2e][demo]") {
    TempDir db;
    ToolRun run = run_tool(tool("news-index"), {"--db", db.path().string(), "--json", seeds});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    json summary = json::parse(run.out);
    CHECK(summary["read"] == 5);
    CHECK(summary["indexed"] == 5);
    CHECK(summary["unchanged"] == 0);
    CHECK(summary["rejected"] == 0);
    for (const char* key : {"seconds", "docs_per_second", "bytes"}) CHECK(summary.contains(key));
    CHECK(summary["bytes"].get<long>() > 20000);
}

TEST_CASE("indexing the demo corpus twice leaves the index unchanged", "[e2e][demo]") {
    TempDir db;
    REQUIRE(run_tool(tool("news-index"), {"--db", db.path().string(), seeds}).exit_code == 0);
    ToolRun again = run_tool(tool("news-index"), {"--db", db.path().string(), "--json", seeds});
    REQUIRE(again.exit_code == 0);
    json summary = json::parse(again.out);
    CHECK(summary["unchanged"] == 5);
    CHECK(summary["indexed"] == 0);
    json all = search_json(db, {"--limit", "0", ""});
    CHECK(all["total"] == 5);
    CHECK(all["results"].empty());
}

TEST_CASE("Rosatom finds only the Vladivostok meeting article", "[e2e][demo]") {
    json result = search_json(seeds_index(), {"Rosatom"});
    REQUIRE(result["total"] == 1);
    CHECK_THAT(result["results"][0]["id"].get<std::string>(), Catch::EndsWith("001_644cae95aa9a28a1"));
}

TEST_CASE("a phrase query finds the article by phrase", "[e2e][demo]") {
    json result = search_json(seeds_index(), {"\"small modular reactors\""});
    REQUIRE(result["total"] == 1);
    CHECK_THAT(result["results"][0]["id"].get<std::string>(), Catch::EndsWith("001_644cae95aa9a28a1"));
    CHECK_THAT(result["results"][0]["snippet"].get<std::string>(),
               Catch::Contains("<mark>small modular reactors</mark>"));
}

TEST_CASE("Vladivostok returns 001 and 003 with the word marked in each snippet", "[e2e][demo]") {
    json result = search_json(seeds_index(), {"Vladivostok"});
    std::set<std::string> ids = ids_of(result);
    REQUIRE(ids.size() == 2);
    CHECK(std::count_if(ids.begin(), ids.end(), [](const std::string& id) { return id.ends_with("001_644cae95aa9a28a1"); }) == 1);
    CHECK(std::count_if(ids.begin(), ids.end(), [](const std::string& id) { return id.ends_with("003_41de00c8af1ba046"); }) == 1);
    for (const auto& hit : result["results"]) {
        CHECK_THAT(hit["snippet"].get<std::string>(), Catch::Contains("<mark>Vladivostok</mark>"));
        for (const char* key : {"id", "rank", "score", "title", "date", "source", "url", "snippet"}) CHECK(hit.contains(key));
    }
    for (const char* key : {"query", "total", "offset", "results", "took_ms"}) CHECK(result.contains(key));
}

TEST_CASE("a word in no article exits 1 like grep", "[e2e][demo]") {
    ToolRun run = search(seeds_index(), {"zzzunknownword"});
    CHECK(run.exit_code == 1);
    CHECK(search(seeds_index(), {"Myanmar"}).exit_code == 0);
}

TEST_CASE("a malformed query gets one line on stderr and exit code 2", "[e2e][demo]") {
    ToolRun run = search(seeds_index(), {"Myanmar AND"});
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Catch::StartsWith("news-search: error: bad query"));
    CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
}

TEST_CASE("an empty query matches every article and --limit 0 prints no results", "[e2e][demo]") {
    json result = search_json(seeds_index(), {"--limit", "0", ""});
    CHECK(result["total"] == 5);
    CHECK(result["results"].empty());
    CHECK(search_json(seeds_index(), {""})["results"].size() == 5);
}

TEST_CASE("limit and offset page through the results", "[e2e][demo]") {
    json first = search_json(seeds_index(), {"--limit", "2", "Myanmar"});
    json second = search_json(seeds_index(), {"--limit", "2", "--offset", "2", "Myanmar"});
    REQUIRE(first["results"].size() == 2);
    REQUIRE(second["results"].size() == 2);
    CHECK(second["offset"] == 2);
    CHECK(second["results"][0]["rank"] == 3);
    std::set<std::string> a = ids_of(first), b = ids_of(second);
    for (const auto& id : a) CHECK(b.count(id) == 0);
}

TEST_CASE("news-search --show prints the stored article with its metadata", "[e2e][demo]") {
    ToolRun run = search(seeds_index(), {"--show", "000_22dd8a7c27f56fa9", "--json"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    json article = json::parse(run.out);
    CHECK(article["id"] == "000_22dd8a7c27f56fa9");
    CHECK(article["source"] == "AUN News");
    CHECK(article["date"] == "2022-08-11");
    CHECK_THAT(article["body"].get<std::string>(), Catch::Contains("Sergei Lavrov, Russia’s foreign minister"));
    CHECK(search(seeds_index(), {"--show", "no-such-id"}).exit_code == 1);
}

TEST_CASE("JSON Lines on stdin are indexed and searchable", "[e2e][reader]") {
    TempDir db;
    std::string input =
        R"({"id": "a1", "title": "Harbour strike ends", "body": "Dockers in Rotterdam returned to work.\nTalks went on.", "date": "2024-05-02", "source": "Wire"})" "\n"
        R"({"id": "a2", "title": "Second", "text": "Nothing about harbours here.", "extra": [1, 2, 3]})" "\n";
    ToolRun run = run_tool(tool("news-index"), {"--db", db.path().string(), "--json", "-"}, input);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(json::parse(run.out)["indexed"] == 2);
    json result = search_json(db, {"Rotterdam"});
    REQUIRE(result["total"] == 1);
    CHECK(result["results"][0]["id"] == "a1");
    CHECK(result["results"][0]["source"] == "Wire");
}

TEST_CASE("a rejected record is reported with its line and the run goes on with exit code 1", "[e2e][reader]") {
    TempDir db;
    std::string input = "{\"id\": \"ok\", \"title\": \"Fine\", \"body\": \"Good text.\"}\n"
                        "{\"id\": \"bad\", \"title\": 5, \"body\": \"x\"}\n"
                        "{\"id\": \"trunc\", \"title\": \"Cut\n";
    ToolRun run = run_tool(tool("news-index"), {"--db", db.path().string(), "--json", "-"}, input);
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.err, Catch::Contains("news-index: -:2: field \"title\" must be a string"));
    CHECK_THAT(run.err, Catch::Contains("news-index: -:3: malformed JSON"));
    json summary = json::parse(run.out);
    CHECK(summary["indexed"] == 1);
    CHECK(summary["rejected"] == 2);
}

TEST_CASE("news-index without --db is a usage error with exit code 2", "[e2e][cli]") {
    ToolRun run = run_tool(tool("news-index"), {seeds});
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Catch::StartsWith("news-index: error:"));
    CHECK(run_tool(tool("news-index"), {"--help"}).exit_code == 0);
    CHECK(run_tool(tool("news-search"), {"--db", "/nonexistent/index", "x"}).exit_code == 2);
}
