// Issue "Search experience: relevance, snippets, paging, more-like-this, spelling and index
// info", through the real binaries on the BBC corpus and the seeds.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>

#include <xapian.h>

#include "tests/support/paths.hpp"
#include "tests/support/run_tool.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/shared_indexes.hpp"
#include "tests/support/bbc_headlines.hpp"
#include "tests/support/snippet_text.hpp"

using namespace newsdex::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> ids_of(const json& result) {
    std::vector<std::string> ids;
    for (const auto& hit : result["results"]) ids.push_back(hit["id"]);
    return ids;
}

std::string folder_of(const std::string& id) { return id.substr(0, id.find('/')); }


}  // namespace

TEST_CASE("a BBC article's headline finds that article first in at least 90 of 100 cases", "[e2e][search][relevance]") {
    std::vector<BbcFile> all = distinct_bbc_files();
    REQUIRE(all.size() == 2127);
    std::vector<BbcFile> files = sample_files(all, 100, 20240611);
    int found_first = 0;
    std::vector<std::string> misses;
    for (std::size_t i = 0; i < 100; ++i) {
        const BbcFile& file = files[i];
        std::string top;
        const bool first = finds_first(bbc_index(), file, headline_query(file.headline), top);
        if (first) {
            ++found_first;
        } else {
            misses.push_back(file.id + " \"" + file.headline + "\" -> " + (top.empty() ? "nothing" : top));
        }
    }
    std::string missed;
    for (const auto& miss : misses) missed += "\n  " + miss;
    WARN("known-item search: " << found_first << " of 100 BBC headlines find their article first" << missed);
    CHECK(found_first >= 90);
}

TEST_CASE("articles with the query words together rank above ones with them apart", "[e2e][search][relevance]") {
    TempDir db;
    // Same length, same words: only their proximity differs, and the apart one comes first.
    std::string input =
        R"({"id": "apart", "title": "Report", "body": "The prime cause was clear and the minister said so today."})" "\n"
        R"({"id": "together", "title": "Report", "body": "The clear cause was prime and the minister said so today."})" "\n"
        R"({"id": "phrase", "title": "Report", "body": "The clear cause was so and the prime minister said today."})" "\n";
    REQUIRE(run_tool(tool("news-index"), {"--db", db.path().string(), "-"}, input).exit_code == 0);
    json result = search_json(db, {"prime minister"});
    CHECK(ids_of(result) == std::vector<std::string>{"phrase", "together", "apart"});
    // Operators switch the boost off: the query means exactly what it says.
    CHECK(search_json(db, {"prime AND minister"})["total"] == 3);
}

TEST_CASE("a phrase of stopwords is searched and highlighted whole", "[e2e][search][snippets]") {
    TempDir db;
    std::string input =
        R"({"id": "speech", "title": "Address", "body": "He gave the State of the Union address to Congress."})" "\n"
        R"({"id": "words", "title": "Address", "body": "The union said the state of play was the same as before."})" "\n";
    REQUIRE(run_tool(tool("news-index"), {"--db", db.path().string(), "-"}, input).exit_code == 0);
    json result = search_json(db, {"\"the state of the union\""});
    REQUIRE(ids_of(result) == std::vector<std::string>{"speech"});
    CHECK(marks(result["results"][0]["snippet"]) == std::vector<std::string>{"the State of the Union"});
    CHECK(search_json(db, {"the state of the union"})["total"] == 2);
    CHECK(ids_of(search_json(db, {"the state of the union"}))[0] == "speech");

    json bbc = search_json(bbc_index(), {"\"the rest of the world\""});
    REQUIRE(bbc["results"].size() >= 3);
    for (const auto& hit : bbc["results"]) {
        INFO(hit["snippet"]);
        for (const auto& mark : marks(hit["snippet"])) CHECK(lower(mark) == "the rest of the world");
    }
}

TEST_CASE("every highlighted word in a JSON snippet is a query word or has its stem", "[e2e][search][snippets]") {
    Xapian::Stem english("english");
    for (std::string query : {"election campaign", "oil prices", "Chelsea goals", "mobile phones"}) {
        json result = search_json(bbc_index(), {"--limit", "10", query});
        REQUIRE(result["results"].size() == 10);
        std::set<std::string> asked;
        for (const auto& word : words_of(query)) asked.insert(english(word));
        for (const auto& hit : result["results"]) {
            std::vector<std::string> found = marks(hit["snippet"]);
            INFO(query << ": " << hit["snippet"]);
            CHECK_FALSE(found.empty());
            for (const auto& span : found) {
                for (auto word : words_of(span)) {
                    if (word.ends_with("'s")) word.resize(word.size() - 2);
                    INFO(word);
                    CHECK(asked.count(english(word)) == 1);
                }
            }
        }
    }
}

