// Issue 17, "Search with no dead ends": wildcards, relaxed matching, spelling, queries that
// start with `-`, snippets of filter-only queries and one contract for --json, through the real
// binaries on the BBC corpus, the seeds and small made-up indexes.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/bbc_headlines.hpp"
#include "tests/support/paths.hpp"
#include "tests/support/run_tool.hpp"
#include "tests/support/shared_indexes.hpp"
#include "tests/support/snippet_text.hpp"
#include "benchmarks/split_mix.hpp"
#include "benchmarks/typo_sample.hpp"
#include "tests/support/temp_dir.hpp"

using namespace newsdex::test;
using newsdex::one_edit_typos;
using newsdex::SplitMix;
using newsdex::Typo;
using newsdex::written_words;
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

    // What a pasted headline holds besides words does not stop relaxing: a lone dash, brackets,
    // a colon after a word that is no field, capitals only (AND, NOT are words then).
    for (std::string pasted : {"Machine tool orders - Feb", "(Machine tool) orders Feb", "Analysis: machine tool orders Feb",
                               "MACHINE TOOL ORDERS NOT IN FEB"}) {
        INFO(pasted);
        json result = search_json(db, {pasted});
        CHECK(ids_of(result).front() == "all-but-one");
        CHECK_FALSE(result["relaxed"].is_null());
    }
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

TEST_CASE("issue 17: initialisms match whatever their case and dots", "[e2e][search][acronyms]") {
    TempDir db;
    std::string input =
        R"({"id": "dots", "title": "Trade", "body": "The U.S. trade deficit widened."})" "\n"
        R"({"id": "small", "title": "Trade", "body": "the u.s. trade deficit narrowed."})" "\n"
        R"({"id": "bare", "title": "Trade", "body": "US trade talks resume."})" "\n"
        R"({"id": "other", "title": "Trade", "body": "U.K. trade is flat."})" "\n";
    REQUIRE(run_tool(tool("news-index"), {"--db", db.path().string(), "-"}, input).exit_code == 0);
    for (std::string query : {"u.s.", "U.S.", "US", "u.s", "U.S"}) {
        INFO(query);
        CHECK(total_of(db, {query}) == 3);
        CHECK(total_of(db, {query, "trade"}) == 3);
    }
    CHECK(total_of(db, {"u.k."}) == 1);
}

TEST_CASE("issue 17: a query may start with -word, as users type it, and --help shows the syntax", "[e2e][search][cli]") {
    const int opec = total_of(bbc_index(), {"oil"});
    ToolRun run = search(bbc_index(), {"--count", "oil", "-opec"});
    CHECK(run.exit_code == 0);
    const int without = std::stoi(run.out);
    CHECK(without > 0);
    CHECK(without < opec);
    CHECK(search(bbc_index(), {"--count", "--", "oil", "-opec"}).out == run.out);
    // A word before the options, a -word first, and an option's own negative value.
    CHECK(search(bbc_index(), {"-opec", "--count", "oil"}).out == run.out);
    CHECK(search(bbc_index(), {"--limit", "-1", "oil"}).exit_code == 2);
    // -word alone: every article but those.
    CHECK(total_of(bbc_index(), {"-opec"}) == total_of(bbc_index(), {""}) - total_of(bbc_index(), {"opec"}));
    // A mistyped long option is still an error, by name.
    ToolRun typo = search(bbc_index(), {"--limt", "3", "oil"});
    CHECK(typo.exit_code == 2);
    CHECK_THAT(typo.err, Catch::Contains("--limt"));

    ToolRun help = run_tool(tool("news-search"), {"--help"});
    CHECK(help.exit_code == 0);
    CHECK_THAT(help.out, Catch::Contains("Query syntax"));
    CHECK_THAT(help.out, Catch::Contains("news-search --db idx opec -saudi"));
    CHECK_THAT(help.out, Catch::Contains("elect*"));
    CHECK_THAT(help.out, !Catch::Contains("{false}"));
    ToolRun version = run_tool(tool("news-search"), {"--version"});
    CHECK(version.exit_code == 0);
    CHECK_THAT(version.out, Catch::StartsWith("news-search "));
    CHECK_THAT(run_tool(tool("news-index"), {"--help"}).out, !Catch::Contains("{false}"));
    CHECK_THAT(run_tool(tool("news-index"), {"--version"}).out, Catch::StartsWith("news-index "));
}

