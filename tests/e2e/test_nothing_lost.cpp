// Issue 21: nothing lost, ever — an input holding an article's history, crashes in the middle
// of an incremental run (with a reader watching), a damaged segment list, the user's own
// folders, a clean stop on a signal, and where stored paths point.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include <xapian.h>

#include "common/errors.hpp"
#include "common/schema.hpp"
#include "searcher/open_index.hpp"
#include "tests/support/index_contents.hpp"
#include "tests/support/paths.hpp"
#include "tests/support/run_tool.hpp"
#include "tests/support/scoped_env.hpp"
#include "tests/support/temp_dir.hpp"

using namespace newsdex;
using namespace newsdex::test;
using nlohmann::json;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

std::string record(const std::string& id, const std::string& title, const std::string& body) {
    return json{{"id", id}, {"title", title}, {"body", body}}.dump() + "\n";
}

const std::string harbour = "The council said work on the harbour wall would begin in May.\n"
                            "The contract was signed on Tuesday after months of talks.";

ToolRun index_run(const fs::path& db, const std::vector<std::string>& inputs, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"--db", db.string(), "--json", "--no-progress"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.insert(args.end(), inputs.begin(), inputs.end());
    return run_tool(tool("news-index"), args);
}

json index_ok(const fs::path& db, const std::vector<std::string>& inputs, std::vector<std::string> extra = {}) {
    ToolRun run = index_run(db, inputs, std::move(extra));
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    return json::parse(run.out);
}

std::string count(const fs::path& db, const std::string& query) {
    return run_tool(tool("news-search"), {"--db", db.string(), "--count", "--no-collapse", query}).out;
}

// An index of one short article, and the input it came from.
struct SmallIndex {
    TempDir dir;
    fs::path input = dir.write("one.jsonl", record("a", "Harbour works begin", harbour));
    fs::path db = dir / "db";
    SmallIndex() { index_ok(db, {input.string()}); }
};

json show(const fs::path& db, const std::string& id) {
    ToolRun run = run_tool(tool("news-search"), {"--db", db.string(), "--json", "--show", id});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    return json::parse(run.out);
}

}  // namespace

TEST_CASE("issue 21 A: re-indexing input that holds an article's history keeps its last version",
          "[e2e][nothing_lost]") {
    TempDir dir;
    // x, then x again with a new sentence, then y: the same text as x's first version.
    const fs::path input = dir.write("history.jsonl", record("x", "Harbour works begin", harbour) +
                                                          record("x", "Harbour works begin", harbour + "\nA zebrafish survey will run alongside.") +
                                                          record("y", "Harbour works begin", harbour));
    const fs::path db = dir / "db";
    for (int run = 1; run <= 3; ++run) {
        INFO("run " << run);
        const json summary = index_ok(db, {input.string()});
        CHECK(summary["documents"] == 2);
        CHECK(summary["older_versions"] == 1);
        CHECK(summary["duplicates"] == 0);
        CHECK(summary["unchanged"] == (run == 1 ? 0 : 2));
        CHECK(count(db, "zebrafish") == "1\n");
        CHECK(show(db, "x")["paragraphs"].size() == 3);
        CHECK(show(db, "y")["id"] == "y");
    }
}

TEST_CASE("issue 21: the same id twice in one run gets a warning naming both places", "[e2e][nothing_lost]") {
    TempDir dir;
    const fs::path first = dir.write("a.jsonl", record("same", "First", harbour));
    const fs::path second = dir.write("b.jsonl", record("other", "Other", "Another story entirely.") +
                                                     record("same", "Second", harbour + "\nWith a new paragraph."));
    ToolRun run = index_run(dir / "db", {first.string(), second.string()});
    INFO(run.err);
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.err, Catch::Contains(first.string() + ":1: warning: id \"same\" comes again at " + second.string() +
                                        ":2; only that record is indexed"));
    CHECK(show(dir / "db", "same")["title"] == "Second");
}

