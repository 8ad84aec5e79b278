// Issue 20 (item 4): remote shards that facet. A BBC index split into two halves, each served
// by a stock xapian-tcpsrv on 127.0.0.1 and listed in a stub, must give the same results, totals
// and facets as the whole index searched locally; what cannot work remotely says so in one line.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <thread>

#include <xapian.h>

#include "tests/support/paths.hpp"
#include "tests/support/run_tool.hpp"
#include "tests/support/temp_dir.hpp"

using namespace newsdex::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// A loopback socket of `port` (0: any), or -1.
int loopback_socket(int port, bool connect_to) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    auto* raw = reinterpret_cast<sockaddr*>(&address);
    if ((connect_to ? ::connect(fd, raw, sizeof address) : ::bind(fd, raw, sizeof address)) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// A port of 127.0.0.1 that nothing listens on now: the kernel's choice for a socket bound to 0.
int free_port() {
    const int fd = loopback_socket(0, false);
    REQUIRE(fd >= 0);
    sockaddr_in address{};
    socklen_t size = sizeof address;
    REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) == 0);
    ::close(fd);
    return ntohs(address.sin_port);
}

// A xapian-tcpsrv serving `database` on a free loopback port, killed (SIGKILL: its SIGTERM
// handler signals its whole process group, the test's included) when it goes out of scope.
struct Server {
    int port = free_port();
    RunningTool process;

    explicit Server(const fs::path& database)
        : process(start_tool(NEWSDEX_XAPIAN_TCPSRV,
                             {"--interface", "127.0.0.1", "--port", std::to_string(port), database.string()})) {
        for (int attempt = 0; attempt < 200; ++attempt) {
            const int fd = loopback_socket(port, true);
            if (fd >= 0) {
                ::close(fd);
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(25));
        }
        FAIL("xapian-tcpsrv did not listen on port " << port << ": " << process.err_so_far());
    }
};

// The articles of the index at `whole`, dealt alternately into two new databases: every article
// in exactly one half, in the same order.
void split_in_halves(const fs::path& whole, const fs::path& first, const fs::path& second) {
    Xapian::Database db(whole.string());
    Xapian::WritableDatabase halves[] = {Xapian::WritableDatabase(first.string(), Xapian::DB_CREATE),
                                         Xapian::WritableDatabase(second.string(), Xapian::DB_CREATE)};
    std::size_t n = 0;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it, ++n) {
        halves[n % 2].add_document(db.get_document(*it));
    }
    for (auto& half : halves) half.commit();
}

// The two halves of the index at `whole` served remotely, and a stub listing them.
struct Shards {
    TempDir dir;
    fs::path stub = dir / "shards.stub";
    std::optional<Server> first, second;

    explicit Shards(const fs::path& whole) {
        split_in_halves(whole, dir / "half-1", dir / "half-2");
        first.emplace(dir / "half-1");
        second.emplace(dir / "half-2");
        dir.write("shards.stub", "remote 127.0.0.1:" + std::to_string(first->port) + "\nremote 127.0.0.1:" +
                                     std::to_string(second->port) + "\n");
    }
};

// Indexes `input` into `db` with news-index.
void index_into(const fs::path& db, const fs::path& input) {
    ToolRun indexed = run_tool(tool("news-index"), {"--db", db.string(), "--no-progress", input.string()});
    INFO(indexed.err);
    REQUIRE(indexed.exit_code == 0);
}

ToolRun search_at(const fs::path& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db.string()});
    return run_tool(tool("news-search"), args);
}

json search_json_at(const fs::path& db, std::vector<std::string> args) {
    args.push_back("--json");
    ToolRun run = search_at(db, std::move(args));
    INFO(run.err);
    REQUIRE(run.exit_code <= 1);
    return json::parse(run.out);
}

std::vector<std::string> ids_of(const json& answer) {
    std::vector<std::string> ids;
    for (const auto& hit : answer["results"]) ids.push_back(hit["id"].get<std::string>());
    return ids;
}

const std::vector<std::string> every_facet = {
    "--facet", "person", "--facet", "org",    "--facet", "place", "--facet", "actor", "--facet",       "country",
    "--facet", "region", "--facet", "source", "--facet", "day",   "--facet", "week",  "--facet",       "month",
    "--facet", "year",   "--limit", "20",     "--facet-limit",    "25",    "--snippet-length", "0"};

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

}  // namespace

