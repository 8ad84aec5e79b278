// Issue "Clean text": the stored bodies of the five seeds, through the real binaries.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/paths.hpp"
#include "tests/support/run_tool.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/shared_indexes.hpp"

using namespace newsdex::test;
using nlohmann::json;

namespace {

json stored(const std::string& id) {
    ToolRun run = run_tool(tool("news-search"), {"--db", seeds_index().path().string(), "--show", id, "--json"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    return json::parse(run.out);
}

}  // namespace

TEST_CASE("the stored seeds hold no web furniture and every paragraph of the article proper", "[e2e][clean][seeds]") {
    struct Seed {
        std::string id;
        std::size_t paragraphs;  // counted by hand: the article proper, without furniture or repeats
    };
    auto [id, expected] = GENERATE(values<Seed>({{"000_22dd8a7c27f56fa9", 36},
                                                 {"001_644cae95aa9a28a1", 21},
                                                 {"002_4e6b91d72cce0c30", 16},
                                                 {"003_41de00c8af1ba046", 11},
                                                 {"004_5b07e82036b59744", 12}}));
    json article = stored(id);
    const std::string body = article["body"];
    INFO(id);
    for (const char* furniture : {"Share post:", "More like this", "About Author", "Comments are closed.",
                                  "Please enter your comment!", "Please enter your name here", "No comments yet",
                                  "News by AUN News correspondent", "Defying the Norms"}) {
        CHECK(body.find(furniture) == std::string::npos);
    }
    for (const auto& paragraph : article["paragraphs"]) {
        CHECK(paragraph != "Share.");
        CHECK(paragraph != "0");
        CHECK(paragraph != "Comments");
    }
    CHECK(article["paragraphs"].size() == expected);
    CHECK(article["title"].get<std::string>().find("AUN News") == std::string::npos);
}

TEST_CASE("seed 001 stores the presidential aide paragraph exactly once", "[e2e][clean][seeds]") {
    const std::string body = stored("001_644cae95aa9a28a1")["body"];
    const std::string aide = "According to a presidential aide, Russia and Myanmar were in agreement";
    auto first = body.find(aide);
    REQUIRE(first != std::string::npos);
    CHECK(body.find(aide, first + 1) == std::string::npos);
}

TEST_CASE("seed 000 keeps its garbled text and takes its source from metadata", "[e2e][clean][seeds]") {
    json article = stored("000_22dd8a7c27f56fa9");
    CHECK_THAT(article["body"].get<std::string>(), Catch::Contains("have an exact recognize the takeover formallyellent foundation"));
    CHECK(article["title"] == "Russia and Myanmar’s solidarity as Pariahs");
    CHECK(article["source"] == "AUN News");
}

TEST_CASE("explain shows each removed paragraph of seed 000 with its reason", "[e2e][clean][explain]") {
    ToolRun run = run_tool(tool("news-index"),
                           {"--explain", (source_dir() / "corpus" / "seeds" / "000_22dd8a7c27f56fa9.txt").string(), "--json"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    json explained = json::parse(run.out);
    CHECK(explained["source"] == "AUN News");
    std::map<std::string, int> reasons;
    for (const auto& removal : explained["removed"]) ++reasons[removal["reason"]];
    CHECK(reasons["source-line"] == 1);
    CHECK(reasons["title"] >= 1);
    CHECK(reasons["tail"] >= 9);  // "More like this" and the eight teaser lines after it
    CHECK(explained["paragraphs"].size() == 36);
}

TEST_CASE("the summary counts removed paragraphs by reason", "[e2e][clean]") {
    TempDir db;
    ToolRun run = run_tool(tool("news-index"), {"--db", db.path().string(), "--json", (source_dir() / "corpus" / "seeds").string()});
    REQUIRE(run.exit_code == 0);
    json removed = json::parse(run.out)["paragraphs_removed"];
    CHECK(removed["repeated"].get<int>() >= 1);
    CHECK(removed["tail"].get<int>() >= 9);
    CHECK(removed["source-line"] == 1);
    CHECK(removed.contains("boilerplate"));
    CHECK(removed.contains("title"));
}
