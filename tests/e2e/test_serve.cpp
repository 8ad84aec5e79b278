// Issue 19, news-serve: the API against news-search --json, its errors, and serving while
// news-index writes. The page in a real browser is in test_serve_page.cpp.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include "tests/support/paths.hpp"
#include "tests/support/run_tool.hpp"
#include "tests/support/serve_process.hpp"
#include "tests/support/shared_indexes.hpp"
#include "tests/support/temp_dir.hpp"

using namespace newsdex::test;
using nlohmann::json;

namespace {

// The same question asked both ways: API parameters and news-search arguments.
struct Pair {
    std::string endpoint;
    Params params;
    std::vector<std::string> args;
};

// A search's object without its timing, the one field two runs never share.
json comparable(json object) {
    object.erase("took_ms");
    return object;
}

void check_same_answer(const ServeProcess& server, const TempDir& db, const Pair& pair) {
    INFO("/api/" << pair.endpoint << "?" << query_string(pair.params));
    const HttpAnswer answer = server.get("/api/" + pair.endpoint, pair.params);
    std::vector<std::string> args = pair.args;
    args.insert(args.begin(), {"--db", db.path().string(), "--json"});
    const ToolRun expected = run_tool(tool("news-search"), args);
    INFO(expected.err);
    REQUIRE(answer.status == (expected.exit_code == 2 ? 400 : 200));
    CHECK(answer.content_type == "application/json; charset=utf-8");
    const json got = json::parse(answer.body);
    const json want = json::parse(expected.out);
    if (want.contains("results")) {
        CHECK(got["results"] == want["results"]);
        CHECK(got["total"] == want["total"]);
        CHECK(got["facets"] == want["facets"]);
    }
    CHECK(comparable(got) == comparable(want));
}

}  // namespace

TEST_CASE("news-serve's /api/search answers exactly what news-search --json prints for the same flags",
          "[e2e][serve]") {
    const TempDir& db = seeds_index();
    ServeProcess server(db.path());
    const std::vector<Pair> pairs{
        {"search", {{"q", "Rosatom"}}, {"Rosatom"}},
        {"search", {{"q", ""}, {"facet", "month"}, {"facet", "person"}, {"limit", "3"}},
         {"--facet", "month", "--facet", "person", "--limit", "3", ""}},
        {"search", {{"q", "Myanmar Russia"}, {"sort", "date"}, {"offset", "1"}, {"limit", "2"}},
         {"--sort", "date", "--offset", "1", "--limit", "2", "Myanmar Russia"}},
        {"search", {{"actor", "Naypyitaw"}, {"facet", "person"}, {"facet-limit", "5"}, {"limit", "0"}},
         {"--actor", "Naypyitaw", "--facet", "person", "--facet-limit", "5", "--limit", "0", ""}},
        {"search", {{"q", "country:Burmese"}, {"facet", "country"}, {"facet", "source"}, {"snippet-length", "0"}},
         {"--facet", "country", "--facet", "source", "--snippet-length", "0", "country:Burmese"}},
        {"search", {{"facet", "month"}, {"share", "1"}, {"compare", "Putin"}, {"q", "Lavrov"}},
         {"--facet", "month", "--share", "--compare", "Putin", "Lavrov"}},
        {"search", {{"q", "Vladivostok"}, {"from", "2022-09-01"}, {"to", "2023-12-31"}, {"collapse", "0"}},
         {"--from", "2022-09-01", "--to", "2023-12-31", "--no-collapse", "Vladivostok"}},
        {"search", {{"q", "nothingmatchesthisword"}}, {"nothingmatchesthisword"}},
        {"search", {{"q", "opec -saudi"}, {"count", "1"}}, {"--count", "opec -saudi"}},
        {"similar", {{"id", "001_644cae95aa9a28a1"}, {"limit", "2"}}, {"--similar", "001_644cae95aa9a28a1", "--limit", "2"}},
        {"show", {{"id", "001_644cae95aa9a28a1"}}, {"--show", "001_644cae95aa9a28a1"}},
        {"cluster", {{"id", "001_644cae95aa9a28a1"}}, {"--cluster", "001_644cae95aa9a28a1"}},
    };
    for (const Pair& pair : pairs) check_same_answer(server, db, pair);
}

