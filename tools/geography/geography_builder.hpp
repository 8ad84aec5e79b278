#pragma once
/// Merges the source tables into the geography's two data files (places.tsv and names.tsv, see
/// common/data/geography/README.md): countries from ISO 3166-1 named as the gazetteer names them,
/// former countries from the hand-made table, first-level regions from GeoNames matched to ISO
/// 3166-2, towns from GeoNames, abbreviations and stand-alone cities from the hand-made tables.

#include <string>
#include <vector>

#include "tools/geography/geography_sources.hpp"

namespace newsdex {

/// Everything the geography is built from.
struct GeographySources {
    std::vector<IsoCountry> countries;
    std::vector<IsoSubdivision> subdivisions;
    std::vector<IsoFormerCountry> former_codes;
    std::vector<GeonamesTown> towns;
    std::map<std::string, std::set<std::string>> region_names;  ///< GeoNames "CC.ADMIN1" -> names in every language
    std::vector<GazetteerPlace> gazetteer;
    std::vector<std::vector<std::string>> former_states;   ///< rows of former_states.tsv
    std::vector<std::vector<std::string>> abbreviations;   ///< rows of region_abbreviations.tsv
    std::vector<std::vector<std::string>> standalone;      ///< rows of standalone_cities.tsv
    std::vector<std::vector<std::string>> bindings;        ///< rows of bindings.tsv
};

/// The generated files, and what a maintainer should read about how the merge went.
struct GeographyFiles {
    std::string places;               ///< the contents of places.tsv
    std::string names;                ///< the contents of names.tsv
    std::vector<std::string> report;  ///< counts, then gazetteer places left without an entry, and other notes
};

/// Builds the files. Deterministic: the same sources give the same bytes. Throws
/// std::runtime_error when a hand-made table names a code that does not exist.
[[nodiscard]] GeographyFiles build_geography(const GeographySources& sources);

}  // namespace newsdex