TEST_CASE("a phrase query highlights the phrase as one span, never a lone word of it", "[e2e][search][snippets]") {
    json result = search_json(bbc_index(), {"--limit", "10", "\"prime minister\""});
    REQUIRE(result["results"].size() == 10);
    for (const auto& hit : result["results"]) {
        INFO(hit["snippet"]);
        std::vector<std::string> found = marks(hit["snippet"]);
        CHECK_FALSE(found.empty());
        // Phrases match by stem, as the index does: "prime minister's" is an occurrence.
        for (const auto& span : found) CHECK((lower(span) == "prime minister" || lower(span) == "prime minister's"));
    }
}

TEST_CASE("snippets are about the requested length and end at word boundaries", "[e2e][search][snippets]") {
    json result = search_json(bbc_index(), {"--limit", "10", "--snippet-length", "120", "economy"});
    for (const auto& hit : result["results"]) {
        std::string snippet = hit["snippet"];
        std::string plain;
        for (const auto& part : {"<mark>", "</mark>"}) {
            for (std::size_t at; (at = snippet.find(part)) != std::string::npos;) snippet.erase(at, std::string(part).size());
        }
        plain = snippet;
        INFO(plain);
        CHECK(plain.size() <= 120 + 2 * std::string("…").size());
        if (plain.ends_with("…")) CHECK(std::isalnum(static_cast<unsigned char>(plain[plain.size() - 4])) != 0);
    }
}

TEST_CASE("news-search --similar finds articles on the same topic, without the article and its copies", "[e2e][search][similar]") {
    // Ten articles from each BBC section, spread over the section.
    int same_topic = 0, mostly_same = 0, articles = 0;
    std::string report;
    for (const char* folder : {"business", "entertainment", "politics", "sport", "tech"}) {
        for (int number = 5; number <= 365; number += 40) {
            char id[64];
            std::snprintf(id, sizeof id, "%s/%03d", folder, number);
            json result = search_json(bbc_index(), {"--similar", id, "--limit", "5"});
            REQUIRE(result["results"].size() == 5);
            int same = 0;
            for (const auto& hit_id : ids_of(result)) {
                CHECK(hit_id != id);
                same += folder_of(hit_id) == folder;
            }
            same_topic += same;
            mostly_same += same >= 4;
            ++articles;
            if (same < 4) report += std::string("\n  ") + id + ": " + std::to_string(same) + " of 5";
        }
    }
    WARN("--similar: " << same_topic << " of " << 5 * articles << " top-5 results share the article's BBC section; "
                       << mostly_same << " of " << articles << " articles have at least 4 of 5" << report);
    CHECK(mostly_same >= articles * 8 / 10);
    CHECK(same_topic >= 5 * articles * 85 / 100);

    // business/007 has an exact copy (business/253): neither it nor its cluster comes back.
    json cluster = search_json(bbc_index(), {"--cluster", "business/007"});
    std::set<std::string> excluded{"business/007", "business/253"};
    for (const auto& member : cluster["members"]) excluded.insert(member["id"].get<std::string>());
    json result = search_json(bbc_index(), {"--similar", "business/253", "--limit", "20", "--no-collapse"});
    REQUIRE(result["results"].size() == 20);
    for (const auto& hit_id : ids_of(result)) CHECK(excluded.count(hit_id) == 0);
}

TEST_CASE("news-search --similar excludes every member of the article's near-duplicate cluster", "[e2e][search][similar]") {
    // Find a BBC cluster with more than one member through the index itself.
    Xapian::Database db(bbc_index().path().string());
    std::string member_id;
    std::set<std::string> members;
    for (auto it = db.allterms_begin("XC"); it != db.allterms_end("XC") && member_id.empty(); ++it) {
        if (it.get_termfreq() < 2) continue;
        for (auto post = db.postlist_begin(*it); post != db.postlist_end(*it); ++post) {
            json stored = json::parse(db.get_document(*post).get_data());
            members.insert(stored["id"].get<std::string>());
        }
        member_id = *members.begin();
    }
    REQUIRE(members.size() >= 2);
    json result = search_json(bbc_index(), {"--similar", member_id, "--limit", "30", "--no-collapse"});
    REQUIRE(result["results"].size() == 30);
    for (const auto& hit_id : ids_of(result)) {
        INFO(hit_id);
        CHECK(members.count(hit_id) == 0);
    }
}

