// Issue 17, "Search with no dead ends": wildcards, relaxed matching, spelling, queries that
// start with `-`, snippets of filter-only queries and one contract for --json, through the real
// binaries on the BBC corpus, the seeds and small made-up indexes.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "tests/support/paths.hpp"
#include "tests/support/run_tool.hpp"
#include "tests/support/shared_indexes.hpp"
#include "tests/support/snippet_text.hpp"
#include "tests/support/temp_dir.hpp"

using namespace newsdex::test;
using nlohmann::json;

namespace {

bool has_word_starting(const std::string& text, const std::string& start) {
    auto words = words_of(text);
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return w.starts_with(start); });
}

int total_of(const TempDir& db, std::vector<std::string> args) { return search_json(db, std::move(args))["total"]; }

}  // namespace

TEST_CASE("issue 17: a wildcard expands over the stems the index holds", "[e2e][search][wildcard]") {
    // `elect*` found nothing: the words are indexed as Z stems only.
    const int elect = total_of(bbc_index(), {"elect*"});
    CHECK(elect >= total_of(bbc_index(), {"election"}));
    CHECK(elect >= total_of(bbc_index(), {"electricity"}));
    json result = search_json(bbc_index(), {"--limit", "10", "elect*"});
    REQUIRE(result["results"].size() == 10);
    for (const auto& hit : result["results"]) {
        INFO(hit["snippet"]);
        std::vector<std::string> found = marks(hit["snippet"]);
        CHECK_FALSE(found.empty());
        for (const auto& span : found) {
            for (const auto& word : words_of(span)) CHECK(word.starts_with("elect"));
        }
    }

    // A capital does not matter, and the pattern may end inside a stem ("russia", "russian").
    const int russ = total_of(bbc_index(), {"Russ*"});
    CHECK(russ >= total_of(bbc_index(), {"Russia"}));
    CHECK(russ > total_of(bbc_index(), {"Russian"}));

    // title: expands over the headline's stems only.
    json titles = search_json(bbc_index(), {"--limit", "100", "title:elect*"});
    CHECK(titles["total"].get<int>() >= 10);
    CHECK(titles["total"].get<int>() < elect);
    for (const auto& hit : titles["results"]) {
        INFO(hit["title"]);
        CHECK(has_word_starting(hit["title"], "elect"));
    }
}
