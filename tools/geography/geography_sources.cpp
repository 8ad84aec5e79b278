#include "tools/geography/geography_sources.hpp"

#include <geonames/geonames.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <stdexcept>

#include "tools/geography/mo_catalog.hpp"

namespace newsdex {
namespace {

nlohmann::json read_json(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error(file.string() + ": cannot open");
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::parse_error& e) {
        throw std::runtime_error(file.string() + ": " + e.what());
    }
}

std::string text_field(const nlohmann::json& item, const char* key) {
    auto it = item.find(key);
    return it != item.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void add_name(std::vector<std::string>& names, std::string name) {
    while (!name.empty() && name.back() == ' ') name.pop_back();
    if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
}

// "Wales [Cymru GB-CYM]" names Wales and Cymru; "Asturias, Principado de" is also "Asturias".
std::vector<std::string> subdivision_names(const std::string& name) {
    std::vector<std::string> names;
    const std::size_t open = name.find(" [");
    add_name(names, name.substr(0, open));
    if (open != std::string::npos) {
        std::string inner = name.substr(open + 2, name.find(']', open) - open - 2);
        const std::size_t code = inner.find(" ");
        if (code != std::string::npos && inner.find('-', code) != std::string::npos) inner = inner.substr(0, code);
        add_name(names, inner);
    }
    const std::size_t comma = names.front().find(", ");
    if (comma != std::string::npos) add_name(names, names.front().substr(0, comma));
    return names;
}

}  // namespace

std::vector<IsoCountry> read_iso_countries(const std::filesystem::path& iso_dir) {
    std::vector<IsoCountry> out;
    const nlohmann::json table = read_json(iso_dir / "iso_3166-1.json");  // kept: the loop reads into it
    for (const auto& item : table.at("3166-1")) {
        IsoCountry country{text_field(item, "alpha_2"), {}};
        for (const char* key : {"common_name", "name", "official_name"}) add_name(country.names, text_field(item, key));
        out.push_back(std::move(country));
    }
    return out;
}

std::vector<IsoSubdivision> read_iso_subdivisions(const std::filesystem::path& iso_dir,
                                                  const std::filesystem::path& locale_dir) {
    std::map<std::string, std::string> english;
    const auto catalog = locale_dir / "en" / "LC_MESSAGES" / "iso_3166-2.mo";
    if (std::filesystem::exists(catalog)) {
        for (auto& [original, translation] : read_mo_catalog(catalog)) english.emplace(original, translation);
    }
    std::vector<IsoSubdivision> out;
    const nlohmann::json table = read_json(iso_dir / "iso_3166-2.json");  // kept: the loop reads into it
    for (const auto& item : table.at("3166-2")) {
        IsoSubdivision subdivision;
        subdivision.code = text_field(item, "code");
        subdivision.country = subdivision.code.substr(0, subdivision.code.find('-'));
        const std::string name = text_field(item, "name");
        subdivision.names = subdivision_names(name);
        if (auto it = english.find(name); it != english.end()) {
            for (auto& translated : subdivision_names(it->second)) add_name(subdivision.names, translated);
        }
        subdivision.first_level = text_field(item, "parent").empty();
        out.push_back(std::move(subdivision));
    }
    return out;
}

std::vector<IsoFormerCountry> read_iso_former_countries(const std::filesystem::path& iso_dir) {
    std::vector<IsoFormerCountry> out;
    const nlohmann::json table = read_json(iso_dir / "iso_3166-3.json");  // kept: the loop reads into it
    for (const auto& item : table.at("3166-3")) {
        out.push_back({text_field(item, "alpha_4"), text_field(item, "name")});
    }
    return out;
}

std::vector<GeonamesTown> read_geonames_towns() {
    // libgeonames' public getters give no first-level code, which is needed to tell two regions
    // of one name apart; its records are GVariant tuples, read here with their type checked.
    static constexpr const char* record_type = "(sssssssudd)";
    std::vector<GeonamesTown> out;
    const gint count = geonames_get_n_cities();
    out.reserve(static_cast<std::size_t>(count));
    for (gint i = 0; i < count; ++i) {
        GeonamesCity* city = geonames_get_city(i);
        if (!g_variant_is_of_type(city, G_VARIANT_TYPE(record_type))) {
            geonames_city_free(city);
            throw std::runtime_error(std::string("libgeonames: unexpected record layout (expected ") + record_type + ")");
        }
        gchar *id = nullptr, *name = nullptr, *admin1 = nullptr, *admin1_name = nullptr, *country = nullptr,
              *country_name = nullptr, *zone = nullptr;
        guint32 population = 0;
        gdouble latitude = 0, longitude = 0;
        g_variant_get(city, record_type, &id, &name, &admin1, &admin1_name, &country, &country_name, &zone, &population,
                      &latitude, &longitude);
        out.push_back({id, name, admin1, admin1_name, country, country_name, population});
        for (gchar* text : {id, name, admin1, admin1_name, country, country_name, zone}) g_free(text);
        geonames_city_free(city);
    }
    return out;
}

std::map<std::string, std::set<std::string>> read_geonames_region_names(const std::filesystem::path& locale_dir) {
    std::map<std::string, std::set<std::string>> out;
    std::vector<std::filesystem::path> catalogs;
    std::error_code error;
    for (std::filesystem::directory_iterator it(locale_dir, error), end; !error && it != end; it.increment(error)) {
        auto catalog = it->path() / "LC_MESSAGES" / "geonames.mo";
        if (std::filesystem::exists(catalog)) catalogs.push_back(std::move(catalog));
    }
    std::sort(catalogs.begin(), catalogs.end());
    for (const auto& catalog : catalogs) {
        for (auto& [original, translation] : read_mo_catalog(catalog)) {
            // Region keys look like "US.OR"; towns are keyed by their numeric GeoNames id.
            if (original.size() > 3 && original[2] == '.' && !(original[0] >= '0' && original[0] <= '9')) {
                out[original].insert(translation);
            }
        }
    }
    return out;
}

std::vector<GazetteerPlace> read_gazetteer_places(const std::filesystem::path& gazetteer_dir) {
    std::vector<std::filesystem::path> files;
    for (const auto& item : std::filesystem::directory_iterator(gazetteer_dir)) {
        if (item.path().extension() == ".json") files.push_back(item.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<GazetteerPlace> out;
    for (const auto& file : files) {
        for (const auto& item : read_json(file)) {
            if (text_field(item, "type") != "place") continue;
            GazetteerPlace place{text_field(item, "name"), {}, file.filename().string()};
            if (auto it = item.find("aliases"); it != item.end() && it->is_array()) {
                for (const auto& alias : *it) {
                    if (alias.is_string()) place.aliases.push_back(alias.get<std::string>());
                }
            }
            out.push_back(std::move(place));
        }
    }
    return out;
}

std::vector<std::vector<std::string>> read_table(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error(file.string() + ": cannot open");
    std::vector<std::vector<std::string>> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        std::vector<std::string> row;
        std::size_t start = 0;
        for (;;) {
            const std::size_t tab = line.find('\t', start);
            row.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace newsdex