TEST_CASE("news-search --similar with an unknown id exits 1 with a message on stderr", "[e2e][search][similar]") {
    ToolRun run = search(seeds_index(), {"--similar", "no-such-id"});
    CHECK(run.exit_code == 1);
    CHECK(run.out.empty());
    CHECK_THAT(run.err, Catch::Contains("no article with id \"no-such-id\""));
    ToolRun text = search(seeds_index(), {"--similar", "001_644cae95aa9a28a1", "--color", "never"});
    CHECK(text.exit_code == 0);
    CHECK_THAT(text.out, !Catch::Contains("001_644cae95aa9a28a1"));
}

TEST_CASE("a misspelt query gets a suggestion that finds more", "[e2e][search][spelling]") {
    json seeds = search_json(seeds_index(), {"Vladivostk"});
    CHECK(seeds["total"] == 0);
    CHECK(seeds["suggestion"] == "Vladivostok");
    ToolRun text = search(seeds_index(), {"Vladivostk"});
    CHECK(text.exit_code == 1);
    CHECK(text.out.empty());
    CHECK_THAT(text.err, Catch::Contains("Did you mean: Vladivostok\n"));

    json bbc = search_json(bbc_index(), {"governmnet plans"});
    CHECK(bbc["suggestion"] == "government plans");
    json fine = search_json(bbc_index(), {"government plans"});
    CHECK(fine["suggestion"].is_null());
    // A rare word that finds its articles is left alone when nothing close finds more.
    json rare = search_json(seeds_index(), {"Tatmadaw"});
    CHECK(rare["total"].get<int>() >= 1);
    CHECK(rare["suggestion"].is_null());
}