TEST_CASE("issue 21 C: an empty or missing segment list over segments is an error that deletes nothing",
          "[e2e][nothing_lost]") {
    SmallIndex small;
    const fs::path& db = small.db;
    const fs::path& input = small.input;
    auto segments = [&] {
        std::set<std::string> names;
        for (const auto& entry : fs::directory_iterator(db)) {
            const std::string name = entry.path().filename().string();
            if (name.starts_with("seg-")) names.insert(name);
        }
        return names;
    };
    const auto before = segments();
    REQUIRE(before.size() == 1);
    for (const bool remove : {false, true}) {
        INFO((remove ? "missing" : "empty") << " XAPIANDB");
        if (remove) fs::remove(db / "XAPIANDB");
        else std::ofstream(db / "XAPIANDB", std::ios::trunc).close();
        ToolRun run = index_run(db, {input.string()});
        CHECK(run.exit_code == 2);
        CHECK_THAT(run.err, Catch::Contains("XAPIANDB is " + std::string(remove ? "missing" : "empty")) &&
                                Catch::Contains("nothing was changed"));
        CHECK(segments() == before);
    }
}

TEST_CASE("issue 21 D: --db at a folder of the user's files is refused and nothing in it is touched",
          "[e2e][nothing_lost]") {
    TempDir dir;
    const fs::path input = dir.write("one.jsonl", record("a", "Harbour works begin", harbour));
    const fs::path mine = dir / "mine";
    dir.write("mine/notes.txt", "my notes");
    dir.write("mine/work-notes/draft.txt", "a draft");
    dir.write("mine/seg-photos/photo.txt", "a photo");
    ToolRun run = index_run(mine, {input.string()});
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Catch::Contains("not a newsdex index, and not empty"));
    CHECK(fs::exists(mine / "work-notes" / "draft.txt"));
    CHECK(fs::exists(mine / "seg-photos" / "photo.txt"));
    CHECK(fs::exists(mine / "notes.txt"));
    CHECK_FALSE(fs::exists(mine / ".newsdex-lock"));
    CHECK_FALSE(fs::exists(mine / "XAPIANDB"));
}

TEST_CASE("issue 21 D: --db at one segment of an index is refused and the index stays whole", "[e2e][nothing_lost]") {
    SmallIndex small;
    const fs::path& db = small.db;
    const fs::path& input = small.input;
    fs::path segment;
    for (const auto& entry : fs::directory_iterator(db)) {
        if (entry.path().filename().string().starts_with("seg-")) segment = entry.path();
    }
    ToolRun run = index_run(segment, {input.string()});
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Catch::Contains("is one segment of the newsdex index"));
    CHECK(count(db, "harbour") == "1\n");
}

TEST_CASE("issue 21: a missing input path is a usage error and creates no index", "[e2e][nothing_lost]") {
    TempDir dir;
    ToolRun run = index_run(dir / "db", {(dir / "no-such.jsonl").string()});
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Catch::Contains("no such file or directory"));
    CHECK_FALSE(fs::exists(dir / "db"));
}

TEST_CASE("issue 21: stored file paths are relative to the input directory, never the machine's folders",
          "[e2e][nothing_lost]") {
    TempDir dir;
    dir.write("corpus/politics/001.txt", "Harbour works begin\n\n" + harbour + "\n");
    dir.write("corpus/politics/002.txt", "Harbour works begin\n\n" + harbour + "\n");
    const fs::path lone = dir.write("lone.jsonl", record("j", "Another", "A different story about rail fares."));
    const fs::path db = dir / "db";
    index_ok(db, {fs::absolute(dir / "corpus").string(), fs::absolute(lone).string()});
    const json kept = show(db, "politics/001");
    CHECK(kept["file"] == "politics/001.txt");
    REQUIRE(kept["also_seen"].size() == 1);
    CHECK(kept["also_seen"][0]["file"] == "politics/002.txt");
    CHECK(show(db, "j")["file"] == "lone.jsonl:1");
    ToolRun text = run_tool(tool("news-search"), {"--db", db.string(), "--show", "politics/001"});
    CHECK(text.out.find(dir.path().string()) == std::string::npos);
}

// ---- clean stop ----------------------------------------------------------------------------

