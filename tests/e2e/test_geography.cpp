// Issue 16, places as geography: through the real binaries on datelined and ambiguous articles
// (tests/data/geo_articles), the demo corpus and the BBC corpus.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <set>
#include <string>

#include "tests/support/paths.hpp"
#include "tests/support/run_tool.hpp"
#include "tests/support/shared_indexes.hpp"
#include "tests/support/temp_dir.hpp"

using namespace newsdex::test;
using nlohmann::json;

namespace {

// The "places" of a stored article: name -> "region|country".
std::map<std::string, std::string> places_of(const TempDir& db, const std::string& id) {
    const ToolRun run = search(db, {"--json", "--show", id});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const json article = json::parse(run.out);  // kept: the loop reads into it
    std::map<std::string, std::string> out;
    for (const auto& place : article["places"]) {
        auto text = [](const json& value) { return value.is_null() ? std::string() : value.get<std::string>(); };
        out[place["name"].get<std::string>()] = text(place["region"]) + "|" + text(place["country"]);
    }
    return out;
}

std::map<std::string, int> facet(const TempDir& db, const std::string& name, std::vector<std::string> more = {}) {
    std::vector<std::string> args{"--facet", name, "--facet-limit", "1000", "--limit", "0"};
    args.insert(args.end(), more.begin(), more.end());
    args.push_back("");
    const json result = search_json(db, args);
    std::map<std::string, int> counts;
    for (const auto& value : result["facets"][name]) counts[value["value"]] = value["count"];
    return counts;
}

std::set<std::string> ids(const TempDir& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--limit", "1000", "--no-collapse"});
    const json result = search_json(db, args);
    std::set<std::string> out;
    for (const auto& hit : result["results"]) out.insert(hit["id"].get<std::string>());
    return out;
}

}  // namespace

TEST_CASE("a dateline's state abbreviation decides which Portland or Paris is meant", "[e2e][geography]") {
    CHECK(places_of(geo_articles_index(), "portland-oregon")["Portland"] == "Oregon|United States");
    CHECK(places_of(geo_articles_index(), "portland-maine")["Portland"] == "Maine|United States");
    CHECK(places_of(geo_articles_index(), "paris-texas")["Paris"] == "Texas|United States");
    CHECK(places_of(geo_articles_index(), "paris-france")["Paris"] == "Île-de-France|France");
    CHECK(places_of(geo_articles_index(), "tokyo")["Tokyo"] == "Tokyo|Japan");
    CHECK(places_of(geo_articles_index(), "armonk")["Armonk"] == "New York State|United States");
}

TEST_CASE("Georgia is the US state beside Atlanta and the country beside Tbilisi", "[e2e][geography]") {
    auto state = places_of(geo_articles_index(), "georgia-state");
    CHECK(state["Georgia (US state)"] == "Georgia (US state)|United States");
    CHECK(state.count("Georgia") == 0);
    auto country = places_of(geo_articles_index(), "georgia-country");
    CHECK(country["Georgia"] == "|Georgia");
    CHECK(country["Tbilisi"] == "T'bilisi|Georgia");
}

TEST_CASE("Soviet officials and Moscow in 1987 are the Soviet Union, Bonn is West Germany", "[e2e][geography]") {
    auto soviet = places_of(geo_articles_index(), "soviet-officials");
    CHECK(soviet["Soviet Union"] == "|Soviet Union");
    CHECK(soviet["Moscow"] == "Moscow|Soviet Union");
    auto bonn = places_of(geo_articles_index(), "bonn");
    CHECK(bonn["Bonn"] == "North Rhine-Westphalia|West Germany");
    CHECK(bonn["West Germany"] == "|West Germany");
    CHECK(facet(geo_articles_index(), "country").count("Russia") == 0);
    CHECK(ids(geo_articles_index(), {"country:USSR"}) == std::set<std::string>{"soviet-officials"});
    CHECK(ids(geo_articles_index(), {"--country", "Soviet", ""}) == std::set<std::string>{"soviet-officials"});
}

TEST_CASE("a country named in an organisation's name is a place of the article", "[e2e][geography]") {
    auto places = places_of(geo_articles_index(), "agriculture");
    CHECK(places["United States"] == "|United States");
    CHECK(places["Japan"] == "|Japan");
}