TEST_CASE("news-search --info describes the seeds index", "[e2e][search][info]") {
    json info = search_json(seeds_index(), {"--info"});
    CHECK(info["articles"] == 5);
    CHECK(info["dated"] == 5);
    CHECK(info["date_range"]["from"] == "2022-08-01");  // a month-precision date is its first day
    CHECK(info["date_range"]["to"] == "2025-03-04");
    CHECK(info["sources"] == 1);
    REQUIRE(info["top_sources"].size() == 1);
    CHECK(info["top_sources"][0]["value"] == "AUN News");
    CHECK(info["top_sources"][0]["count"] == 1);
    CHECK(info["actors"]["total"].get<int>() > 10);
    CHECK(info["actors"]["total"].get<int>() >= info["actors"]["person"].get<int>() + 1);
    CHECK(info["size_bytes"].get<std::uintmax_t>() > 10000);
    CHECK_THAT(info["last_updated"].get<std::string>(), Catch::Matches(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"));

    ToolRun text = search(seeds_index(), {"--info"});
    CHECK(text.exit_code == 0);
    CHECK_THAT(text.out, Catch::Contains("articles:      5 (5 dated, 0 undated)"));
    CHECK_THAT(text.out, Catch::Contains("dates:         2022-08-01 .. 2025-03-04"));
    CHECK_THAT(text.out, Catch::Contains("      1  AUN News"));
}

TEST_CASE("news-search --info on the BBC index counts its documents and has no dates", "[e2e][search][info]") {
    json info = search_json(bbc_index(), {"--info"});
    CHECK(info["articles"] == 2124);
    CHECK(info["dated"] == 0);
    CHECK(info["date_range"].is_null());
}

TEST_CASE("sorting by date orders the seeds newest or oldest first, relevance by score", "[e2e][search][sort]") {
    auto dates = [](const json& result) {
        std::vector<std::string> out;
        for (const auto& hit : result["results"]) out.push_back(hit["date"]);
        return out;
    };
    std::vector<std::string> newest = dates(search_json(seeds_index(), {"--sort", "date", "Myanmar"}));
    std::vector<std::string> oldest = dates(search_json(seeds_index(), {"--sort", "-date", "Myanmar"}));
    REQUIRE(newest.size() >= 4);
    CHECK(std::is_sorted(newest.rbegin(), newest.rend()));
    CHECK(std::is_sorted(oldest.begin(), oldest.end()));
    CHECK(newest.front() == "2025-03-04");
    CHECK(oldest.back() == "2025-03-04");
    json relevance = search_json(seeds_index(), {"--sort", "relevance", "Myanmar Russia"});
    double previous = 1e9;
    for (const auto& hit : relevance["results"]) {
        CHECK(hit["score"].get<double>() <= previous);
        previous = hit["score"];
    }
    CHECK(search(seeds_index(), {"--sort", "size", "x"}).exit_code == 2);
}

TEST_CASE("pages of BBC results join up to the unpaged list, with the same total", "[e2e][search][paging]") {
    json all = search_json(bbc_index(), {"--limit", "30", "economy"});
    REQUIRE(all["results"].size() == 30);
    std::vector<std::string> paged;
    for (int offset : {0, 10, 20}) {
        json page = search_json(bbc_index(), {"--limit", "10", "--offset", std::to_string(offset), "economy"});
        CHECK(page["total"] == all["total"]);
        CHECK(page["offset"] == offset);
        REQUIRE(page["results"].size() == 10);
        CHECK(page["results"][0]["rank"] == offset + 1);
        for (const auto& id : ids_of(page)) paged.push_back(id);
    }
    CHECK(paged == ids_of(all));
    json beyond = search_json(bbc_index(), {"--offset", "100000", "economy"});
    CHECK(beyond["results"].empty());
    CHECK(beyond["total"] == all["total"]);
}

TEST_CASE("news-search --count prints only the number of matches", "[e2e][search][paging]") {
    ToolRun run = search(bbc_index(), {"--count", "economy"});
    CHECK(run.exit_code == 0);
    json result = search_json(bbc_index(), {"economy"});
    CHECK(run.out == std::to_string(result["total"].get<int>()) + "\n");
    CHECK(run.err.empty());
    // The total is the number of results there are, also for a NOT with collapsing, where
    // Xapian's own estimate drifts.
    for (std::string query : {"economy -growth", "prime minister", "economy"}) {
        INFO(query);
        json listed = search_json(bbc_index(), {"--limit", "5000", query});
        CHECK(listed["total"] == listed["results"].size());
        CHECK(listed["total_exact"] == true);
        CHECK(search(bbc_index(), {"--count", query}).out == std::to_string(listed["results"].size()) + "\n");
    }
    ToolRun none = search(bbc_index(), {"--count", "zzzunknownword"});
    CHECK(none.exit_code == 1);
    CHECK(none.out == "0\n");
}

TEST_CASE("terminal output: results on stdout one blank line apart, the summary on stderr", "[e2e][search][output]") {
    ToolRun run = search(bbc_index(), {"--limit", "3", "economy"});
    REQUIRE(run.exit_code == 0);
    CHECK_THAT(run.out, Catch::StartsWith("1. "));
    CHECK_THAT(run.out, Catch::Contains("\n\n2. "));
    CHECK_THAT(run.out, Catch::Contains("\n\n3. "));
    CHECK_THAT(run.out, !Catch::Contains("\n\n\n"));
    CHECK_THAT(run.out, !Catch::EndsWith("\n\n"));
    CHECK_THAT(run.out, !Catch::Contains("matches"));
    CHECK_THAT(run.err, Catch::Matches(R"(\n\d+ matches(, \d+ articles counting near copies)?, showing 1–3 \(\d+\.\d ms\)\n)"));
    // Not a terminal: no colour unless asked for; --color always forces it.
    CHECK(run.out.find('\033') == std::string::npos);
    ToolRun always = search(bbc_index(), {"--limit", "3", "--color", "always", "economy"});
    CHECK_THAT(always.out, Catch::Contains("\033[1;31m"));
    CHECK(search(bbc_index(), {"--limit", "3", "--color", "never", "economy"}).out == run.out);
}

TEST_CASE("news-search --lang selects the query stemmer", "[e2e][search][lang]") {
    TempDir db;
    std::string input =
        R"({"id": "fr", "lang": "fr", "title": "Presse", "body": "Le journal du soir a paru."})" "\n";
    REQUIRE(run_tool(tool("news-index"), {"--db", db.path().string(), "-"}, input).exit_code == 0);
    // French stems "journaux" to "journal", as the index holds it; English leaves it alone.
    CHECK(search_json(db, {"--lang", "fr", "journaux"})["total"] == 1);
    CHECK(search_json(db, {"journaux"})["total"] == 0);
    CHECK(search_json(db, {"--lang", "en", "journaux"})["total"] == 0);
}