TEST_CASE("issue 17: bad flag values and empty fields are usage errors naming the flag", "[e2e][search][cli]") {
    struct Row {
        std::vector<std::string> args;
        const char* named;
    };
    for (const auto& [args, named] : {Row{{"--limit", "-1", "oil"}, "--limit"},
                                      Row{{"--offset", "x", "oil"}, "--offset"},
                                      Row{{"--lang", "xx", "oil"}, "--lang"},
                                      Row{{"--from", "1987-04-01", "--to", "1987-03-01", "oil"}, "--from"},
                                      Row{{"--from", "someday", "oil"}, "--from"},
                                      Row{{"--snippet-length", "3", "oil"}, "--snippet-length"},
                                      Row{{"--month", "2022", "oil"}, "--month"},
                                      Row{{"--count", "--facet", "month", "oil"}, "--count"},
                                      Row{{"title:"}, "title:"},
                                      Row{{"oil", "person:"}, "person:"},
                                      Row{{"date:2022-04-01..2022-03-01"}, "date range"}}) {
        ToolRun run = search(bbc_index(), args);
        INFO(run.err);
        CHECK(run.exit_code == 2);
        CHECK(run.out.empty());
        CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
        CHECK_THAT(run.err, Catch::Contains(named));
    }
    // --snippet-length 0 means no snippets.
    ToolRun text = search(bbc_index(), {"--snippet-length", "0", "--limit", "1", "oil"});
    CHECK(text.exit_code == 0);
    CHECK(std::count(text.out.begin(), text.out.end(), '\n') == 2);  // headline and metadata lines only
    CHECK(search_json(bbc_index(), {"--snippet-length", "0", "--limit", "1", "oil"})["results"][0]["snippet"].is_null());
}

TEST_CASE("issue 17: under --json every output is one JSON object", "[e2e][search][json]") {
    // --count: the object, without results.
    ToolRun count = search(bbc_index(), {"--json", "--count", "oil"});
    CHECK(count.exit_code == 0);
    json counted = json::parse(count.out);
    CHECK(counted["total"] == total_of(bbc_index(), {"oil"}));
    CHECK(counted["results"].empty());

    // Errors, with the exit code.
    for (std::vector<std::string> args : {std::vector<std::string>{"--json", "--limit", "-1", "oil"},
                                          {"--json", "title:"},
                                          {"--json", "--sort", "size", "oil"}}) {
        ToolRun run = search(bbc_index(), args);
        CHECK(run.exit_code == 2);
        json error = json::parse(run.out);
        CHECK(error["exit"] == 2);
        CHECK_FALSE(error["error"].get<std::string>().empty());
    }
    ToolRun missing = search(bbc_index(), {"--json", "--show", "no/such"});
    CHECK(missing.exit_code == 1);
    CHECK(json::parse(missing.out) == json{{"error", "no article with id \"no/such\""}, {"exit", 1}});
    ToolRun no_index = run_tool(tool("news-search"), {"--db", "/nonexistent/index", "--json", "oil"});
    CHECK(no_index.exit_code == 2);
    CHECK(json::parse(no_index.out)["exit"] == 2);
    CHECK(json::parse(run_tool(tool("news-search"), {"--json", "--version"}).out)["program"] == "news-search");

    // Missing values are null; suggestion and relaxed are always there; totals say what they count.
    json result = search_json(bbc_index(), {"--limit", "1", "oil"});
    const json& hit = result["results"][0];
    CHECK(hit["date"].is_null());    // the BBC corpus has no dates
    CHECK(hit["source"].is_null());  // nor sources
    CHECK(hit["url"].is_null());
    CHECK(result["suggestion"].is_null());
    CHECK(result["relaxed"].is_null());
    CHECK(result["total_unit"] == "stories");
    CHECK(result["articles"].get<int>() >= result["total"].get<int>());
    CHECK(search_json(bbc_index(), {"--no-collapse", "oil"})["total_unit"] == "articles");
    json shown = search_json(bbc_index(), {"--show", "business/001"});
    CHECK(shown["author"].is_null());
    CHECK(shown["date"].is_null());

    // --similar: no query, the id it is like.
    json similar = search_json(bbc_index(), {"--similar", "business/001", "--limit", "3"});
    CHECK(similar["query"].is_null());
    CHECK(similar["similar"] == "business/001");
    CHECK(similar["results"].size() == 3);
}

