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
#include "tests/support/temp_dir.hpp"

using namespace newsdex::test;
using nlohmann::json;

namespace {

// The words of `text`, lower-cased: runs of ASCII letters, digits and apostrophes.
std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    for (char c : text + " ") {
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '\'') {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else if (!word.empty()) {
            words.push_back(word);
            word.clear();
        }
    }
    return words;
}

bool has_word_starting(const std::string& text, const std::string& start) {
    auto words = words_of(text);
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return w.starts_with(start); });
}

// The <mark>…</mark> spans of a JSON snippet.
std::vector<std::string> marks(const std::string& snippet) {
    std::vector<std::string> found;
    std::size_t at = 0;
    while ((at = snippet.find("<mark>", at)) != std::string::npos) {
        std::size_t end = snippet.find("</mark>", at);
        found.push_back(snippet.substr(at + 6, end - at - 6));
        at = end;
    }
    return found;
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
