#include "tests/support/shared_indexes.hpp"

#include <catch2/catch.hpp>

#include "tests/support/paths.hpp"

namespace newsdex::test {
namespace {

const TempDir& index_once(TempDir& db, bool& built, const std::filesystem::path& input) {
    if (!built) {
        ToolRun run = run_tool(tool("news-index"), {"--db", db.path().string(), input.string()});
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        built = true;
    }
    return db;
}

}  // namespace

const TempDir& seeds_index() {
    static TempDir db;
    static bool built = false;
    return index_once(db, built, source_dir() / "corpus" / "seeds");
}

const TempDir& bbc_index() {
    static TempDir db;
    static bool built = false;
    return index_once(db, built, shared_corpus() / "bbc");
}

const TempDir& geo_articles_index() {
    static TempDir db;
    static bool built = false;
    return index_once(db, built, test_data() / "geo_articles");
}

ToolRun search(const TempDir& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db.path().string()});
    return run_tool(tool("news-search"), args);
}

nlohmann::json search_json(const TempDir& db, std::vector<std::string> args) {
    args.push_back("--json");
    ToolRun run = search(db, std::move(args));
    INFO(run.err);
    REQUIRE(run.exit_code <= 1);
    return nlohmann::json::parse(run.out);
}

}  // namespace newsdex::test