TEST_CASE("issue 17: --info counts stories beside articles, facet counts line up, --cluster names each member once",
          "[e2e][search][output]") {
    json info = search_json(bbc_index(), {"--info"});
    CHECK(info["articles"] == 2124);
    CHECK(info["stories"] == total_of(bbc_index(), {""}));
    CHECK(info["stories"] < info["articles"]);
    ToolRun text = search(bbc_index(), {"--info"});
    CHECK_THAT(text.out, Catch::Contains("stories:       " + std::to_string(info["stories"].get<int>())));
    ToolRun all = search(bbc_index(), {"--limit", "0", ""});
    CHECK_THAT(all.err, Catch::Contains(std::to_string(info["stories"].get<int>()) + " matches, 2124 articles counting near copies"));

    ToolRun facets = search(bbc_index(), {"--limit", "0", "--facet", "person", "--facet-limit", "12", ""});
    std::vector<std::string> rows;
    std::istringstream lines(facets.out);
    for (std::string line; std::getline(lines, line);) {
        if (line.starts_with("  ")) rows.push_back(line);
    }
    REQUIRE(rows.size() == 12);
    // Counts right-aligned: the names all start in the same column.
    const std::size_t column = rows.front().find_first_not_of("0123456789 ");
    for (const auto& row : rows) {
        INFO(row);
        CHECK(row.find_first_not_of("0123456789 ") == column);
    }

    json cluster = search_json(bbc_index(), {"--cluster", "business/007"});
    ToolRun members = search(bbc_index(), {"--cluster", "business/007"});
    for (const auto& member : cluster["members"]) {
        const std::string id = member["id"];
        std::size_t count = 0;
        for (std::size_t at = members.out.find(id); at != std::string::npos; at = members.out.find(id, at + 1)) ++count;
        CHECK(count == 1);
    }
}

TEST_CASE("issue 17: a filter-only search shows where the article names the actor, never a cut dateline",
          "[e2e][search][snippets]") {
    TempDir db;
    std::string filler;
    for (int i = 0; i < 40; ++i) filler += "Traders watched the market closely all day. ";
    std::string input =
        R"({"id": "wire", "title": "Oil prices rise", "source": "Wire", "body": "HOUSTON, March 29 - The oil price rose on Monday. )" +
        filler + R"(\nRussian Foreign Minister Sergei Lavrov said on Tuesday that the talks would go on. )" + filler +
        R"(Later, Lavrov added that nothing was agreed."})" "\n";
    REQUIRE(run_tool(tool("news-index"), {"--db", db.path().string(), "-"}, input).exit_code == 0);
    for (std::vector<std::string> args : {std::vector<std::string>{"--actor", "Lavrov", ""},
                                          {"person:\"Sergei Lavrov\""},
                                          {"actor:Lavrov"}}) {
        json result = search_json(db, args);
        REQUIRE(result["results"].size() == 1);
        const std::string snippet = result["results"][0]["snippet"];
        INFO(snippet);
        std::vector<std::string> found = marks(snippet);
        REQUIRE_FALSE(found.empty());
        for (const auto& span : found) CHECK((span == "Sergei Lavrov" || span == "Lavrov"));
    }
    // Filters without an actor show the lead, after the dateline.
    json lead = search_json(db, {"--source", "Wire", ""});
    REQUIRE(lead["results"].size() == 1);
    CHECK_THAT(lead["results"][0]["snippet"].get<std::string>(), Catch::StartsWith("The oil price rose on Monday."));
    // A passage never starts inside the dateline.
    json words = search_json(db, {"--snippet-length", "60", "oil", "price"});
    CHECK_THAT(words["results"][0]["snippet"].get<std::string>(), Catch::StartsWith("…The <mark>oil price</mark>"));
}