namespace {

// A corpus generated once per process, big enough for news-index to run a few seconds.
const fs::path& generated_corpus() {
    static TempDir dir;
    static const fs::path corpus = [] {
        const fs::path file = dir / "corpus.jsonl";
        ToolRun run = run_tool(tool("generate-corpus"), {"--count", "3000", "--seed", "21", "--model-from",
                                                         (shared_corpus() / "bbc").string(), "--out", file.string()});
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        return file;
    }();
    return corpus;
}

}  // namespace

TEST_CASE("issue 21: the first SIGINT stops news-index cleanly with a summary and exit code 3, and a re-run finishes",
          "[e2e][nothing_lost][signal]") {
    const fs::path& corpus = generated_corpus();
    TempDir dir;
    const fs::path clean = dir / "clean", stopped = dir / "stopped";
    index_ok(clean, {corpus.string()}, {"--commit-every", "500"});

    RunningTool run = start_tool(tool("news-index"), {"--db", stopped.string(), "--json", "--no-progress",
                                                      "--commit-every", "500", corpus.string()});
    // Stop it once it has written something: the first checkpoint listed.
    for (int i = 0; i < 600 && run.running() && !fs::exists(stopped / ".newsdex-index"); ++i) std::this_thread::sleep_for(10ms);
    std::this_thread::sleep_for(500ms);
    const bool was_running = run.running();
    run.kill(SIGINT);
    ToolRun ended = run.wait(120s);
    INFO(ended.err);
    if (!was_running) {
        WARN("news-index finished before the signal: the machine is faster than the test assumes");
    } else {
        CHECK(ended.exit_code == 3);
        const json summary = json::parse(ended.out);
        CHECK(summary["stopped"] == true);
        CHECK(summary["read"].get<int>() < 3000);
        CHECK_THAT(ended.err, Catch::Contains("stopping after what was read is indexed"));
        // What it read is there, whole.
        CHECK(std::stol(count(stopped, "")) >= summary["documents"].get<long>());
    }
    const json finished = index_ok(stopped, {corpus.string()}, {"--commit-every", "500"});
    CHECK(finished["stopped"] == false);
    CHECK(documents_by_id(stopped) == documents_by_id(clean));
}

TEST_CASE("issue 21: a second SIGTERM stops news-index at once", "[e2e][nothing_lost][signal]") {
    const fs::path& corpus = generated_corpus();
    TempDir dir;
    RunningTool run = start_tool(tool("news-index"), {"--db", (dir / "db").string(), "--no-progress", corpus.string()});
    std::this_thread::sleep_for(300ms);
    run.kill(SIGTERM);
    std::this_thread::sleep_for(20ms);
    run.kill(SIGTERM);
    ToolRun ended = run.wait(20s);
    CHECK_FALSE(run.timed_out());
    CHECK((ended.exit_code == 128 + SIGTERM || ended.exit_code == 3 || ended.exit_code == 0));
}

// ---- crashes in the middle of an incremental run ---------------------------------------------

