// Issue "Actors": facets, filters and aliases on the demo corpus through the real binaries.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <set>

#include "tests/support/paths.hpp"
#include "tests/support/run_tool.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/shared_indexes.hpp"

using namespace newsdex::test;
using nlohmann::json;

namespace {

json search_json(std::vector<std::string> args) { return search_json(seeds_index(), std::move(args)); }

std::map<std::string, int> facet(const std::string& name) {
    json result = search_json({"--facet", name, "--facet-limit", "1000", "--limit", "0", ""});
    std::map<std::string, int> counts;
    for (const auto& value : result["facets"][name]) counts[value["value"]] = value["count"];
    return counts;
}

std::set<std::string> ids(const json& result) {
    std::set<std::string> out;
    for (const auto& hit : result["results"]) out.insert(hit["id"]);
    return out;
}

}  // namespace

TEST_CASE("the person facet names each person once under the full name, without titles", "[e2e][actors]") {
    auto persons = facet("person");
    CHECK(persons["Min Aung Hlaing"] == 5);
    CHECK(persons.count("Sergei Lavrov") == 1);
    CHECK(persons.count("Vladimir Putin") == 1);
    for (const char* wrong : {"Min Aung", "Senior Gen", "Senior Gen. Min Aung Hlaing", "General-in-Chief",
                              "General-in-Chief Min Aung Hlaing", "Lavrov", "Putin", "According", "Since"}) {
        CHECK(persons.count(wrong) == 0);
    }
}

TEST_CASE("the place and org facets resolve demonyms, possessives and acronyms", "[e2e][actors]") {
    auto places = facet("place");
    CHECK(places["Russia"] == 5);
    CHECK(places["Myanmar"] == 5);
    CHECK(places.count("Ukraine") == 1);
    CHECK(places.count("Naypyitaw") == 0);  // one canonical spelling: Naypyidaw
    CHECK(places.count("Naypyidaw") == 1);
    auto orgs = facet("org");
    CHECK(orgs.count("ASEAN") == 1);
    auto all = facet("actor");
    CHECK(all["Min Aung Hlaing"] == 5);
    CHECK(all["Russia"] == 5);
}

TEST_CASE("an actor filter finds the same articles under any alias", "[e2e][actors]") {
    auto by_one = ids(search_json({"--actor", "Naypyitaw", ""}));
    auto by_other = ids(search_json({"--actor", "Naypyidaw", ""}));
    CHECK(!by_one.empty());
    CHECK(by_one == by_other);
    CHECK(ids(search_json({"--actor", "Nay Pyi Taw", ""})) == by_one);
    CHECK(ids(search_json({"place:Naypyitaw"})) == by_one);
}

TEST_CASE("a partial name finds the articles of the full name", "[e2e][actors]") {
    auto lavrov = ids(search_json({"--actor", "Lavrov", ""}));
    auto full = ids(search_json({"person:\"Sergei Lavrov\""}));
    CHECK(lavrov.size() == 3);
    CHECK(lavrov == full);
    std::set<std::string> with_lavrov;
    const json everything = search_json({""});
    for (const auto& hit : everything["results"]) {
        for (const auto& person : hit["actors"]["person"]) {
            if (person == "Sergei Lavrov") with_lavrov.insert(hit["id"]);
        }
    }
    CHECK(with_lavrov == lavrov);
}

TEST_CASE("actor filters combine with AND and with facets for co-occurrence", "[e2e][actors]") {
    CHECK(ids(search_json({"org:ASEAN"})).size() >= 2);
    CHECK(ids(search_json({"place:Myanmar"})).size() == 5);
    auto both = ids(search_json({"--actor", "Lavrov", "--actor", "ASEAN", ""}));
    auto lavrov = ids(search_json({"--actor", "Lavrov", ""}));
    for (const auto& id : both) CHECK(lavrov.count(id) == 1);
    json with = search_json({"--actor", "Min Aung Hlaing", "--facet", "person", "--limit", "0", ""});
    REQUIRE(!with["facets"]["person"].empty());
    CHECK(with["facets"]["person"][0]["value"] == "Min Aung Hlaing");
    CHECK(with["facets"]["person"][0]["count"] == 5);
    CHECK(search_json({"--facet", "person", "--facet-limit", "2", "--limit", "0", ""})["facets"]["person"].size() == 2);
}

TEST_CASE("results and --show list each article's actors by type", "[e2e][actors]") {
    json result = search_json({"Rosatom"});
    REQUIRE(result["results"].size() == 1);
    json actors = result["results"][0]["actors"];
    CHECK(std::count(actors["person"].begin(), actors["person"].end(), "Min Aung Hlaing") == 1);
    CHECK(std::count(actors["org"].begin(), actors["org"].end(), "Rosatom") == 1);
    CHECK(std::count(actors["place"].begin(), actors["place"].end(), "Vladivostok") == 1);
    json shown = search_json({"--show", "001_644cae95aa9a28a1"});
    CHECK(shown["actors"] == actors);
}

TEST_CASE("explain lists the actors with the mentions that resolved to them", "[e2e][actors][explain]") {
    ToolRun run = run_tool(tool("news-index"),
                           {"--explain", (source_dir() / "corpus" / "seeds" / "001_644cae95aa9a28a1.txt").string(), "--json"});
    REQUIRE(run.exit_code == 0);
    json explained = json::parse(run.out);
    bool found = false;
    for (const auto& person : explained["actors"]["person"]) {
        if (person["name"] != "Min Aung Hlaing") continue;
        found = true;
        std::set<std::string> mentions(person["mentions"].begin(), person["mentions"].end());
        CHECK(mentions.count("General-in-Chief Min Aung Hlaing") + mentions.count("Min Aung Hlaing") >= 1);
    }
    CHECK(found);
}

TEST_CASE("a user gazetteer adds actors and wins over the built-in one", "[e2e][actors]") {
    TempDir dir;
    auto gazetteer = dir.write("mine.json", R"([{"name": "Junta Chief", "type": "person", "aliases": ["Min Aung Hlaing"]}])");
    ToolRun run = run_tool(tool("news-index"), {"--db", (dir / "db").string(), "--actors", gazetteer.string(),
                                                (source_dir() / "corpus" / "seeds").string()});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    ToolRun search = run_tool(tool("news-search"), {"--db", (dir / "db").string(), "--json", "--facet", "person", "--limit", "0", ""});
    CHECK_THAT(search.out, Catch::Contains("\"Junta Chief\""));
}