TEST_CASE("issue 17: a one-edit typo of a word 20 BBC articles hold gets that word back as the suggestion",
          "[e2e][search][spelling]") {
    // The words the BBC articles write, as newsdex-spelling-score samples them.
    const std::vector<Typo> typos = one_edit_typos(written_words(Xapian::Database(bbc_index().path().string())), 200, 20, 17);
    REQUIRE(typos.size() >= 195);
    int restored = 0;
    std::string misses;
    for (const auto& typo : typos) {
        json result = search_json(bbc_index(), {"--limit", "0", typo.typo});
        const std::string suggestion = result["suggestion"].is_null() ? "" : lower(result["suggestion"].get<std::string>());
        if (suggestion == typo.word) {
            ++restored;
        } else {
            misses += "\n  " + typo.typo + " (" + typo.word + ") -> " + (suggestion.empty() ? "nothing" : suggestion);
        }
    }
    WARN("spelling: " << restored << " of " << typos.size() << " one-edit typos of common BBC words restored" << misses);
    CHECK(restored >= static_cast<int>(typos.size()) * 85 / 100);

    // Nonsense gets no suggestion.
    for (std::string nonsense : {"qxzvjpk", "xyzzy", "zzqqj"}) {
        INFO(nonsense);
        CHECK(search_json(bbc_index(), {nonsense})["suggestion"].is_null());
    }
}

TEST_CASE("issue 17: a mistyped --actor, --source or field value gets the name meant", "[e2e][search][spelling]") {
    json actor = search_json(bbc_index(), {"--actor", "Gordon Broun", ""});
    CHECK(actor["total"] == 0);
    REQUIRE(actor["flag_suggestions"].size() == 1);
    CHECK(actor["flag_suggestions"][0] == json{{"flag", "--actor"}, {"value", "Gordon Broun"}, {"suggestion", "Gordon Brown"}});
    ToolRun text = search(bbc_index(), {"--actor", "Blaire", ""});
    CHECK_THAT(text.err, Catch::Contains("Did you mean: --actor Blair\n"));
    CHECK(search_json(bbc_index(), {"person:Thacher"})["suggestion"] == "person:Thatcher");
    CHECK(search_json(bbc_index(), {"person:\"Toni Blair\" economy"})["suggestion"] == "person:\"Tony Blair\" economy");
    // A name that resolves gets none.
    CHECK(search_json(bbc_index(), {"--actor", "Blair", ""})["flag_suggestions"].empty());

    TempDir db;
    std::string input = R"({"id": "a", "title": "Rates", "source": "Financial Times", "body": "Rates rose."})" "\n"
                        R"({"id": "b", "title": "Rates", "source": "Reuters", "body": "Rates fell."})" "\n";
    REQUIRE(run_tool(tool("news-index"), {"--db", db.path().string(), "-"}, input).exit_code == 0);
    json source = search_json(db, {"--source", "Finacial Times", "rates"});
    REQUIRE(source["flag_suggestions"].size() == 1);
    CHECK(source["flag_suggestions"][0]["suggestion"] == "Financial Times");
    CHECK(search_json(db, {"source:Reuter", "rates"})["suggestion"] == "source:Reuters rates");
}

TEST_CASE("issue 17: words and numbers pasted without their punctuation find what the index holds",
          "[e2e][search][relaxed]") {
    TempDir db;
    std::string input =
        R"({"id": "rate", "title": "Bank raises prime rate to 7.75 pct", "body": "The bank raised its prime rate."})" "\n"
        R"({"id": "fans", "title": "Sony PSP tipped as a must-have", "body": "The 26,500 fans don't mind."})" "\n"
        R"({"id": "score", "title": "Ireland 19-13 England", "body": "A close game."})" "\n";
    REQUIRE(run_tool(tool("news-index"), {"--db", db.path().string(), "-"}, input).exit_code == 0);
    struct Row {
        const char* query;
        const char* found;
    };
    for (auto [query, found] : {Row{"Bank raises prime rate to 775 pct", "rate"}, Row{"Sony PSP tipped as a musthave", "fans"},
                                Row{"26500 fans", "fans"}, Row{"fans dont mind", "fans"}, Row{"Ireland 1913 England", "score"}}) {
        INFO(query);
        json result = search_json(db, {query});
        REQUIRE_FALSE(result["results"].empty());
        CHECK(result["results"][0]["id"] == found);
        CHECK(result["relaxed"].is_null());  // found with every word
    }
}