TEST_CASE("country: finds places in the country, place: keeps finding the place itself", "[e2e][geography]") {
    CHECK(ids(geo_articles_index(), {"country:Japan"}) == std::set<std::string>{"tokyo", "agriculture"});
    CHECK(ids(geo_articles_index(), {"--country", "Japan", ""}) == std::set<std::string>{"tokyo", "agriculture"});
    // "The Japanese Finance Ministry" is about Japan but names no place: a country, not a place.
    CHECK(ids(geo_articles_index(), {"place:Japan"}).empty());
    CHECK(ids(geo_articles_index(), {"place:Tokyo"}) == std::set<std::string>{"tokyo"});
    CHECK(ids(geo_articles_index(), {"region:Ore."}) == std::set<std::string>{"portland-oregon"});
    CHECK(ids(geo_articles_index(), {"country:France", "country:Japan"}).empty());  // repeats mean "both"
    const auto countries = facet(geo_articles_index(), "country");
    CHECK(countries.at("United States") == 6);
    CHECK(countries.at("Japan") == 2);
    CHECK(countries.at("Georgia") == 1);
    const auto regions = facet(geo_articles_index(), "region");
    CHECK(regions.at("Oregon") == 1);
    CHECK(regions.at("Maine") == 1);
    CHECK(regions.at("Texas") == 1);
}

TEST_CASE("JSON results add each place's region and country and keep actors.place as it was", "[e2e][geography]") {
    const json result = search_json(geo_articles_index(), {"--limit", "1", "lobster"});
    REQUIRE(result["results"].size() == 1);
    const json& hit = result["results"][0];
    CHECK(hit["actors"]["place"] == json::array({"Portland", "Maine"}));
    CHECK(hit["places"][0] == json({{"name", "Portland"}, {"region", "Maine"}, {"country", "United States"}}));
}

TEST_CASE("news-search --show and news-index --explain say why a place rolled up where it did", "[e2e][geography]") {
    const ToolRun show = search(geo_articles_index(), {"--show", "portland-oregon"});
    REQUIRE(show.exit_code == 0);
    CHECK_THAT(show.out, Catch::Contains("Portland: Oregon, United States (dateline \"PORTLAND, Ore., March 3\")"));
    const ToolRun explain =
        run_tool(tool("news-index"), {"--explain", (test_data() / "geo_articles" / "bonn.txt").string()});
    REQUIRE(explain.exit_code == 0);
    CHECK_THAT(explain.out, Catch::Contains("in North Rhine-Westphalia, West Germany: the only place of that name; "
                                            "former state on 1987-03-03: West Germany"));
    const ToolRun json_explain =
        run_tool(tool("news-index"), {"--json", "--explain", (test_data() / "geo_articles" / "tokyo.txt").string()});
    REQUIRE(json_explain.exit_code == 0);
    const json place = json::parse(json_explain.out)["actors"]["place"][0];
    CHECK(place["name"] == "Tokyo");
    CHECK(place["country"] == "Japan");
    CHECK_THAT(place["why"].get<std::string>(), Catch::StartsWith("dateline \"TOKYO, March 3\""));
}

TEST_CASE("the demo corpus still gives Russia 5 and Myanmar 5, and Naypyidaw once, in Myanmar", "[e2e][geography][demo]") {
    const auto countries = facet(seeds_index(), "country");
    CHECK(countries.at("Russia") == 5);
    CHECK(countries.at("Myanmar") == 5);
    const auto places = facet(seeds_index(), "place");
    CHECK(places.at("Russia") == 5);
    CHECK(places.at("Myanmar") == 5);
    CHECK(places.count("Naypyitaw") == 0);
    REQUIRE(places.count("Naypyidaw") == 1);
    const auto with_capital = ids(seeds_index(), {"--actor", "Naypyitaw", ""});
    REQUIRE(!with_capital.empty());
    for (const auto& id : with_capital) CHECK(places_of(seeds_index(), id)["Naypyidaw"] == "Nay Pyi Taw|Myanmar");
}

TEST_CASE("country counts on the BBC corpus match hand counts", "[e2e][geography][bbc_countries]") {
    std::ifstream in(test_data() / "bbc_country_hand_counts.json");
    const json hand = json::parse(in);
    const auto counts = facet(bbc_index(), "country", {"--no-collapse"});
    for (const auto& [country, expected] : hand["countries"].items()) {
        CAPTURE(country);
        const std::size_t documents = expected["documents"].size(), also = expected["newsdex_also"].size();
        CHECK(counts.at(country) == static_cast<int>(documents + also));
        // --country lists exactly the hand-counted articles (one id of each group of copies).
        const std::set<std::string> found = ids(bbc_index(), {"--country", country, ""});
        for (const auto& group : expected["documents"]) {
            const std::string copies = group.get<std::string>();
            bool any = false;
            for (std::size_t start = 0; start < copies.size();) {
                std::size_t end = copies.find(' ', start);
                if (end == std::string::npos) end = copies.size();
                any = any || found.count(copies.substr(start, end - start)) != 0;
                start = end + 1;
            }
            CAPTURE(copies);
            CHECK(any);
        }
        for (const auto& extra : expected["newsdex_also"]) CHECK(found.count(extra["id"].get<std::string>()) == 1);
    }
}
