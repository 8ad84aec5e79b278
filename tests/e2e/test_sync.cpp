// Issue 20: an index that follows its sources. `news-index --sync` removes the articles whose
// file disappeared from a folder or whose id a re-read JSON Lines file no longer holds; a copy
// whose kept article goes takes the document over; without --sync nothing is ever removed.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/support/paths.hpp"
#include "tests/support/run_tool.hpp"
#include "tests/support/scoped_env.hpp"
#include "tests/support/temp_dir.hpp"

using namespace newsdex::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string bbc_text(const std::string& name) {
    std::ifstream in(shared_corpus() / "bbc" / "business" / name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

json index(const fs::path& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db.string(), "--json", "--no-progress"});
    ToolRun run = run_tool(tool("news-index"), args);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    return json::parse(run.out);
}

// The stored article `id`, or null when the index has no such id.
json show(const fs::path& db, const std::string& id) {
    ToolRun run = run_tool(tool("news-search"), {"--db", db.string(), "--json", "--show", id});
    if (run.exit_code != 0) return nullptr;
    return json::parse(run.out);
}

std::vector<std::string> ids_of(const json& list) {
    std::vector<std::string> ids;
    for (const auto& item : list) ids.push_back(item["id"].get<std::string>());
    std::sort(ids.begin(), ids.end());
    return ids;
}

// A folder of real articles: a/001 (kept), b/001-copy (its exact copy), c/001-near (a near
// copy: the same story with a sentence added), and a/002 … a/004.
struct Folder {
    TempDir dir;
    fs::path input = dir / "news";
    fs::path db = dir / "db";

    Folder() {
        dir.write("news/a/001.txt", bbc_text("001.txt"));
        dir.write("news/b/001-copy.txt", bbc_text("001.txt"));
        dir.write("news/c/001-near.txt", bbc_text("001.txt") + "\nAnalysts said the figures would be revised next month.\n");
        for (const char* name : {"002", "003", "004"}) dir.write(std::string("news/a/") + name + ".txt", bbc_text(std::string(name) + ".txt"));
        json first = index(db, {input.string()});
        REQUIRE(first["indexed"] == 5);
        REQUIRE(first["duplicates"] == 1);
        REQUIRE(first["near_duplicates"] == 1);
    }
};

}  // namespace

TEST_CASE("a file deleted from an indexed folder stays without --sync and goes with it", "[e2e][sync]") {
    Folder folder;
    fs::remove(folder.input / "a" / "002.txt");

    json plain = index(folder.db, {folder.input.string()});
    CHECK(plain["removed"] == 0);
    CHECK(plain["documents"] == 5);
    CHECK(show(folder.db, "a/002") != nullptr);

    json synced = index(folder.db, {"--sync", folder.input.string()});
    CHECK(synced["removed"] == 1);
    CHECK(synced["unchanged"] == 5);
    CHECK(synced["indexed"] == 0);
    CHECK(synced["documents"] == 4);
    CHECK(show(folder.db, "a/002") == nullptr);
    CHECK(show(folder.db, "a/003") != nullptr);

    // Once in step, another --sync run removes nothing.
    json again = index(folder.db, {"--sync", folder.input.string()});
    CHECK(again["removed"] == 0);
    CHECK(again["documents"] == 4);
}