TEST_CASE("two xapian-tcpsrv halves of a BBC index answer like the whole index, facets included",
          "[remote][facets][e2e]") {
    // Politics and tech (818 articles, ids such as politics/001, near copies, many people and
    // organisations): a few seconds to index, where the whole corpus takes several times that.
    TempDir corpus;
    for (const char* section : {"politics", "tech"}) {
        fs::create_directories(corpus / "bbc" / section);
        fs::copy(shared_corpus() / "bbc" / section, corpus / "bbc" / section);
    }
    const fs::path whole = corpus / "whole";
    index_into(whole, corpus / "bbc");
    Shards shards(whole);
    const std::vector<std::vector<std::string>> queries = {
        {""}, {"Blair election"}, {"--actor", "Tony Blair", "country:France"}};
    std::size_t noted = 0;
    for (const auto& query : queries) {
        const auto args = with(every_facet, query);
        INFO("query: " << query.back());

        // Near copies shown each: everything equal.
        const json local = search_json_at(whole, with(args, {"--no-collapse"}));
        const json remote = search_json_at(shards.stub, with(args, {"--no-collapse"}));
        CHECK(remote["total"] == local["total"]);
        CHECK(remote["total_exact"] == local["total_exact"]);
        CHECK(remote["articles"] == local["articles"]);
        CHECK(ids_of(remote) == ids_of(local));
        CHECK(remote["facets"] == local["facets"]);
        CHECK(remote["notes"].empty());
        CHECK(!local["facets"]["person"].empty());

        // Collapsed: the same stories, totals and results; the facets count articles, and say so.
        const json local_stories = search_json_at(whole, args);
        const json remote_stories = search_json_at(shards.stub, args);
        CHECK(remote_stories["total"] == local_stories["total"]);
        CHECK(remote_stories["total_unit"] == "stories");
        CHECK(remote_stories["articles"] == local_stories["articles"]);
        CHECK(ids_of(remote_stories) == ids_of(local_stories));
        CHECK(remote_stories["facets"] == local["facets"]);
        // ... when some story has near copies among the matches; else articles are stories.
        if (remote_stories["articles"] > remote_stories["total"]) {
            REQUIRE(remote_stories["notes"].size() == 1);
            ++noted;
            CHECK(remote_stories["notes"][0].get<std::string>().find("facets count articles over remote shards") == 0);
        } else {
            CHECK(remote_stories["notes"].empty());
        }

        // Without facets: the same page and totals.
        const json local_page = search_json_at(whole, {"--limit", "15", "--snippet-length", "0", query.back()});
        const json remote_page = search_json_at(shards.stub, {"--limit", "15", "--snippet-length", "0", query.back()});
        CHECK(ids_of(remote_page) == ids_of(local_page));
        CHECK(remote_page["total"] == local_page["total"]);
    }

    CHECK(noted > 0);

    {  // Timelines with --share and --compare take the same path.
        const std::vector<std::string> args = {"--facet", "month", "--facet", "year", "--share", "--compare",
                                               "tax", "--limit", "0", "--no-collapse", "economy"};
        const json local = search_json_at(whole, args);
        const json remote = search_json_at(shards.stub, args);
        CHECK(remote["facets"] == local["facets"]);
        CHECK(remote["total"] == local["total"]);
    }

    {  // What needs newsdex's own spies or weights says so in one line.
        for (const auto& flag : std::vector<std::vector<std::string>>{
                 {"--format", "csv"}, {"--network", (shards.dir / "net.gexf").string()}}) {
            ToolRun run = search_at(shards.stub, {flag[0], flag[1], "economy"});
            CHECK(run.exit_code == 2);
            CHECK(run.out.empty());
            CHECK(run.err == "news-search: error: " + flag[0] +
                                 " is not available over remote shards (xapian-tcpsrv runs only Xapian's own match "
                                 "spies): use an index or stub of local shards\n");
        }
        // Relaxed matching weighs with newsdex's CoverageWeight: remotely, the strict answer and a note.
        ToolRun relaxed = search_at(shards.stub, {"Blair", "zebra", "quantum", "economy"});
        CHECK(relaxed.err.find("relaxed matching (articles holding most of the words) is not available over remote "
                               "shards\n") != std::string::npos);
        CHECK(relaxed.err.find("Xapian") == std::string::npos);
    }

    {  // A shard that is not served is named in one line.
        TempDir other;
        other.write("down.stub", "remote 127.0.0.1:" + std::to_string(free_port()) + "\n");
        ToolRun run = search_at(other / "down.stub", {"economy"});
        CHECK(run.exit_code == 2);
        CHECK(run.err.find("cannot reach a remote shard of") != std::string::npos);
        CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
    }
}

TEST_CASE("remote halves of a dated corpus with sources give the same timelines and source facet",
          "[remote][facets][e2e]") {
    // The BBC articles have no dates and no source: a generated corpus has both.
    TempDir dir;
    const fs::path corpus = dir / "articles.jsonl";
    ToolRun generated = run_tool(tool("generate-corpus"), {"--count", "250", "--seed", "7", "--out", corpus.string()});
    REQUIRE(generated.exit_code == 0);
    index_into(dir / "whole", corpus);
    Shards shards(dir / "whole");

    for (const std::string query : {"", "minister"}) {
        INFO("query: " << query);
        const auto args = with(every_facet, {"--no-collapse", query});
        const json local = search_json_at(dir / "whole", args);
        const json remote = search_json_at(shards.stub, args);
        CHECK(ids_of(remote) == ids_of(local));
        CHECK(remote["total"] == local["total"]);
        CHECK(remote["facets"] == local["facets"]);
        CHECK(!local["facets"]["source"].empty());
        CHECK(local["facets"]["month"]["buckets"].size() > 12);
    }
}
