// The BBC corpus through the real binaries: exact duplicates, the invalid UTF-8 file.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/paths.hpp"
#include "tests/support/run_tool.hpp"
#include "tests/support/temp_dir.hpp"

using namespace newsdex::test;
using nlohmann::json;

namespace {

struct BbcIndex {
    TempDir db;
    ToolRun run;
    json summary;
};

const BbcIndex& bbc_index() {
    static BbcIndex index;
    static bool built = false;
    if (!built) {
        index.run = run_tool(tool("news-index"), {"--db", index.db.path().string(), "--json", (shared_corpus() / "bbc").string()});
        INFO(index.run.err);
        REQUIRE(index.run.exit_code == 0);
        index.summary = json::parse(index.run.out);
        built = true;
    }
    return index;
}

json search(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", bbc_index().db.path().string(), "--json"});
    ToolRun run = run_tool(tool("news-search"), args);
    INFO(run.err);
    REQUIRE(run.exit_code <= 1);
    return json::parse(run.out);
}

}  // namespace

TEST_CASE("the BBC corpus indexes every article once, folding its exact duplicates", "[e2e][bbc][dedup]") {
    const json& summary = bbc_index().summary;
    CHECK(summary["read"] == 2225);
    CHECK(summary["rejected"] == 0);
    // 2,225 files hold 2,127 distinct byte contents (98 groups of byte-identical copies).
    // Three more pairs have identical cleaned text: sport/181-182 and sport/432-438 differ
    // only in where paragraphs break, sport/332-344 only in letter case ("Grand Slam").
    CHECK(summary["duplicates"] == 101);
    CHECK(summary["indexed"] == 2124);
    CHECK(summary["documents"] == 2124);
}

TEST_CASE("the one invalid UTF-8 file of the BBC corpus gets one warning naming its byte", "[e2e][bbc][clean]") {
    const ToolRun& run = bbc_index().run;
    CHECK(bbc_index().summary["warnings"] == 1);
    CHECK_THAT(run.err, Catch::Contains("sport/199.txt: warning: invalid UTF-8 at byte 257"));
}

TEST_CASE("the kept copy of a duplicated BBC article lists both files, and the copy's id finds it", "[e2e][bbc][dedup]") {
    json kept = search({"--show", "business/007"});
    REQUIRE(kept["also_seen"].size() == 1);
    CHECK(kept["also_seen"][0]["id"] == "business/253");
    CHECK_THAT(kept["file"].get<std::string>(), Catch::EndsWith("business/007.txt"));
    CHECK_THAT(kept["also_seen"][0]["file"].get<std::string>(), Catch::EndsWith("business/253.txt"));
    json copy = search({"--show", "business/253"});
    CHECK(copy["id"] == "business/007");
}

TEST_CASE("re-indexing the BBC corpus changes nothing", "[e2e][bbc]") {
    ToolRun again = run_tool(tool("news-index"), {"--db", bbc_index().db.path().string(), "--json", (shared_corpus() / "bbc").string()});
    REQUIRE(again.exit_code == 0);
    json summary = json::parse(again.out);
    CHECK(summary["indexed"] == 0);
    CHECK(summary["unchanged"] == 2225);
    CHECK(summary["documents"] == 2124);
}