TEST_CASE("when a kept article's file is deleted, its remaining copy takes the document over", "[e2e][sync]") {
    Folder folder;
    const json kept = show(folder.db, "a/001");
    REQUIRE(kept != nullptr);
    REQUIRE(ids_of(kept["also_seen"]) == std::vector<std::string>{"b/001-copy"});
    fs::remove(folder.input / "a" / "001.txt");

    json synced = index(folder.db, {"--sync", folder.input.string()});
    CHECK(synced["removed"] == 1);
    CHECK(synced["documents"] == 5);  // the document lives on under the copy's id

    CHECK(show(folder.db, "a/001") == nullptr);
    json heir = show(folder.db, "b/001-copy");
    REQUIRE(heir != nullptr);
    CHECK(heir["id"] == "b/001-copy");
    CHECK(heir["file"] == "b/001-copy.txt");
    CHECK(heir["also_seen"].empty());
    CHECK(heir["title"] == kept["title"]);

    // The near copy's cluster still holds both stories.
    ToolRun cluster = run_tool(tool("news-search"), {"--db", folder.db.string(), "--json", "--cluster", "c/001-near"});
    REQUIRE(cluster.exit_code == 0);
    CHECK(ids_of(json::parse(cluster.out)["members"]) == std::vector<std::string>{"b/001-copy", "c/001-near"});

    // Searching finds the text under the heir's id.
    ToolRun found = run_tool(tool("news-search"), {"--db", folder.db.string(), "--json", "--no-collapse", "Warner"});
    REQUIRE(found.exit_code == 0);
    std::vector<std::string> hits = ids_of(json::parse(found.out)["results"]);
    CHECK(std::find(hits.begin(), hits.end(), "b/001-copy") != hits.end());
    CHECK(std::find(hits.begin(), hits.end(), "a/001") == hits.end());

    json again = index(folder.db, {"--sync", folder.input.string()});
    CHECK(again["removed"] == 0);
    CHECK(again["documents"] == 5);
}

TEST_CASE("a deleted copy's file takes the copy off the kept document", "[e2e][sync]") {
    Folder folder;
    fs::remove(folder.input / "b" / "001-copy.txt");
    json synced = index(folder.db, {"--sync", folder.input.string()});
    CHECK(synced["removed"] == 1);
    CHECK(synced["documents"] == 5);
    json kept = show(folder.db, "a/001");
    REQUIRE(kept != nullptr);
    CHECK(kept["also_seen"].empty());
    CHECK(show(folder.db, "b/001-copy") == nullptr);
}

TEST_CASE("a re-read JSON Lines file without some ids removes those articles, and says so", "[e2e][sync]") {
    TempDir dir;
    const fs::path db = dir / "db";
    auto write_records = [&](const std::vector<std::string>& names) {
        std::string lines;
        for (const auto& name : names) {
            std::string text = bbc_text(name + ".txt");
            const auto title_end = text.find('\n');
            lines += json{{"id", "r" + name}, {"title", text.substr(0, title_end)}, {"body", text.substr(title_end + 1)}}.dump() + "\n";
        }
        return dir.write("feed.jsonl", lines);
    };
    const fs::path feed = write_records({"010", "011", "012", "013", "014"});
    json first = index(db, {feed.string()});
    REQUIRE(first["indexed"] == 5);

    write_records({"010", "011", "013"});
    ToolRun text_run = run_tool(tool("news-index"), {"--db", db.string(), "--no-progress", "--sync", feed.string()});
    INFO(text_run.err);
    REQUIRE(text_run.exit_code == 0);
    CHECK(text_run.err.find("removed 2") != std::string::npos);
    CHECK(show(db, "r012") == nullptr);
    CHECK(show(db, "r014") == nullptr);
    CHECK(show(db, "r013") != nullptr);

    json again = index(db, {"--sync", feed.string()});
    CHECK(again["removed"] == 0);
    CHECK(again["unchanged"] == 3);
    CHECK(again["documents"] == 3);
}

