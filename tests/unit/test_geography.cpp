#include "common/geography.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <optional>
#include <string>

#include "tests/support/builtin_data.hpp"
#include "tests/support/temp_dir.hpp"

using newsdex::Geography;
using newsdex::Place;
using newsdex::PlaceKind;

namespace {

const Geography& geography() { return newsdex::test::builtin_geography(); }

// The entry a name finds when it finds one of `kind`, with its country's name.
struct Found {
    std::string name;
    std::string country;
    std::string region;
};

std::optional<Found> first_of_kind(std::string_view name, PlaceKind kind) {
    const Geography& g = geography();
    std::optional<Place> best;
    for (const auto& candidate : g.find(name)) {
        const Place place = g.place(candidate.id);
        if (place.kind == kind && (!best || place.population > best->population)) best = place;
    }
    if (!best) return std::nullopt;
    Found found{std::string(best->name), {}, {}};
    if (best->country != newsdex::no_place) found.country = g.place(best->country).name;
    if (best->region != newsdex::no_place) found.region = g.place(best->region).name;
    return found;
}

newsdex::DateNumber day(std::string_view text) { return newsdex::parse_date_number(text).value(); }

std::string former_on(std::string_view town, std::string_view date) {
    const Geography& g = geography();
    for (const auto& candidate : g.find(town)) {
        const Place place = g.place(candidate.id);
        if (place.kind != PlaceKind::town) continue;
        const auto former = g.former_state_on(place, day(date));
        return former ? std::string(g.place(former->state).name) : std::string("none");
    }
    return "not found";
}

}  // namespace

TEST_CASE("the built-in geography holds countries, former countries, regions and towns", "[geography]") {
    const Geography& g = geography();
    CHECK(g.count(PlaceKind::country) >= 249);
    CHECK(g.count(PlaceKind::former_country) == 13);
    CHECK(g.count(PlaceKind::region) > 3000);
    CHECK(g.count(PlaceKind::town) > 24000);
    CHECK(g.size() == g.count(PlaceKind::country) + g.count(PlaceKind::former_country) + g.count(PlaceKind::region) +
                          g.count(PlaceKind::town));
}

TEST_CASE("geography entries carry the gazetteer's names, their region and their country", "[geography]") {
    struct Row {
        const char* name;
        PlaceKind kind;
        const char* display;
        const char* region;
        const char* country;
    };
    const Row rows[] = {
        {"Tokyo", PlaceKind::town, "Tokyo", "Tokyo", "Japan"},
        {"PORTLAND", PlaceKind::town, "Portland", "Oregon", "United States"},
        {"Naypyitaw", PlaceKind::town, "Naypyidaw", "Nay Pyi Taw", "Myanmar"},
        {"zürich", PlaceKind::town, "Zurich", "Canton of Zurich", "Switzerland"},
        {"Kazan", PlaceKind::town, "Kazan", "Tatarstan", "Russia"},
        {"Oregon", PlaceKind::region, "Oregon", "", "United States"},
        {"Nordrhein-Westfalen", PlaceKind::region, "North Rhine-Westphalia", "", "Germany"},
        {"Bayern", PlaceKind::region, "Bavaria", "", "Germany"},
        {"Georgia", PlaceKind::region, "Georgia (US state)", "", "United States"},
        {"Russian Federation", PlaceKind::country, "Russia", "", ""},
        {"Burma", PlaceKind::country, "Myanmar", "", ""},
        {"USSR", PlaceKind::former_country, "Soviet Union", "", ""},
        {"German Democratic Republic", PlaceKind::former_country, "East Germany", "", ""},
    };
    for (const Row& row : rows) {
        CAPTURE(row.name);
        const auto found = first_of_kind(row.name, row.kind);
        REQUIRE(found);
        CHECK(found->name == row.display);
        CHECK(found->region == row.region);
        CHECK(found->country == row.country);
    }
}

TEST_CASE("news abbreviations of regions are marked as abbreviations", "[geography]") {
    const Geography& g = geography();
    for (const char* abbreviation : {"Ore.", "N.Y.", "Tex.", "Calif.", "Ont.", "B.C.", "Vic."}) {
        CAPTURE(abbreviation);
        const auto candidates = g.find(abbreviation);
        REQUIRE(!candidates.empty());
        const auto region = std::find_if(candidates.begin(), candidates.end(), [&](const auto& candidate) {
            return g.place(candidate.id).kind == PlaceKind::region;
        });
        REQUIRE(region != candidates.end());
        CHECK(region->via_abbreviation);
    }
    CHECK(g.region_named("Ore.")->name == "Oregon");
    CHECK(g.region_named("Paris") == std::nullopt);
}

TEST_CASE("a place in a member of a former state belongs to it only during the membership", "[geography]") {
    CHECK(former_on("Moscow", "1987-03-03") == "Soviet Union");
    CHECK(former_on("Moscow", "1992-01-01") == "none");
    CHECK(former_on("Vilnius", "1991-10-01") == "none");  // the Baltic states left in September 1991
    CHECK(former_on("Kyiv", "1991-10-01") == "Soviet Union");
    CHECK(former_on("Bonn", "1987-03-03") == "West Germany");
    CHECK(former_on("Leipzig", "1989-11-09") == "East Germany");
    CHECK(former_on("Berlin", "1987-03-03") == "West Germany");  // the Federal Republic's claim
    CHECK(former_on("East Berlin", "1987-03-03") == "East Germany");
    CHECK(former_on("Bonn", "1990-10-03") == "none");
    CHECK(former_on("Ljubljana", "1991-06-24") == "Yugoslavia");
    CHECK(former_on("Ljubljana", "1991-06-25") == "none");
    CHECK(former_on("Belgrade", "1999-03-24") == "Yugoslavia");
    CHECK(former_on("Belgrade", "2004-01-01") == "Serbia and Montenegro");
    CHECK(former_on("Kinshasa", "1990-01-01") == "Zaire");
    CHECK(former_on("Bratislava", "1968-08-21") == "Czechoslovakia");
}

TEST_CASE("a country is found by any of its names, a former state too", "[geography]") {
    const Geography& g = geography();
    CHECK(g.country_named("United States of America")->name == "United States");
    CHECK(g.country_named("Soviet Union")->kind == PlaceKind::former_country);
    CHECK(g.country_named("Portland") == std::nullopt);
    CHECK(g.country_named("") == std::nullopt);
}

TEST_CASE("loading the geography costs about a millisecond", "[geography]") {
    double best = 1e9;
    for (int run = 0; run < 5; ++run) {
        const auto start = std::chrono::steady_clock::now();
        const Geography loaded = Geography::load_builtin();
        best = std::min(best, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        REQUIRE(loaded.size() == geography().size());
    }
    INFO("best of 5 loads: " << best << " ms");
    CHECK(best < 25);  // generous: sanitizer builds are several times slower
}

TEST_CASE("a missing geography directory is an error that names the file", "[geography]") {
    newsdex::test::TempDir dir;
    CHECK_THROWS_WITH(Geography::load(dir.path()), Catch::Contains("places.tsv"));
}