namespace {

// The generated corpus split for an incremental run: `first` (two thirds) is indexed before;
// `second` is the whole input again, with new versions of every 9th first-part article and
// exact copies (new ids) of every 13th, placed 400 to 600 records after their original.
struct Incremental {
    TempDir dir;
    fs::path first = dir / "first.jsonl";
    fs::path second = dir / "second.jsonl";
    std::vector<std::string> revised_ids;
    std::vector<std::string> first_ids;
};

const Incremental& incremental() {
    static Incremental inc;
    static bool made = false;
    if (made) return inc;
    std::ifstream in(generated_corpus());
    std::vector<json> articles;
    for (std::string line; std::getline(in, line);) articles.push_back(json::parse(line));
    const std::size_t split = articles.size() * 2 / 3;
    std::ofstream first(inc.first), second(inc.second);
    std::multimap<std::size_t, json> later;
    for (std::size_t i = 0; i < articles.size(); ++i) {
        if (i < split) {
            first << articles[i].dump() << '\n';
            inc.first_ids.push_back(articles[i]["id"].get<std::string>());
            if (i % 9 == 0) {
                json revised = articles[i];
                revised["body"] = revised["body"].get<std::string>() + "\nUpdate: this story was revised as qwzrevised.";
                later.emplace(i + 400 + i % 200, revised);
                inc.revised_ids.push_back(revised["id"].get<std::string>());
            }
            if (i % 13 == 0) {
                json copy = articles[i];
                copy["id"] = "copy-" + copy["id"].get<std::string>();
                later.emplace(i + 500, copy);
            }
        }
        second << articles[i].dump() << '\n';
        auto [from, to] = later.equal_range(i);
        for (auto it = from; it != to; ++it) second << it->second.dump() << '\n';
    }
    made = true;
    return inc;
}

// Watches an index while it is written: every id given must stay findable (as a document or as
// a recorded copy) in every view a reader opens (as news-search opens it).
class Watcher {
public:
    Watcher(fs::path db, const std::vector<std::string>& ids) : m_db(std::move(db)) {
        for (const auto& id : ids) m_terms.push_back({schema::id_term(id), schema::alias_id_term(id)});
        m_thread = std::thread([this] { watch(); });
    }
    ~Watcher() { stop(); }
    void stop() {
        m_stop = true;
        if (m_thread.joinable()) m_thread.join();
    }
    [[nodiscard]] std::size_t looks() const { return m_looks; }
    [[nodiscard]] const std::vector<std::string>& vanished() const { return m_vanished; }

private:
    void watch() {
        while (!m_stop) {
            try {
                const Xapian::Database db = open_index(m_db).db;
                for (const auto& [id_term, alias_term] : m_terms) {
                    if (db.get_termfreq(id_term) == 0 && db.get_termfreq(alias_term) == 0) {
                        m_vanished.push_back(id_term);
                    }
                }
                ++m_looks;
            } catch (const Xapian::Error&) {
                // A revision replaced while it was read, or a segment merged away: look again.
            } catch (const FatalError&) {
                // Not there yet, or a writer that would not let it settle: look again.
            }
            std::this_thread::sleep_for(5ms);
        }
    }
    fs::path m_db;
    std::vector<std::pair<std::string, std::string>> m_terms;
    std::atomic<bool> m_stop{false};
    std::atomic<std::size_t> m_looks{0};
    std::vector<std::string> m_vanished;
    std::thread m_thread;
};

void copy_index(const fs::path& from, const fs::path& to) { fs::copy(from, to, fs::copy_options::recursive); }

// Issue 20 (item 3): the documents the index lists that hold a facet number its dictionary on
// disk lacks, or numbers of no dictionary it has (news-index flushes the names first). A
// document without numbers is counted by its names: a copy that took a document over under
// another source drops the numbers, which named the old one.
std::size_t facet_numbers_unknown(const fs::path& db) {
    const OpenIndex index = open_index(db);
    std::size_t unknown = 0;
    for (auto it = index.db.postlist_begin(""); it != index.db.postlist_end(""); ++it) {
        const std::string packed = index.db.get_document(*it).get_value(schema::slot_facet_ids);
        if (packed.empty()) continue;
        const auto tag = schema::facet_ids_tag(packed);
        if (!tag || index.facet_dictionaries.size() != 1 || index.facet_dictionaries.front()->tag() != *tag) {
            ++unknown;
            continue;
        }
        const FacetDictionary& dictionary = *index.facet_dictionaries.front();
        bool beyond = false;
        (void)schema::for_each_facet_id(packed, [&](schema::FacetIdKind kind, std::uint32_t id) {
            beyond = beyond || id >= (kind == schema::FacetIdKind::cluster ? dictionary.clusters() : dictionary.size());
            return true;
        });
        if (beyond) ++unknown;
    }
    return unknown;
}

// The facets of every article, as news-search prints them.
std::string facets_of(const fs::path& db) {
    ToolRun run = run_tool(tool("news-search"), {"--db", db.string(), "--json", "--limit", "0", "--facet", "actor",
                                                 "--facet", "source", "--facet", "country", "--facet-limit", "200", ""});
    json answer = json::parse(run.out);
    return answer["facets"].dump();
}

}  // namespace