TEST_CASE("news-serve's API matches news-search on the BBC corpus's facets, paging and near copies", "[e2e][serve][bbc]") {
    const TempDir& db = bbc_index();
    ServeProcess server(db.path());
    const std::vector<Pair> pairs{
        {"search", {{"q", "election"}, {"facet", "person"}, {"facet", "org"}, {"facet", "place"}, {"facet", "source"}},
         {"--facet", "person", "--facet", "org", "--facet", "place", "--facet", "source", "election"}},
        {"search", {{"q", "economy"}, {"limit", "20"}, {"offset", "40"}}, {"--limit", "20", "--offset", "40", "economy"}},
        {"search", {{"q", "blair"}, {"actor", "Gordon Brown"}, {"facet", "actor"}}, {"--actor", "Gordon Brown", "--facet", "actor", "blair"}},
        {"search", {{"q", "electon"}}, {"electon"}},
    };
    for (const Pair& pair : pairs) check_same_answer(server, db, pair);
}

TEST_CASE("news-serve's /api/info is news-search --info with the index's folder name instead of its path",
          "[e2e][serve]") {
    const TempDir& db = seeds_index();
    ServeProcess server(db.path());
    const HttpAnswer answer = server.get("/api/info");
    REQUIRE(answer.status == 200);
    json got = json::parse(answer.body);
    const ToolRun expected = run_tool(tool("news-search"), {"--db", db.path().string(), "--json", "--info"});
    json want = json::parse(expected.out);
    CHECK(got["path"] == db.path().filename().string());
    CHECK(answer.body.find(db.path().parent_path().string()) == std::string::npos);
    got.erase("path");
    want.erase("path");
    CHECK(got == want);
}

TEST_CASE("news-serve refuses bad requests with news-search's JSON error and the right status", "[e2e][serve]") {
    const TempDir& db = seeds_index();
    ServeProcess server(db.path());
    std::string many_words;
    for (int i = 0; i < 300; ++i) many_words += "word ";
    struct Bad {
        Params params;
        std::vector<std::string> args;  // the same mistake on the command line
    };
    // Each message is news-search's own.
    for (const Bad& bad : std::vector<Bad>{
             {{{"limit", "abc"}}, {"--limit", "abc"}},
             {{{"sort", "sideways"}}, {"--sort", "sideways"}},
             {{{"facet", "colour"}}, {"--facet", "colour"}},
             {{{"q", "Putin AND"}}, {"Putin AND"}},
             {{{"from", "yesterday-ish"}}, {"--from", "yesterday-ish"}},
             {{{"lang", "xx"}}, {"--lang", "xx"}},
             {{{"share", "1"}}, {"--share"}},
             {{{"q", many_words}}, {many_words}},
         }) {
        INFO(query_string(bad.params));
        const HttpAnswer answer = server.get("/api/search", bad.params);
        std::vector<std::string> args = bad.args;
        args.insert(args.begin(), {"--db", db.path().string(), "--json"});
        const ToolRun expected = run_tool(tool("news-search"), args);
        REQUIRE(expected.exit_code == 2);
        CHECK(answer.status == 400);
        CHECK(json::parse(answer.body) == json::parse(expected.out));
    }
    // The server's own bounds and parameter checks.
    for (const Params& params : std::vector<Params>{
             {{"limit", "1001"}},
             {{"offset", "100001"}},
             {{"facet", "person"}, {"facet-limit", "5000"}},
             {{"q", "a"}, {"q", "b"}},
             {{"limit", "1"}, {"limit", "2"}},
             {{"db", "/etc"}},
             {{"chart", "/tmp/x.svg"}},
             {{"format", "csv"}},
             {{"share", "maybe"}},
         }) {
        INFO(query_string(params));
        const HttpAnswer answer = server.get("/api/search", params);
        CHECK(answer.status == 400);
        const json error = json::parse(answer.body);
        CHECK(error["exit"] == 2);
        CHECK(error["error"].is_string());
    }
    CHECK(server.get("/api/show", Params{}).status == 400);
    CHECK(server.get("/api/show", Params{{"id", "001_644cae95aa9a28a1"}, {"q", "x"}}).status == 400);
}

