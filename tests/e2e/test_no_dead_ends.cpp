// Issue 17, "Search with no dead ends": wildcards, relaxed matching, spelling, queries that
// start with `-`, snippets of filter-only queries and one contract for --json, through the real
// binaries on the BBC corpus, the seeds and small made-up indexes.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "tests/support/bbc_headlines.hpp"
#include "tests/support/paths.hpp"
#include "tests/support/run_tool.hpp"
#include "tests/support/shared_indexes.hpp"
#include "tests/support/snippet_text.hpp"
#include "tests/support/split_mix.hpp"
#include "tests/support/temp_dir.hpp"

using namespace newsdex::test;
using nlohmann::json;

namespace {

bool has_word_starting(const std::string& text, const std::string& start) {
    auto words = words_of(text);
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return w.starts_with(start); });
}

std::string join_words(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& word : words) out += (out.empty() ? "" : " ") + word;
    return out;
}

std::vector<std::string> ids_of(const json& result) {
    std::vector<std::string> ids;
    for (const auto& hit : result["results"]) ids.push_back(hit["id"]);
    return ids;
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

TEST_CASE("issue 17: a BBC headline stripped of punctuation, with one word replaced by an unknown one, finds its article first",
          "[e2e][search][relaxed][known-item]") {
    std::vector<BbcFile> files = sample_files(distinct_bbc_files(), 200, 17);
    SplitMix random(1987);
    int stripped_first = 0, replaced_first = 0;
    std::vector<std::string> misses;
    for (const auto& file : files) {
        std::vector<std::string> words = stripped_headline_query(file.headline);
        REQUIRE_FALSE(words.empty());
        std::string top;
        if (finds_first(bbc_index(), file, words, top)) {
            ++stripped_first;
        } else {
            misses.push_back("stripped " + file.id + " \"" + join_words(words) + "\" -> " + (top.empty() ? "nothing" : top));
        }
        // A word no BBC article holds, in place of a random one of the headline's.
        std::string unknown = "zq";
        for (int letter = 0; letter < 6; ++letter) unknown += static_cast<char>('a' + random.below(26));
        words[random.below(words.size())] = unknown;
        if (finds_first(bbc_index(), file, words, top)) {
            ++replaced_first;
        } else {
            misses.push_back("replaced " + file.id + " \"" + join_words(words) + "\" -> " + (top.empty() ? "nothing" : top));
        }
    }
    std::string missed;
    for (const auto& miss : misses) missed += "\n  " + miss;
    WARN("known-item search on 200 BBC headlines: stripped of punctuation " << stripped_first << ", and with one word replaced "
                                                                            << replaced_first << missed);
    CHECK(stripped_first >= 190);
    CHECK(replaced_first >= 190);
}

TEST_CASE("issue 17: a plain query no article fully holds shows the articles with most of its words, and says so",
          "[e2e][search][relaxed]") {
    TempDir db;
    std::string input =
        R"({"id": "all-but-one", "title": "Machine tool orders fell", "body": "US machine tool orders fell 11 pct in February."})" "\n"
        R"({"id": "three", "title": "Tool sales", "body": "Machine tool sales rose, orders were flat."})" "\n"
        R"({"id": "one", "title": "Orders", "body": "Orders for ships rose."})" "\n";
    REQUIRE(run_tool(tool("news-index"), {"--db", db.path().string(), "-"}, input).exit_code == 0);

    // "Feb" is in no article: all-words matching finds nothing. At least half the words (5)
    // are asked for, and as many as the best results have: 8.
    const std::vector<std::string> query{"US", "Machine", "Tool", "Orders", "Fell", "11", "Pct", "In", "Feb"};
    ToolRun text = search(db, query);
    CHECK(text.exit_code == 0);
    CHECK_THAT(text.out, Catch::StartsWith("1. Machine tool orders fell"));
    CHECK_THAT(text.err, Catch::Contains("no article has all 9 words; showing articles with at least 8\n"));
    json result = search_json(db, query);
    CHECK(ids_of(result) == std::vector<std::string>{"all-but-one"});
    CHECK(result["relaxed"]["min_words"] == 8);
    CHECK(result["relaxed"]["words"] == 9);
    CHECK(result["relaxed"]["all_words"] == 0);

    // With fewer words the share asked for is a half, rounded up: 2 of 3.
    json three = search_json(db, {"machine", "orders", "zqxv"});
    CHECK(ids_of(three) == std::vector<std::string>{"all-but-one", "three"});
    CHECK(three["relaxed"]["min_words"] == 2);
    // Results with more of the words come first, whatever BM25 says.
    json two = search_json(db, {"orders", "rose", "machine", "zqxv"});
    CHECK(ids_of(two) == std::vector<std::string>{"three", "all-but-one", "one"});

    // A query all of whose words some article holds is not relaxed.
    CHECK(search_json(db, {"machine", "tool"})["relaxed"].is_null());
    // Explicit operators, quotes, -word and fields are never relaxed.
    for (std::vector<std::string> strict : {std::vector<std::string>{"machine AND tool AND feb"},
                                            {"\"machine tool feb\""},
                                            {"machine", "tool", "feb", "-ships"},
                                            {"title:machine", "feb"},
                                            {"machine", "tool*", "feb"}}) {
        INFO(join_words(strict));
        ToolRun run = search(db, strict);
        CHECK(run.exit_code == 1);
        CHECK(run.out.empty());
    }
    // Flag filters stay: they narrow the relaxed results too.
    CHECK(search_json(db, {"--source", "nowhere", "machine", "feb"})["total"] == 0);
}
