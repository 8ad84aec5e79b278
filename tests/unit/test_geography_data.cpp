// The generated geography files (common/data/geography): well-formed, and exactly what the
// generator makes from the Debian data installed here.
#include "common/geography.hpp"
#include "common/gazetteer.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/support/paths.hpp"
#include "tests/support/run_tool.hpp"
#include "tests/support/temp_dir.hpp"

namespace {

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::vector<std::string> data_lines(const std::filesystem::path& file) {
    std::istringstream in(read_file(file));
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.front() != '#') lines.push_back(line);
    }
    return lines;
}

const std::filesystem::path data_dir = newsdex::test::source_dir() / "common" / "data" / "geography";

}  // namespace

TEST_CASE("names.tsv is sorted by key and every posting names an entry of places.tsv", "[geography_data]") {
    const auto places = data_lines(data_dir / "places.tsv");
    const auto names = data_lines(data_dir / "names.tsv");
    REQUIRE(places.size() > 27000);
    std::string previous;
    for (const auto& line : names) {
        const std::size_t tab = line.find('\t');
        REQUIRE(tab != std::string::npos);
        const std::string key = line.substr(0, tab);
        CAPTURE(key);
        CHECK(key == newsdex::Gazetteer::fold_key(key));
        CHECK(previous < key);
        previous = key;
        std::istringstream postings(line.substr(tab + 1));
        for (std::string posting; postings >> posting;) {
            if (posting.back() == 'a') posting.pop_back();
            CHECK(std::stoul(posting) < places.size());
        }
    }
}

TEST_CASE("every entry of places.tsv has a kind, a name and parents that exist", "[geography_data]") {
    const newsdex::Geography geography = newsdex::Geography::load(data_dir);
    for (newsdex::PlaceId id = 0; id < geography.size(); ++id) {
        const newsdex::Place place = geography.place(id);
        CAPTURE(id, place.name);
        CHECK(!place.name.empty());
        if (place.kind == newsdex::PlaceKind::town || place.kind == newsdex::PlaceKind::region) {
            REQUIRE(place.country < geography.size());
            CHECK(geography.place(place.country).kind == newsdex::PlaceKind::country);
        }
        if (place.region != newsdex::no_place) {
            REQUIRE(place.region < geography.size());
            CHECK(geography.place(place.region).kind == newsdex::PlaceKind::region);
        }
    }
}

TEST_CASE("regenerating the geography from Debian's data gives the shipped files byte for byte", "[geography_data]") {
    const std::filesystem::path generator = newsdex::test::tool("newsdex-make-geography");
    if (!std::filesystem::exists(generator)) {
        WARN("newsdex-make-geography was not built (libgeonames-dev missing): regeneration not checked");
        return;
    }
    newsdex::test::TempDir out;
    const auto run = newsdex::test::run_tool(generator.string(), {"--quiet", "--out", out.path().string()});
    REQUIRE(run.exit_code == 0);
    for (const char* file : {"places.tsv", "names.tsv"}) {
        CAPTURE(file);
        CHECK(read_file(out / file) == read_file(data_dir / file));
    }
}