TEST_CASE("news-index --sync removes nothing when the input holds no article or some of it was rejected", "[e2e][sync]") {
    Folder folder;
    TempDir empty;
    fs::create_directories(empty / "news");
    ToolRun nothing = run_tool(tool("news-index"), {"--db", folder.db.string(), "--json", "--sync", (empty / "news").string()});
    REQUIRE(nothing.exit_code == 0);
    CHECK(json::parse(nothing.out)["removed"] == 0);
    CHECK(json::parse(nothing.out)["documents"] == 5);
    CHECK(nothing.err.find("--sync removed nothing") != std::string::npos);

    fs::remove(folder.input / "a" / "004.txt");
    folder.dir.write("news/a/bad.jsonl", "{not json\n");
    ToolRun rejected = run_tool(tool("news-index"), {"--db", folder.db.string(), "--json", "--sync", folder.input.string()});
    CHECK(rejected.exit_code == 1);
    CHECK(json::parse(rejected.out)["removed"] == 0);
    CHECK(json::parse(rejected.out)["documents"] == 5);
}

TEST_CASE("a copy that takes a document over brings its source: facet, filter and check agree", "[e2e][sync]") {
    TempDir dir;
    const fs::path db = dir / "db";
    auto write_records = [&](const std::vector<std::pair<std::string, std::string>>& records) {
        std::string lines;
        for (const auto& [id, source] : records) {
            // r1 and r2 carry the same article (an exact copy under another outlet's name).
            std::string text = bbc_text(id == "r3" ? "020.txt" : "021.txt");
            const auto title_end = text.find('\n');
            lines += json{{"id", id}, {"source", source}, {"title", text.substr(0, title_end)},
                          {"body", text.substr(title_end + 1)}}.dump() + "\n";
        }
        return dir.write("feed.jsonl", lines);
    };
    auto sources = [&](const std::vector<std::string>& extra) {
        std::vector<std::string> args{"--db", db.string(), "--json", "--facet", "source"};
        args.insert(args.end(), extra.begin(), extra.end());
        args.push_back("");
        ToolRun run = run_tool(tool("news-search"), args);
        INFO(run.err);
        REQUIRE(run.exit_code <= 1);  // 1: nothing matched
        return json::parse(run.out);
    };
    auto count_of = [](const json& answer, const std::string& source) {
        for (const auto& value : answer["facets"]["source"])
            if (value["value"] == source) return value["count"].get<int>();
        return 0;
    };
    const fs::path feed = write_records({{"r1", "Daily Planet"}, {"r2", "Gotham Gazette"}, {"r3", "Daily Planet"}});
    json first = index(db, {feed.string()});
    REQUIRE(first["indexed"] == 2);
    REQUIRE(first["duplicates"] == 1);

    // r1 leaves the feed: r2, its copy, takes the document over, and with it the source.
    write_records({{"r2", "Gotham Gazette"}, {"r3", "Daily Planet"}});
    json synced = index(db, {"--sync", feed.string()});
    REQUIRE(synced["removed"] == 1);
    REQUIRE(show(db, "r2") != nullptr);
    CHECK(show(db, "r2")["source"] == "Gotham Gazette");
    const json all = sources({});
    CHECK(count_of(all, "Gotham Gazette") == 1);
    CHECK(count_of(all, "Daily Planet") == 1);  // r3 alone
    CHECK(sources({"--source", "Daily Planet"})["total"] == 1);
    CHECK(sources({"--source", "Gotham Gazette"})["total"] == 1);
    CHECK(sources({"--source", "Gotham Gazette", "--no-collapse"})["total"] == 1);
    // (see test_nothing_lost for the sanitizer option: Xapian's own check trips it)
    const ScopedEnv xapian_check("ASAN_OPTIONS", with_asan_option("new_delete_type_mismatch=0"));
    ToolRun check = run_tool(tool("news-index"), {"--db", db.string(), "--check"});
    INFO(check.out << check.err);
    CHECK(check.exit_code == 0);

    // A copy whose record goes takes its source's term off the kept document.
    write_records({{"r1", "Daily Planet"}, {"r2", "Gotham Gazette"}});
    (void)index(db, {"--sync", feed.string()});
    write_records({{"r2", "Gotham Gazette"}});
    (void)index(db, {"--sync", feed.string()});
    CHECK(sources({"--source", "Daily Planet"})["total"] == 0);
}
