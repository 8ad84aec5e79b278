// The bad-input corpus (hardening issue) through the real news-index: each hostile input gets
// the behaviour its case names, one diagnostic line, the right exit code and summary counts,
// and every good article beside it is still indexed.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

#include "tests/support/bad_input.hpp"
#include "tests/support/paths.hpp"
#include "tests/support/run_tool.hpp"
#include "tests/support/temp_dir.hpp"

using namespace newsdex::test;
using nlohmann::json;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// The corpus, written once for the whole test run.
struct Corpus {
    TempDir dir;
    std::vector<BadInputCase> cases = write_bad_input(dir.path());
    bool permissions = permissions_enforced(dir.path());
};

const Corpus& corpus() {
    static const Corpus instance;
    return instance;
}

// What news-index must report for `c`, allowing for root, which reads unreadable files.
BadInputCase expected(const BadInputCase& c, bool permissions) {
    BadInputCase e = c;
    if (c.needs_permissions && !permissions) {
        e.rejected = 0;
        e.indexed += 1;  // the "unreadable" article is read after all
        e.message.clear();
    }
    return e;
}

}  // namespace

TEST_CASE("every bad-input case gets its behaviour, one line per problem, and spares the good articles",
          "[e2e][hardening][bad-input]") {
    const Corpus& bad = corpus();
    if (!bad.permissions) WARN("running as root: file permissions do not stop reads, so the unreadable cases are "
                               "checked as readable");
    REQUIRE(bad.cases.size() >= 30);
    for (const BadInputCase& c : bad.cases) {
        const BadInputCase e = expected(c, bad.permissions);
        TempDir db;
        ToolRun run = run_tool(tool("news-index"),
                               {"--db", db.path().string(), "--json", (bad.dir / "bad" / c.name).string()});
        INFO("case " << c.name << " (" << c.behaviour << ")\nstderr:\n" << run.err);
        CHECK(run.exit_code == (e.rejected > 0 ? 1 : 0));
        json summary = json::parse(run.out, nullptr, false);
        REQUIRE_FALSE(summary.is_discarded());
        CHECK(summary["rejected"] == e.rejected);
        CHECK(summary["warnings"] == e.warnings);
        CHECK(summary["indexed"] == e.indexed);
        CHECK(summary["documents"] == e.indexed);

        // One line per problem, each in the `news-index: FILE[:LINE]: reason` form.
        std::size_t rejections = 0, warnings = 0;
        for (const std::string& line : lines_of(run.err)) {
            CHECK_THAT(line, Catch::StartsWith("news-index: " + (bad.dir / "bad" / c.name).string() + "/"));
            ++(line.find(": warning: ") != std::string::npos ? warnings : rejections);
        }
        CHECK(rejections == e.rejected);
        CHECK(warnings == e.warnings);
        if (!e.message.empty()) CHECK_THAT(run.err, Catch::Contains("/" + e.message));

        // What was accepted despite its flaws can be found.
        if (!c.search_word.empty()) {
            ToolRun found = run_tool(tool("news-search"), {"--db", db.path().string(), "--count", c.search_word});
            CHECK(found.exit_code == 0);
            CHECK(found.out != "0\n");
        }
    }
}

TEST_CASE("the whole bad-input corpus in one run indexes every good article and counts every problem",
          "[e2e][hardening][bad-input]") {
    const Corpus& bad = corpus();
    std::size_t rejected = 0, warnings = 0, indexed = 0;
    for (const BadInputCase& c : bad.cases) {
        const BadInputCase e = expected(c, bad.permissions);
        rejected += e.rejected;
        warnings += e.warnings;
        indexed += e.indexed;
    }
    TempDir db;
    ToolRun run = run_tool(tool("news-index"), {"--db", db.path().string(), "--json", (bad.dir / "bad").string()});
    INFO(run.err);
    CHECK(run.exit_code == 1);
    json summary = json::parse(run.out);
    CHECK(summary["rejected"] == rejected);
    CHECK(summary["warnings"] == warnings);
    CHECK(summary["indexed"] == indexed);
    CHECK(lines_of(run.err).size() == rejected + warnings);

    // Every good article is there, under its id.
    for (const BadInputCase& c : bad.cases) {
        for (const auto& entry : std::filesystem::directory_iterator(bad.dir / "bad" / c.name)) {
            const std::string name = entry.path().filename().string();
            if (name.rfind("good", 0) != 0) continue;
            const std::string id = c.name + "/" + entry.path().stem().string();
            ToolRun shown = run_tool(tool("news-search"), {"--db", db.path().string(), "--show", id});
            INFO("good article " << id);
            CHECK(shown.exit_code == 0);
        }
    }
}

TEST_CASE("a file name holding a line break still gets a one-line diagnostic", "[e2e][hardening][bad-input]") {
    // Needs the common/diagnostics.cpp fix in /tmp/hardening/patches/diagnostics-one-line.patch:
    // the location is printed as given, so a newline in a file name splits the line.
    TempDir input;
    input.write("bad\nname.txt", std::string(64, '\0'));
    input.write("good.txt", "Good\n\nA good article.\n");
    TempDir db;
    ToolRun run = run_tool(tool("news-index"), {"--db", db.path().string(), "--json", input.path().string()});
    CHECK(run.exit_code == 1);
    CHECK(lines_of(run.err).size() == 1);
}