TEST_CASE("news-serve answers unknown ids and paths with 404 and never serves a file outside its page",
          "[e2e][serve][security]") {
    const TempDir& db = seeds_index();
    ServeProcess server(db.path());
    for (const char* endpoint : {"show", "cluster", "similar"}) {
        INFO(endpoint);
        const HttpAnswer answer = server.get(std::string("/api/") + endpoint, Params{{"id", "no-such-article"}});
        CHECK(answer.status == 404);
        CHECK(json::parse(answer.body) == json{{"error", "no article with id \"no-such-article\""}, {"exit", 1}});
    }
    for (const char* target : {"/api/nothing", "/api/", "/nothing", "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                               "/..%2f..%2fetc%2fpasswd", "/app.js/../../../etc/passwd", "//etc/passwd",
                               "/server/web/index.html", "/index.html/", "/CMakeLists.txt"}) {
        INFO(target);
        const HttpAnswer answer = server.get(target);
        CHECK(answer.status == 404);
        CHECK(answer.body.find("root:") == std::string::npos);
        CHECK(json::parse(answer.body)["exit"] == 2);
    }
    for (const char* target : {"/", "/app.js", "/style.css", "/favicon.svg"}) {
        INFO(target);
        CHECK(server.get(target).status == 200);
    }
    // No answer names a file of the server machine.
    for (const std::string& target : {std::string("/api/info"), std::string("/api/search?q=Rosatom&facet=month"),
                                      std::string("/api/show?id=001_644cae95aa9a28a1")}) {
        INFO(target);
        const HttpAnswer answer = server.get(target);
        CHECK(answer.status == 200);
        CHECK(answer.body.find(db.path().string()) == std::string::npos);
        CHECK(answer.body.find(source_dir().string()) == std::string::npos);
    }
    CHECK(server.get("/api/search?q=" + std::string(9000, 'a')).status == 414);
    // Read-only: other methods are refused.
    httplib::Client client("127.0.0.1", server.port());
    for (const auto& result : {client.Delete("/api/search"), client.Put("/", "x", "text/plain"),
                               client.Post("/api/search", "q=x", "application/x-www-form-urlencoded")}) {
        REQUIRE(result);
        CHECK(result->status == 405);
        CHECK(json::parse(result->body) == json{{"error", "method not allowed"}, {"exit", 2}});
    }
}

