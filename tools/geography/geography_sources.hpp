#pragma once
/// The source tables of the geography, read into plain rows: ISO 3166 from iso-codes, towns from
/// libgeonames, place names from the built-in gazetteer, and the hand-made tables of
/// common/data/geography. Nothing here decides anything; geography_builder merges the rows.

#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace newsdex {

/// A country of ISO 3166-1.
struct IsoCountry {
    std::string code;                ///< alpha-2, e.g. "US"
    std::vector<std::string> names;  ///< common name first when there is one, then name and official name
};

/// A subdivision of ISO 3166-2.
struct IsoSubdivision {
    std::string code;                ///< e.g. "US-OR", "DE-BY"
    std::string country;             ///< alpha-2 of its country
    std::vector<std::string> names;  ///< its name, names given in brackets, and the English translation
    bool first_level = false;        ///< it has no parent subdivision
};

/// A code of ISO 3166-3 (a country that no longer exists).
struct IsoFormerCountry {
    std::string code;  ///< alpha-4, e.g. "SUHH"
    std::string name;  ///< e.g. "USSR, Union of Soviet Socialist Republics"
};

/// A town of libgeonames (GeoNames' cities of 15,000 people or more).
struct GeonamesTown {
    std::string id;            ///< GeoNames id
    std::string name;
    std::string admin1_code;   ///< GeoNames first-level code inside the country, e.g. "OR", "07"
    std::string admin1_name;   ///< e.g. "Oregon", "North Rhine-Westphalia"
    std::string country_code;  ///< ISO 3166-1 alpha-2 (GeoNames adds XK for Kosovo)
    std::string country_name;
    std::uint64_t population = 0;
};

/// A place entry of the built-in gazetteer.
struct GazetteerPlace {
    std::string name;
    std::vector<std::string> aliases;
    std::string file;  ///< its file name, e.g. "cities.json"
};

/// ISO 3166-1 from iso_3166-1.json in `iso_dir`.
[[nodiscard]] std::vector<IsoCountry> read_iso_countries(const std::filesystem::path& iso_dir);

/// ISO 3166-2 from iso_3166-2.json in `iso_dir`, with English names from the iso_3166-2
/// catalog under `locale_dir` (en/LC_MESSAGES) when it exists.
[[nodiscard]] std::vector<IsoSubdivision> read_iso_subdivisions(const std::filesystem::path& iso_dir,
                                                                const std::filesystem::path& locale_dir);

/// ISO 3166-3 from iso_3166-3.json in `iso_dir`.
[[nodiscard]] std::vector<IsoFormerCountry> read_iso_former_countries(const std::filesystem::path& iso_dir);

/// Every town libgeonames holds. Throws std::runtime_error if its records have an unknown layout.
[[nodiscard]] std::vector<GeonamesTown> read_geonames_towns();

/// The names libgeonames' catalogs under `locale_dir` give each first-level region, in every
/// language: "CC.ADMIN1" -> names.
[[nodiscard]] std::map<std::string, std::set<std::string>> read_geonames_region_names(const std::filesystem::path& locale_dir);

/// The place entries of every *.json file in `gazetteer_dir`, files in sorted order.
[[nodiscard]] std::vector<GazetteerPlace> read_gazetteer_places(const std::filesystem::path& gazetteer_dir);

/// The rows of a hand-made tab-separated file: lines that are neither empty nor '#' comments,
/// split at tabs. Throws std::runtime_error when the file cannot be read.
[[nodiscard]] std::vector<std::vector<std::string>> read_table(const std::filesystem::path& file);

}  // namespace newsdex