TEST_CASE("issue 21 B: an incremental run killed at random moments loses nothing, and re-runs give the one-shot index",
          "[e2e][nothing_lost][crash]") {
    const Incremental& inc = incremental();
    TempDir dir;
    const fs::path base = dir / "base";
    index_ok(base, {inc.first.string()}, {"--commit-every", "200"});
    const std::vector<std::string> second_args{"--commit-every", "200"};

    // The reference: the incremental run, uninterrupted.
    const fs::path reference = dir / "reference";
    copy_index(base, reference);
    const auto start = std::chrono::steady_clock::now();
    const json summary = index_ok(reference, {inc.second.string()}, second_args);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // Revisions of first-part articles that were themselves exact copies add documents, the others replace.
    CHECK(summary["replaced"].get<std::size_t>() > inc.revised_ids.size() * 3 / 4);
    CHECK(summary["duplicates"].get<int>() > 100);

    // NEWSDEX_CRASH_TRIALS (default 2) trials: from the same existing index, one to three
    // kills at random moments of successive runs, then a run to the end, compared with the
    // reference. A reader watches every trial from start to end.
    const char* trials_setting = std::getenv("NEWSDEX_CRASH_TRIALS");
    const int trials = trials_setting ? std::atoi(trials_setting) : 2;
    const char* seed_setting = std::getenv("NEWSDEX_CRASH_SEED");
    const unsigned seed = seed_setting ? static_cast<unsigned>(std::atoi(seed_setting)) : std::random_device{}();
    INFO("NEWSDEX_CRASH_SEED=" << seed);
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> moment(0.05, 1.0);
    std::uniform_int_distribution<int> kills_per_trial(1, 3);

    int kills = 0, killed_running = 0, exact = 0;
    const fs::path db = dir / "crashed";
    for (int trial = 1; trial <= trials; ++trial) {
        fs::remove_all(db);
        copy_index(base, db);
        Watcher watcher(db, inc.first_ids);
        for (int kill = kills_per_trial(random); kill > 0; --kill) {
            RunningTool run = start_tool(tool("news-index"), {"--db", db.string(), "--json", "--no-progress",
                                                              "--commit-every", "200", inc.second.string()});
            std::this_thread::sleep_for(std::chrono::duration<double>(seconds * moment(random)));
            const bool was_running = run.running();
            run.kill(SIGKILL);
            (void)run.wait(60s);
            ++kills;
            if (was_running) ++killed_running;
            CHECK(facet_numbers_unknown(db) == 0);
        }
        const json finished = index_ok(db, {inc.second.string()}, second_args);
        watcher.stop();
        INFO("trial " << trial << " of " << trials);
        for (std::size_t i = 0; i < watcher.vanished().size() && i < 5; ++i) UNSCOPED_INFO("vanished: " << watcher.vanished()[i]);
        CHECK(watcher.looks() > 0);
        CHECK(watcher.vanished().empty());
        CHECK(finished["documents"] == summary["documents"]);
        const std::string differences = index_differences(reference, db);
        CHECK(differences == "");
        CHECK(facet_numbers_unknown(db) == 0);
        CHECK(facets_of(db) == facets_of(reference));
        if (differences.empty() && watcher.vanished().empty()) ++exact;
    }
    if (trials_setting) {
        WARN(exact << " of " << trials << " trials exact; " << killed_running << " of " << kills
                   << " kills hit a running news-index; seed " << seed);
    }
    for (const char* query : {"qwzrevised", "government", "\"prime minister\"", "minist*"}) {
        INFO(query);
        CHECK(count(db, query) == count(reference, query));
    }
}

// ---- damaged indexes -------------------------------------------------------------------------