TEST_CASE("news-serve binds 127.0.0.1 by default, stops cleanly on SIGTERM, and refuses a missing index",
          "[e2e][serve]") {
    {
        ServeProcess server(seeds_index().path());
        const ToolRun stopped = server.stop();
        CHECK(stopped.exit_code == 0);
        CHECK(stopped.err.find("at http://127.0.0.1:") != std::string::npos);
    }
    TempDir empty;
    const ToolRun missing = run_tool(tool("news-serve"), {"--db", (empty / "nothing").string(), "--port", "0"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("no index at") != std::string::npos);
    const ToolRun bad_port = run_tool(tool("news-serve"), {"--db", seeds_index().path().string(), "--port", "70000"});
    CHECK(bad_port.exit_code == 2);
}

TEST_CASE("news-serve answers every request from concurrent clients while news-index writes the index",
          "[e2e][serve][concurrency]") {
    TempDir db;
    REQUIRE(run_tool(tool("news-index"), {"--db", db.path().string(), (source_dir() / "corpus" / "seeds").string()})
                .exit_code == 0);
    ServeProcess server(db.path(), {"--threads", "8"});
    RunningTool writer = start_tool(tool("news-index"), {"--db", db.path().string(), "--commit-every", "40",
                                                         (shared_corpus() / "bbc" / "tech").string()});
    std::atomic<bool> writing = true;
    std::atomic<int> failures = 0, answered = 0;
    std::atomic<long> last_total = 0;
    std::mutex first_failure_mutex;
    std::string first_failure;
    auto client = [&](const std::string& target) {
        do {
            const HttpAnswer answer = server.get(target);
            if (answer.status != 200) {
                ++failures;
                std::lock_guard lock(first_failure_mutex);
                if (first_failure.empty()) first_failure = target + " -> " + std::to_string(answer.status) + " " + answer.body + answer.failure;
            } else {
                ++answered;
            }
        } while (writing);
    };
    std::vector<std::thread> clients;
    for (const char* target : {"/api/search?q=&count=1&collapse=0", "/api/search?q=technology%20mobile&facet=month&facet=person",
                               "/api/search?q=software&sort=date&limit=20", "/api/info"}) {
        clients.emplace_back(client, target);
    }
    // Totals never step back while checkpoints land.
    long steps_back = 0;
    while (writer.running()) {
        const HttpAnswer answer = server.get("/api/search?q=&count=1&collapse=0");
        if (answer.status == 200) {
            const long total = json::parse(answer.body)["total"];
            if (total < last_total) ++steps_back;
            last_total = total;
        }
    }
    writing = false;
    for (auto& thread : clients) thread.join();
    const ToolRun written = writer.wait();
    INFO(written.err);
    CHECK(written.exit_code == 0);
    INFO(first_failure);
    CHECK(failures == 0);
    CHECK(steps_back == 0);
    CHECK(answered >= 8);
    const json after = json::parse(server.get("/api/search?q=&count=1&collapse=0").body);
    CHECK(after["total"].get<long>() > 5);
}

// Each worker keeps the index open between requests: every one of them must notice a revision
// written since it last answered, however long it stayed idle.
TEST_CASE("news-serve answers from the latest revision in every worker after news-index adds articles",
          "[e2e][serve][concurrency]") {
    TempDir db;
    REQUIRE(run_tool(tool("news-index"), {"--db", db.path().string(), (source_dir() / "corpus" / "seeds").string()})
                .exit_code == 0);
    ServeProcess server(db.path(), {"--threads", "4"});
    // Totals from several clients at once, so that every worker answers (and keeps the index open).
    auto totals_from_every_worker = [&server] {
        std::vector<long> totals(16, -1);
        std::vector<std::thread> clients;
        for (std::size_t c = 0; c < totals.size(); ++c) {
            clients.emplace_back([&totals, &server, c] {
                const HttpAnswer answer = server.get("/api/search?q=&count=1&collapse=0");
                if (answer.status == 200) totals[c] = json::parse(answer.body)["total"].get<long>();
            });
        }
        for (auto& thread : clients) thread.join();
        return totals;
    };
    const std::vector<long> before = totals_from_every_worker();
    CHECK(std::count(before.begin(), before.end(), 5) == 16);

    REQUIRE(run_tool(tool("news-index"), {"--db", db.path().string(), (shared_corpus() / "bbc" / "politics").string()})
                .exit_code <= 1);
    const ToolRun counted = run_tool(tool("news-search"), {"--db", db.path().string(), "--json", "--count", "--no-collapse"});
    const long written = json::parse(counted.out)["total"].get<long>();
    REQUIRE(written > 300);
    const std::vector<long> after = totals_from_every_worker();
    CHECK(std::count(after.begin(), after.end(), written) == 16);
}

TEST_CASE("news-serve survives many clients asking for every article at once (Query::MatchAll is not shared)",
          "[e2e][serve][concurrency]") {
    ServeProcess server(seeds_index().path(), {"--threads", "8"});
    std::atomic<int> failures = 0;
    std::vector<std::thread> clients;
    for (int c = 0; c < 8; ++c) {
        clients.emplace_back([&] {
            for (int i = 0; i < 60; ++i) {
                if (server.get("/api/search?q=&facet=month&limit=1").status != 200) ++failures;
            }
        });
    }
    for (auto& thread : clients) thread.join();
    CHECK(failures == 0);
}

TEST_CASE("news-serve's /api/export answers news-search --format's CSV and JSON Lines byte for byte", "[e2e][serve][export]") {
    const TempDir& db = seeds_index();
    ServeProcess server(db.path());
    struct Export {
        Params params;
        std::vector<std::string> args;
        std::string content_type;
    };
    for (const Export& e : std::vector<Export>{
             {{{"format", "csv"}, {"q", ""}}, {"--format", "csv", ""}, "text/csv; charset=utf-8"},
             {{{"format", "jsonl"}, {"q", "Myanmar"}, {"body", "1"}}, {"--format", "jsonl", "--body", "Myanmar"},
              "application/x-ndjson; charset=utf-8"},
             {{{"format", "csv"}, {"actor", "Naypyitaw"}, {"collapse", "0"}},
              {"--format", "csv", "--actor", "Naypyitaw", "--no-collapse"}, "text/csv; charset=utf-8"},
         }) {
        INFO(query_string(e.params));
        const HttpAnswer answer = server.get("/api/export", e.params);
        std::vector<std::string> args = e.args;
        args.insert(args.begin(), {"--db", db.path().string()});
        const ToolRun expected = run_tool(tool("news-search"), args);
        REQUIRE(expected.exit_code == 0);
        CHECK(answer.status == 200);
        CHECK(answer.content_type == e.content_type);
        CHECK(answer.body == expected.out);
    }
    const HttpAnswer bad_format = server.get("/api/export", Params{{"format", "xml"}});
    CHECK(bad_format.status == 400);
    CHECK(json::parse(bad_format.body) ==
          json::parse(run_tool(tool("news-search"), {"--db", db.path().string(), "--json", "--format", "xml", ""}).out));
    CHECK(server.get("/api/export", Params{{"q", "x"}}).status == 400);  // no format
    CHECK(server.get("/api/export", Params{{"format", "csv"}, {"limit", "3"}}).status == 400);
    CHECK(server.get("/api/export", Params{{"format", "csv"}, {"q", "Putin AND"}}).status == 400);
}
