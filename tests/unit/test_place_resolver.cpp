#include "indexer/extract/places/place_resolver.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "tests/support/builtin_data.hpp"
#include "tests/support/temp_dir.hpp"

using newsdex::Actor;
using newsdex::ActorType;
using newsdex::Article;
using newsdex::Gazetteer;
using newsdex::Geography;

namespace {

const Geography& geography() { return newsdex::test::builtin_geography(); }
const Gazetteer& gazetteer() { return newsdex::test::builtin_gazetteer(); }

Actor place(std::string name) { return Actor(name, ActorType::place, {name}); }
Actor org(std::string name) { return Actor(name, ActorType::org, {name}); }

// What the resolver makes of an article (first paragraph `lead`, then `body`) whose extracted
// actors are `actors`: each place as "region|country".
std::map<std::string, std::string> resolved(const std::string& lead, std::vector<Actor> actors,
                                            const std::string& date = {}, const Gazetteer& names = gazetteer()) {
    Article article;
    article.title = "A headline";
    article.paragraphs = {lead};
    const auto parsed = date.empty() ? std::nullopt : newsdex::parse_date(date);
    std::map<std::string, std::string> out;
    for (const Actor& actor : newsdex::resolve_places(article, std::move(actors), parsed, geography(), names)) {
        if (actor.type == ActorType::place) out[actor.name] = actor.region + "|" + actor.country;
    }
    return out;
}

}  // namespace

TEST_CASE("a dateline's place is a place of the article, decided by its abbreviation", "[places]") {
    struct Row {
        const char* lead;
        const char* place;
        const char* expected;
    };
    const Row rows[] = {
        {"PORTLAND, Ore., March 3 - The mill closed.", "Portland", "Oregon|United States"},
        {"PORTLAND, Maine, March 3 - Fishermen said.", "Portland", "Maine|United States"},
        {"PARIS, Texas, June 1 - A storm hit the town.", "Paris", "Texas|United States"},
        {"ROCHESTER, Minn., March 3 - The clinic said.", "Rochester", "Minnesota|United States"},
        {"ROCHESTER, N.Y., March 3 - Kodak said.", "Rochester", "New York State|United States"},
        {"TOKYO, March 3 - Shares fell.", "Tokyo", "Tokyo|Japan"},
        {"HOUSTON, March 2 - Oil prices rose.", "Houston", "Texas|United States"},
        {"ZURICH, March 2 - The franc rose.", "Zurich", "Canton of Zurich|Switzerland"},
        {"PARIS (Reuters) - The franc fell.", "Paris", "Île-de-France|France"},
        {"VICTORIA, B.C., March 2 - Loggers said.", "Victoria", "British Columbia|Canada"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.lead);
        const auto places = resolved(row.lead, {});
        REQUIRE(places.count(row.place) == 1);
        CHECK(places.at(row.place) == row.expected);
    }
}

TEST_CASE("a town too small for the geography is placed by the region written beside it", "[places]") {
    CHECK(resolved("ARMONK, N.Y., March 3 - IBM said.", {})["Armonk"] == "New York State|United States");
    CHECK(resolved("IBM, based in Armonk, N.Y., said.", {place("Armonk")})["Armonk"] == "New York State|United States");
    CHECK(resolved("ARMONK, March 3 - IBM said.", {}).count("Armonk") == 0);  // no qualifier: nothing to go on
}

TEST_CASE("a namesake is decided by the region written beside it in the text", "[places]") {
    CHECK(resolved("The firm moved to Paris, Texas, last year.", {place("Paris"), place("Texas")})["Paris"] ==
          "Texas|United States");
    CHECK(resolved("She grew up in Portland, Maine, and moved.", {place("Portland"), place("Maine")})["Portland"] ==
          "Maine|United States");
    CHECK(resolved("He studied in Cambridge, Mass., for years.", {place("Cambridge"), place("Mass")})["Cambridge"] ==
          "Massachusetts|United States");
}

TEST_CASE("a namesake is decided by the other places of the article", "[places]") {
    // Georgia, the US state: Atlanta is in it.
    auto state = resolved("Georgia lawmakers met in Atlanta.", {place("Georgia"), place("Atlanta")});
    CHECK(state["Georgia (US state)"] == "Georgia (US state)|United States");
    // Georgia, the country: Tbilisi is in it.
    auto country = resolved("Georgia's president spoke in Tbilisi.", {place("Georgia"), place("Tbilisi")});
    CHECK(country["Georgia"] == "|Georgia");
    // Paris beside French places is the French capital, beside Texas the Texan town.
    CHECK(resolved("Talks in Paris and Lyon went on.", {place("Paris"), place("Lyon")})["Paris"] == "Île-de-France|France");
    CHECK(resolved("Paris, a town in Texas, flooded.", {place("Paris"), place("Texas")})["Paris"] == "Texas|United States");
    CHECK(resolved("Cambridge was quiet; the United States said.", {place("Cambridge"), place("United States")})["Cambridge"] ==
          "Massachusetts|United States");
}

TEST_CASE("a name with no evidence and no clear winner stays a place without a country", "[places]") {
    CHECK(resolved("Georgia was mentioned once.", {place("Georgia")})["Georgia"] == "|");
    // Population decides when one namesake is far bigger: Portland, Oregon over Maine and Texas.
    CHECK(resolved("Portland was mentioned once.", {place("Portland")})["Portland"] == "Oregon|United States");
    // A city that stands alone in datelines means itself.
    CHECK(resolved("Paris was mentioned once.", {place("Paris")})["Paris"] == "Île-de-France|France");
}