// libxapian 1.4.22's Database::check frees a 440-byte object of its own as a 432-byte one (a
// 10-line program calling Database::check shows it, newsdex aside), which a sanitizer build of
// news-index reports and aborts on: the runs of --check go without ASan's new/delete size check.
TEST_CASE("issue 21: news-index --check passes a sound index and names a segment with flipped bytes",
          "[e2e][nothing_lost][check]") {
    const fs::path& corpus = generated_corpus();
    TempDir dir;
    const fs::path db = dir / "db";
    index_ok(db, {corpus.string()});
    const ScopedEnv xapian_check("ASAN_OPTIONS", with_asan_option("new_delete_type_mismatch=0"));
    ToolRun sound = run_tool(tool("news-index"), {"--check", "--db", db.string()});
    INFO(sound.out << sound.err);
    CHECK(sound.exit_code == 0);
    CHECK(sound.out.empty());
    CHECK_THAT(sound.err, Catch::Contains("0 problems"));

    fs::path postlist;
    for (const auto& entry : fs::recursive_directory_iterator(db)) {
        if (entry.path().filename() == "postlist.glass") postlist = entry.path();
    }
    REQUIRE(!postlist.empty());
    // The last 64 bytes of the second 8 KB block: a Glass block fills with items from its end, so
    // these bytes are always data the check reads (a fixed offset inside a block can fall in its
    // free space, unread, depending on what the documents hold).
    REQUIRE(fs::file_size(postlist) >= 2 * 8192);
    {
        std::fstream file(postlist, std::ios::in | std::ios::out | std::ios::binary);
        for (std::streamoff at = 2 * 8192 - 64; at < 2 * 8192; ++at) {
            file.seekg(at);
            const char byte = static_cast<char>(file.get());
            file.seekp(at);
            file.put(static_cast<char>(~byte));
        }
    }
    ToolRun damaged = run_tool(tool("news-index"), {"--check", "--json", "--db", db.string()});
    INFO(damaged.out << damaged.err);
    CHECK(damaged.exit_code == 1);
    const json report = json::parse(damaged.out);
    REQUIRE(report["problems"].size() >= 1);
    CHECK_THAT(report["problems"][0].get<std::string>(),
               Catch::Contains(postlist.parent_path().filename().string()) && Catch::Contains("Xapian's check found"));
}

TEST_CASE("issue 21: news-index --check reports a damaged segment list, and refuses what is no index",
          "[e2e][nothing_lost][check]") {
    SmallIndex small;
    const fs::path& db = small.db;
    TempDir& dir = small.dir;
    std::ofstream(db / "XAPIANDB", std::ios::trunc).close();
    ToolRun run = run_tool(tool("news-index"), {"--check", "--db", db.string()});
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.out, Catch::Contains("problem:") && Catch::Contains("XAPIANDB is empty"));
    dir.write("plain/notes.txt", "not an index");
    CHECK(run_tool(tool("news-index"), {"--check", "--db", (dir / "plain").string()}).exit_code == 2);
}

TEST_CASE("issue 21: news-search names the file and the cause for a damaged or unreadable index",
          "[e2e][nothing_lost][check]") {
    SmallIndex small;
    const fs::path& db = small.db;
    auto search_error = [&] {
        ToolRun run = run_tool(tool("news-search"), {"--db", db.string(), "harbour"});
        CHECK(run.exit_code == 2);
        return run.err;
    };
    std::string stub;
    {
        std::ifstream in(db / "XAPIANDB");
        std::getline(in, stub);
    }
    std::ofstream(db / "XAPIANDB", std::ios::trunc).close();
    CHECK_THAT(search_error(), Catch::Contains((db / "XAPIANDB").string()) && Catch::Contains("list of segments is empty"));
    std::ofstream(db / "XAPIANDB", std::ios::trunc) << "glass seg-abc\n";
    CHECK_THAT(search_error(), Catch::Contains("line 1") && Catch::Contains("seg-abc is missing"));
    std::ofstream(db / "XAPIANDB", std::ios::trunc) << stub << '\n';
    CHECK(run_tool(tool("news-search"), {"--db", db.string(), "--count", "harbour"}).out == "1\n");
    if (::geteuid() != 0) {  // root reads everything
        fs::permissions(db, fs::perms::owner_all, fs::perm_options::replace);
        fs::permissions(db, fs::perms::none, fs::perm_options::replace);
        CHECK_THAT(search_error(), Catch::Contains("permission denied"));
        fs::permissions(db, fs::perms::owner_all, fs::perm_options::replace);
    }
}
