// newsdex-make-geography: regenerates common/data/geography/places.tsv and names.tsv from Debian's
// iso-codes and libgeonames, the built-in gazetteer and the hand-made tables beside the output.
// Not run by the build; see common/data/geography/README.md.

#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "tools/geography/geography_builder.hpp"

namespace fs = std::filesystem;

namespace {

void write_file(const fs::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) throw std::runtime_error(file.string() + ": cannot write");
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Regenerates the geography data files (places.tsv, names.tsv)"};
    fs::path data = fs::path(NEWSDEX_SOURCE_DIR) / "common" / "data";
    fs::path out_dir = data / "geography";
    fs::path tables = data / "geography";
    fs::path gazetteer = data / "gazetteer";
    fs::path iso_dir = "/usr/share/iso-codes/json";
    fs::path locale_dir = "/usr/share/locale";
    bool quiet = false;
    app.add_option("--out", out_dir, "Where to write places.tsv and names.tsv")->capture_default_str();
    app.add_option("--tables", tables, "Directory of the hand-made tables")->capture_default_str();
    app.add_option("--gazetteer", gazetteer, "The built-in gazetteer directory")->capture_default_str();
    app.add_option("--iso-codes", iso_dir, "iso-codes' JSON directory")->capture_default_str();
    app.add_option("--locale", locale_dir, "Where the iso-codes and libgeonames catalogs (.mo) live")->capture_default_str();
    app.add_flag("--quiet", quiet, "Print nothing but errors");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;  // --help is 0; every other parse error is a usage error
    }
    try {
        newsdex::GeographySources sources;
        sources.countries = newsdex::read_iso_countries(iso_dir);
        sources.subdivisions = newsdex::read_iso_subdivisions(iso_dir, locale_dir);
        sources.former_codes = newsdex::read_iso_former_countries(iso_dir);
        sources.towns = newsdex::read_geonames_towns();
        sources.region_names = newsdex::read_geonames_region_names(locale_dir);
        sources.gazetteer = newsdex::read_gazetteer_places(gazetteer);
        sources.former_states = newsdex::read_table(tables / "former_states.tsv");
        sources.abbreviations = newsdex::read_table(tables / "region_abbreviations.tsv");
        sources.standalone = newsdex::read_table(tables / "standalone_cities.tsv");
        sources.bindings = newsdex::read_table(tables / "bindings.tsv");
        newsdex::GeographyFiles files = newsdex::build_geography(sources);
        fs::create_directories(out_dir);
        write_file(out_dir / "places.tsv", files.places);
        write_file(out_dir / "names.tsv", files.names);
        if (!quiet) {
            for (const auto& line : files.report) std::cerr << "newsdex-make-geography: " << line << '\n';
        }
    } catch (const std::exception& e) {
        std::cerr << "newsdex-make-geography: " << e.what() << '\n';
        return 2;
    }
    return 0;
}