TEST_CASE("countries named inside organisation names are places of the article", "[places]") {
    auto places = resolved("Officials met.", {org("U.S. Agriculture Department"), org("Japanese Finance Ministry"),
                                              org("Bank of Japan"), org("Organization of American States"),
                                              org("New York Stock Exchange")});
    CHECK(places["United States"] == "|United States");
    CHECK(places["Japan"] == "|Japan");
    CHECK(places.size() == 2);
}

TEST_CASE("a nation the geography holds as a region is a place of the article by its nationality", "[places]") {
    // England, Scotland and Wales are first-level regions of the United Kingdom in the geography:
    // "Scottish" names Scotland as "Finnish" names Finland.
    auto places = resolved("The Scottish Parliament and Welsh farmers met.", {});
    CHECK(places["Scotland"] == "Scotland|United Kingdom");
    CHECK(places["Wales"] == "Wales|United Kingdom");
    CHECK(places.size() == 2);
    // So does any region the gazetteer gives a nationality: an article on Texan oil is about Texas.
    auto regions = resolved("Bavarian beer and Texan oil were sold.", {});
    CHECK(regions["Bavaria"] == "Bavaria|Germany");
    CHECK(regions["Texas"] == "Texas|United States");
    // A region's own name is left to the recogniser: only a nationality is read from the text.
    CHECK(resolved("Rain fell on Scotland.", {}).empty());
}

TEST_CASE("a nationality written as a language names no place", "[places]") {
    CHECK(resolved("The site is in English and Spanish.", {}).empty());
    CHECK(resolved("Spanish-speaking viewers and English-language papers grew.", {}).empty());
    CHECK(resolved("Few of them speak French at home.", {}).empty());
    CHECK(resolved("It was dubbed into German.", {}).empty());
    // An adjective before a noun is still the nation's: "English rugby", "Japanese industry".
    CHECK(resolved("A crisis in English rugby hit Japanese industry.", {}).size() == 2);
}

TEST_CASE("a former state stays itself, and places roll up to it while they were part of it", "[places]") {
    CHECK(resolved("Soviet officials said.", {place("Soviet Union")})["Soviet Union"] == "|Soviet Union");
    CHECK(resolved("West German officials said.", {place("West Germany")})["West Germany"] == "|West Germany");
    // An organisation called by a country's name is the country.
    CHECK(resolved("The Soviet Union denied it.", {org("Soviet Union")})["Soviet Union"] == "|Soviet Union");
    CHECK(resolved("MOSCOW, March 3 - Grain.", {}, "1987-03-03")["Moscow"] == "Moscow|Soviet Union");
    CHECK(resolved("MOSCOW, March 3 - Grain.", {}, "2022-03-03")["Moscow"] == "Moscow|Russia");
    CHECK(resolved("BONN, March 3 - Rates.", {}, "1987-03-03")["Bonn"] == "North Rhine-Westphalia|West Germany");
    CHECK(resolved("WEST BERLIN, March 3 - Rates.", {}, "1987-03-03")["West Berlin"] == "Berlin|West Germany");
    CHECK(resolved("EAST BERLIN, March 3 - Rates.", {}, "1987-03-03")["East Berlin"] == "Berlin|East Germany");
    CHECK(resolved("Trade with Germany grew.", {place("Germany")}, "1987-03-03")["Germany"] == "|West Germany");
    CHECK(resolved("Trade with Russia grew.", {place("Russia")}, "1987-03-03")["Russia"] == "|Soviet Union");
}

TEST_CASE("an abbreviation found as a place becomes its region, once", "[places]") {
    auto places = resolved("PORTLAND, Ore. - Oregon officials said.", {place("Ore"), place("Oregon")});
    CHECK(places["Oregon"] == "Oregon|United States");
    CHECK(places.count("Ore") == 0);
}

TEST_CASE("a place outside the geography keeps its name, without region or country", "[places]") {
    auto places = resolved("Ships crossed the Pacific Ocean.", {place("Pacific Ocean"), place("Lansdowne Road")});
    CHECK(places["Pacific Ocean"] == "|");
    CHECK(places["Lansdowne Road"] == "|");
}

TEST_CASE("a user gazetteer entry with a country decides the place's country", "[places]") {
    newsdex::test::TempDir dir;
    Gazetteer names = Gazetteer::load_builtin();
    names.load_file(dir.write("mine.json",
                              R"([{"name": "Springfield", "type": "place", "aliases": [], "country": "United States",
                                   "region": "Illinois"}])"));
    CHECK(resolved("Springfield voted.", {place("Springfield")}, {}, names)["Springfield"] == "Illinois|United States");
    names.load_file(dir.write("island.json",
                              R"([{"name": "Isla Nublar", "type": "place", "aliases": [], "country": "Costa Rica",
                                   "region": "Nublar Province"}])"));
    CHECK(resolved("Isla Nublar.", {place("Isla Nublar")}, {}, names)["Isla Nublar"] == "Nublar Province|Costa Rica");
    names.load_file(dir.write("town.json", R"([{"name": "Gotham", "type": "place", "aliases": [], "region": "N.J."}])"));
    CHECK(resolved("Gotham.", {place("Gotham")}, {}, names)["Gotham"] == "New Jersey|United States");
}

TEST_CASE("people and organisations pass through unchanged, in order", "[places]") {
    Article article;
    article.paragraphs = {"TOKYO - Mr Abe met Toyota."};
    const std::vector<Actor> actors{Actor("Shinzo Abe", ActorType::person, {"Abe"}), org("Toyota")};
    const auto out = newsdex::resolve_places(article, actors, std::nullopt, geography(), gazetteer());
    REQUIRE(out.size() == 3);
    CHECK(out[0].name == "Shinzo Abe");
    CHECK(out[1].name == "Toyota");
    CHECK(out[2].name == "Tokyo");
    CHECK(out[2].rollup == "dateline \"TOKYO\"; the only town of that name");
}
