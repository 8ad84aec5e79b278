#include "tools/geography/geography_builder.hpp"

#include <algorithm>
#include <array>
#include <sstream>
#include <stdexcept>
#include <unordered_map>
#include <set>
#include <unordered_set>

#include "common/gazetteer.hpp"
#include "common/geography.hpp"

namespace newsdex {
namespace {

constexpr std::size_t no_index = static_cast<std::size_t>(-1);

// Words that name the kind of a region rather than the region, in the languages of ISO 3166-2
// and GeoNames names: "State of Maine" and "Maine", "Anhui Sheng" and "Anhui" match.
const std::unordered_set<std::string>& generic_words() {
    static const std::unordered_set<std::string> words{
        "state", "province", "region", "oblast", "canton", "governorate", "prefecture", "department", "district",
        "county", "emirate", "land", "kray", "krai", "republic", "autonomous", "municipality", "parish", "division",
        "territory", "capital", "city", "voivodeship", "voivodship", "of", "the", "de", "do", "da", "del", "la", "du",
        "des", "sheng", "shi", "zizhiqu", "estado", "departamento", "provincia", "regione", "comunidad", "autonoma",
        "communaute", "wilayah", "muhafazah", "ostan", "respublika", "avtonomnyy", "okrug", "oblys", "viloyati",
        "special", "metropolitan", "principality", "principado", "free", "and", "hanseatic", "us", "u s"};
    return words;
}

struct Entry {
    PlaceKind kind = PlaceKind::town;
    std::string name;
    std::string code;
    std::size_t region = no_index;
    std::size_t country = no_index;
    std::uint64_t population = 0;
    bool standalone = false;
    bool gazetteer = false;                  ///< it carries a gazetteer place's canonical name
    std::string parts;                       ///< former states: "ID:FROM:UNTIL ..."
    std::vector<std::string> names;          ///< every name it goes by (display name included)
    std::set<std::string> keys;              ///< the names folded
    std::vector<std::string> abbreviations;  ///< regions: "Ore.", "OR"
};

std::string fold(std::string_view text) { return Gazetteer::fold_key(text); }

// A name without its kind words, brackets and commas: "Free State of Thuringia" -> "thuringia".
std::string core(std::string_view text) {
    std::string folded = fold(text);
    std::string cleaned;
    int depth = 0;
    for (char c : folded) {
        if (c == '(' || c == '[') ++depth;
        else if (c == ')' || c == ']') depth = std::max(0, depth - 1);
        else if (depth == 0) cleaned += (c == ',' || c == '\'' || c == '/') ? ' ' : c;
    }
    std::string out;
    std::istringstream words(cleaned);
    for (std::string word; words >> word;) {
        if (generic_words().count(word) != 0) continue;
        if (!out.empty()) out += ' ';
        out += word;
    }
    return out;
}

// The display form of a GeoNames region name: "State of Maine" -> "Maine".
std::string display_region_name(const std::string& name) {
    for (std::string_view prefix : {"State of ", "Free and Hanseatic City of ", "Free Hanseatic City of ",
                                    "Free State of "}) {
        if (name.starts_with(prefix) && name.size() > prefix.size()) return name.substr(prefix.size());
    }
    return name;
}

bool has_name(const Entry& entry, const std::string& folded) { return entry.keys.count(folded) != 0; }

void add_unique(std::vector<std::string>& names, const std::string& name) {
    if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
}

void add_name(Entry& entry, const std::string& name) {
    if (name.empty()) return;
    add_unique(entry.names, name);
    std::string key = fold(name);
    // GeoNames writes a soft sign as an apostrophe ("Kazan'"), news does not.
    if (key.find('\'') != std::string::npos) {
        std::string bare = key;
        bare.erase(std::remove(bare.begin(), bare.end(), '\''), bare.end());
        entry.keys.insert(bare);
    }
    entry.keys.insert(std::move(key));
}

std::string clean_field(std::string text) {
    std::replace(text.begin(), text.end(), '\t', ' ');
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

class Builder {
public:
    explicit Builder(const GeographySources& sources) : m_sources(sources) {}

    GeographyFiles build() {
        m_bound.assign(m_sources.gazetteer.size(), false);
        add_countries();
        add_former_states();
        add_regions();
        add_towns();
        bind_gazetteer_places();
        mark_standalone_cities();
        add_abbreviations();
        resolve_former_parts();
        make_region_names_unique();
        report_unbound_gazetteer_places();
        return write();
    }

private:
    // --- countries ----------------------------------------------------------------------------
    void add_countries() {
        std::vector<IsoCountry> countries = m_sources.countries;
        std::set<std::string> iso_codes;
        for (const auto& country : countries) iso_codes.insert(country.code);
        // GeoNames knows countries ISO does not list (Kosovo, XK).
        for (const auto& town : m_sources.towns) {
            if (iso_codes.insert(town.country_code).second) countries.push_back({town.country_code, {town.country_name}});
        }
        std::sort(countries.begin(), countries.end(),
                  [](const IsoCountry& a, const IsoCountry& b) { return a.code < b.code; });
        std::map<std::string, std::string> geonames_names;
        for (const auto& town : m_sources.towns) geonames_names.emplace(town.country_code, town.country_name);
        for (const auto& country : countries) {
            Entry entry;
            entry.kind = PlaceKind::country;
            entry.code = country.code;
            entry.name = country.names.front();
            for (const auto& name : country.names) add_name(entry, name);
            if (auto it = geonames_names.find(country.code); it != geonames_names.end()) add_name(entry, it->second);
            m_country_by_code[entry.code] = m_entries.size();
            m_entries.push_back(std::move(entry));
        }
        // Countries take the gazetteer's canonical name ("Russia", not "Russian Federation").
        for (std::size_t i = 0; i < m_entries.size(); ++i) {
            const std::size_t place = gazetteer_place_for(m_entries[i], [](const GazetteerPlace& p) {
                return p.file != "cities.json" && p.file != "former_countries.json";
            });
            if (place == no_index) {
                note("country without a gazetteer entry: " + m_entries[i].code + " " + m_entries[i].name);
                continue;
            }
            bind(i, place);
        }
    }

    // The unbound gazetteer place that shares a name with `entry`, preferring one whose canonical
    // name is among the entry's names; no_index when none.
    template <typename Accept>
    std::size_t gazetteer_place_for(const Entry& entry, Accept accept) const {
        std::size_t found = no_index;
        for (std::size_t p = 0; p < m_sources.gazetteer.size(); ++p) {
            const GazetteerPlace& place = m_sources.gazetteer[p];
            if (m_bound[p] || !accept(place)) continue;
            if (has_name(entry, fold(place.name))) return p;
            if (found != no_index) continue;
            for (const auto& alias : place.aliases) {
                if (has_name(entry, fold(alias))) found = p;
            }
        }
        return found;
    }

    // The entry takes the gazetteer place's canonical name and aliases.
    void bind(std::size_t entry, std::size_t place) {
        const GazetteerPlace& source = m_sources.gazetteer[place];
        m_bound[place] = true;
        m_owns_name.insert(entry);
        const PlaceKind kind = m_entries[entry].kind;
        if (kind == PlaceKind::town || kind == PlaceKind::region) m_entries[entry].gazetteer = true;
        m_entries[entry].name = source.name;
        add_name(m_entries[entry], source.name);
        for (const auto& alias : source.aliases) add_name(m_entries[entry], alias);
        if (!m_by_key.empty()) index_names(entry);
    }

    // bindings.tsv: the gazetteer places whose entry is given by hand.
    void apply_bindings() {
        std::map<std::string, std::size_t> towns_by_id;
        for (std::size_t i = 0; i < m_entries.size(); ++i) {
            if (m_entries[i].kind == PlaceKind::town) towns_by_id[m_entries[i].code] = i;
        }
        for (const auto& row : m_sources.bindings) {
            if (row.size() < 2) throw std::runtime_error("bindings.tsv: a row needs a name and a target");
            auto place = std::find_if(m_sources.gazetteer.begin(), m_sources.gazetteer.end(),
                                      [&](const GazetteerPlace& p) { return p.name == row[0]; });
            if (place == m_sources.gazetteer.end()) throw std::runtime_error("bindings.tsv: no gazetteer place " + row[0]);
            const std::size_t p = static_cast<std::size_t>(place - m_sources.gazetteer.begin());
            const std::string& target = row[1];
            if (target == "-") {
                // Deliberately in no country: its names must not find a namesake ("Asia", a town
                // in the Philippines).
                m_bound[p] = true;
                m_unplaced.insert(fold(place->name));
                for (const auto& alias : place->aliases) m_unplaced.insert(fold(alias));
                continue;
            }
            if (target.starts_with("in:")) {
                const std::size_t parent = entry_with_code(target.substr(3));
                Entry entry;
                entry.kind = PlaceKind::town;
                entry.code = "-";
                entry.region = m_entries[parent].kind == PlaceKind::region ? parent : no_index;
                entry.country = m_entries[parent].kind == PlaceKind::region ? m_entries[parent].country : parent;
                m_entries.push_back(std::move(entry));
                bind(m_entries.size() - 1, p);
                continue;
            }
            auto town = towns_by_id.find(target);
            bind(town != towns_by_id.end() ? town->second : entry_with_code(target), p);
        }
    }

    // The country or region with ISO code `code` (or GeoNames' "CC.ADMIN1" for a region without
    // one); throws when there is none.
    std::size_t entry_with_code(const std::string& code) const {
        if (auto it = m_country_by_code.find(code); it != m_country_by_code.end()) return it->second;
        if (auto it = m_region_by_iso.find(code); it != m_region_by_iso.end()) return it->second;
        if (auto it = m_region_by_geonames.find(code); it != m_region_by_geonames.end()) return it->second;
        throw std::runtime_error("bindings.tsv: no country or region " + code);
    }

    // Makes entry `i` findable by its folded names and, for regions, their cores.
    void index_names(std::size_t i) {
        for (const auto& key : m_entries[i].keys) add_unique_index(m_by_key[key], i);
        if (m_entries[i].kind != PlaceKind::region) return;
        for (const auto& name : m_entries[i].names) {
            if (std::string stripped = core(name); !stripped.empty()) add_unique_index(m_by_core[stripped], i);
        }
    }

    static void add_unique_index(std::vector<std::size_t>& list, std::size_t i) {
        if (std::find(list.begin(), list.end(), i) == list.end()) list.push_back(i);
    }

    // --- former states ------------------------------------------------------------------------
    void add_former_states() {
        for (const auto& row : m_sources.former_states) {
            if (row.size() < 4) throw std::runtime_error("former_states.tsv: a row needs name, code, from and until");
            Entry entry;
            entry.kind = PlaceKind::former_country;
            entry.name = row[0];
            entry.code = row[1] == "-" ? std::string() : row[1];
            add_name(entry, row[0]);
            if (!entry.code.empty()) {
                auto iso = std::find_if(m_sources.former_codes.begin(), m_sources.former_codes.end(),
                                        [&](const IsoFormerCountry& c) { return c.code == entry.code; });
                if (iso == m_sources.former_codes.end()) {
                    throw std::runtime_error("former_states.tsv: " + row[0] + ": no ISO 3166-3 code " + row[1]);
                }
                add_name(entry, iso->name);
            }
            if (!parse_date_number(row[2]) || !parse_date_number(row[3])) {
                throw std::runtime_error("former_states.tsv: " + row[0] + ": dates must be YYYY-MM-DD");
            }
            m_former_rows.push_back(m_entries.size());
            m_entries.push_back(std::move(entry));
            const std::size_t place = gazetteer_place_for(
                m_entries.back(), [](const GazetteerPlace& p) { return p.file == "former_countries.json"; });
            if (place == no_index) note("former state without a gazetteer entry: " + row[0]);
            else bind(m_entries.size() - 1, place);
        }
    }

    // --- regions ------------------------------------------------------------------------------
    void add_regions() {
        // The regions GeoNames puts its towns in, with their towns' population summed.
        std::map<std::pair<std::string, std::string>, std::pair<std::string, std::uint64_t>> regions;
        for (const auto& town : m_sources.towns) {
            auto& region = regions[{town.country_code, town.admin1_code}];
            region.first = town.admin1_name;
            region.second += town.population;
        }
        std::map<std::string, std::vector<const IsoSubdivision*>> first_level;
        for (const auto& subdivision : m_sources.subdivisions) {
            if (subdivision.first_level) first_level[subdivision.country].push_back(&subdivision);
        }
        std::set<std::string> matched_iso, incomplete_countries;
        for (const auto& [key, region] : regions) {
            const auto& [country, admin1] = key;
            Entry entry;
            entry.kind = PlaceKind::region;
            entry.name = display_region_name(region.first);
            entry.country = m_country_by_code.at(country);
            entry.population = region.second;
            add_name(entry, entry.name);
            add_name(entry, region.first);
            if (std::string stripped = core(region.first); !stripped.empty()) add_name(entry, stripped);
            const IsoSubdivision* iso = matching_subdivision(country + "." + admin1, region.first, first_level[country]);
            if (iso != nullptr && matched_iso.insert(iso->code).second) {
                entry.code = iso->code;
                for (const auto& name : iso->names) add_name(entry, name);
            } else {
                entry.code = country + "." + admin1;
                incomplete_countries.insert(country);
            }
            m_region_by_geonames[country + "." + admin1] = m_entries.size();
            if (!entry.code.empty() && entry.code.find('-') != std::string::npos) m_region_by_iso[entry.code] = m_entries.size();
            m_entries.push_back(std::move(entry));
        }
        // Where every GeoNames region of a country found its ISO subdivision, ISO's other
        // first-level subdivisions (regions without a town of 15,000) are added too; elsewhere
        // they could repeat a region under a local name, so they are left out.
        for (const auto& [country, subdivisions] : first_level) {
            if (incomplete_countries.count(country) != 0 || m_country_by_code.count(country) == 0) continue;
            for (const IsoSubdivision* subdivision : subdivisions) {
                if (matched_iso.count(subdivision->code) != 0 || names_a_country(*subdivision)) continue;
                Entry entry;
                entry.kind = PlaceKind::region;
                entry.code = subdivision->code;
                entry.name = subdivision->names.back();  // the English name when there is one
                for (const auto& name : subdivision->names) add_name(entry, name);
                entry.country = m_country_by_code.at(country);
                m_region_by_iso[entry.code] = m_entries.size();
                m_entries.push_back(std::move(entry));
            }
        }
    }

    // The one first-level ISO subdivision of the country whose name matches one of the region's
    // names in any language, exactly (after folding) or else without kind words; nullptr if
    // none or several.
    const IsoSubdivision* matching_subdivision(const std::string& geonames_key, const std::string& name,
                                               const std::vector<const IsoSubdivision*>& candidates) const {
        std::set<std::string> names{name};
        if (auto it = m_sources.region_names.find(geonames_key); it != m_sources.region_names.end()) {
            names.insert(it->second.begin(), it->second.end());
        }
        for (auto transform : {&fold, &core}) {
            std::set<std::string> keys;
            for (const auto& n : names) {
                if (std::string key = transform(n); !key.empty()) keys.insert(key);
            }
            const IsoSubdivision* found = nullptr;
            int matches = 0;
            for (const IsoSubdivision* candidate : candidates) {
                bool match = std::any_of(candidate->names.begin(), candidate->names.end(),
                                         [&](const std::string& n) { return keys.count(transform(n)) != 0; });
                if (match) {
                    found = candidate;
                    ++matches;
                }
            }
            if (matches == 1) return found;
            if (matches > 1) return nullptr;
        }
        return nullptr;
    }

    bool names_a_country(const IsoSubdivision& subdivision) const {
        for (const auto& [code, index] : m_country_by_code) {
            for (const auto& name : subdivision.names) {
                if (has_name(m_entries[index], fold(name))) return true;
            }
        }
        return false;
    }

    // --- towns --------------------------------------------------------------------------------
    void add_towns() {
        std::vector<const GeonamesTown*> towns;
        for (const auto& town : m_sources.towns) towns.push_back(&town);
        std::sort(towns.begin(), towns.end(), [](const GeonamesTown* a, const GeonamesTown* b) {
            return std::tie(a->country_code, a->admin1_code, a->name, a->id) <
                   std::tie(b->country_code, b->admin1_code, b->name, b->id);
        });
        for (const GeonamesTown* town : towns) {
            Entry entry;
            entry.kind = PlaceKind::town;
            entry.name = town->name;
            add_name(entry, town->name);
            entry.code = town->id;
            entry.country = m_country_by_code.at(town->country_code);
            entry.region = m_region_by_geonames.at(town->country_code + "." + town->admin1_code);
            entry.population = town->population;
            m_entries.push_back(std::move(entry));
        }
        for (auto& entry : m_entries) {
            if (entry.kind == PlaceKind::country) entry.population = 0;
        }
        for (const auto& entry : m_entries) {
            if (entry.kind == PlaceKind::town) m_entries[entry.country].population += entry.population;
        }
    }

    // --- gazetteer places that are regions or towns -------------------------------------------
    void bind_gazetteer_places() {
        for (std::size_t i = 0; i < m_entries.size(); ++i) index_names(i);
        apply_bindings();
        // Regions first, from every file but cities.json; then towns, cities.json first.
        for (std::size_t p = 0; p < m_sources.gazetteer.size(); ++p) {
            if (m_bound[p] || m_sources.gazetteer[p].file == "cities.json") continue;
            if (std::size_t region = best_entry_for(p, PlaceKind::region); region != no_index) bind(region, p);
        }
        for (std::size_t p = 0; p < m_sources.gazetteer.size(); ++p) {
            if (m_bound[p] || m_sources.gazetteer[p].file != "cities.json") continue;
            const std::size_t town = best_entry_for(p, PlaceKind::town);
            if (town == no_index) continue;
            note_close_namesakes(town, m_sources.gazetteer[p].name);
            bind(town, p);
        }
    }

    // A town bound by population alone deserves a look when a namesake elsewhere comes close
    // (within ten times): bindings.tsv can then say which is meant.
    void note_close_namesakes(std::size_t town, const std::string& name) {
        auto named = m_by_key.find(fold(m_entries[town].name));
        if (named == m_by_key.end()) return;
        for (std::size_t other : named->second) {
            const Entry& entry = m_entries[other];
            if (other == town || entry.kind != PlaceKind::town || entry.country == m_entries[town].country) continue;
            if (entry.population * 10 >= m_entries[town].population) {
                note("gazetteer place bound by population: " + name + " -> " + m_entries[m_entries[town].country].code +
                     " (" + std::to_string(m_entries[town].population) + "), not " + m_entries[entry.country].code +
                     " (" + std::to_string(entry.population) + ")");
                return;
            }
        }
    }

    // The most populous entry of `kind` that a gazetteer place names, honouring a qualifier in
    // its canonical name ("San José, Costa Rica", "Georgia (US state)"); no_index when none.
    std::size_t best_entry_for(std::size_t p, PlaceKind kind) const {
        const GazetteerPlace& place = m_sources.gazetteer[p];
        std::string base = place.name, qualifier;
        if (auto open = base.find(" ("); open != std::string::npos) {
            qualifier = base.substr(open + 2, base.find(')', open) - open - 2);
            base = base.substr(0, open);
        } else if (auto comma = base.find(", "); comma != std::string::npos) {
            qualifier = base.substr(comma + 2);
            base = base.substr(0, comma);
        }
        const std::size_t within = qualifier.empty() ? no_index : place_named(qualifier);
        // The canonical name first: "Newcastle upon Tyne" must not bind to a bigger "Newcastle".
        if (std::size_t best = best_named(kind, within, {fold(place.name), fold(base)}, {core(base)}); best != no_index) {
            return best;
        }
        std::set<std::string> keys, cores;
        for (const auto& alias : place.aliases) {
            keys.insert(fold(alias));
            cores.insert(core(alias));
        }
        return best_named(kind, within, keys, cores);
    }

    // The most populous entry of `kind` (inside `within` when given) with one of the folded
    // names `keys` or, for regions, one of the name cores `cores`; no_index when none.
    std::size_t best_named(PlaceKind kind, std::size_t within, const std::set<std::string>& keys,
                           std::set<std::string> cores) const {
        cores.erase(std::string());
        std::set<std::size_t> matches;
        for (const auto& key : keys) {
            if (auto it = m_by_key.find(key); it != m_by_key.end()) matches.insert(it->second.begin(), it->second.end());
        }
        if (kind == PlaceKind::region) {
            for (const auto& key : cores) {
                if (auto it = m_by_core.find(key); it != m_by_core.end()) matches.insert(it->second.begin(), it->second.end());
            }
        }
        std::size_t best = no_index;
        for (std::size_t i : matches) {
            const Entry& entry = m_entries[i];
            if (entry.kind != kind) continue;
            if (within != no_index && entry.country != within && entry.region != within) continue;
            if (best == no_index || entry.population > m_entries[best].population) best = i;
        }
        return best;
    }

    // A country or region called `name` ("Costa Rica", "Seychelles"); no_index when none.
    std::size_t place_named(const std::string& name) const {
        const std::string key = fold(name);
        for (std::size_t i = 0; i < m_entries.size(); ++i) {
            if (m_entries[i].kind == PlaceKind::country && has_name(m_entries[i], key)) return i;
        }
        return no_index;
    }

    // --- hand-made tables ---------------------------------------------------------------------
    void mark_standalone_cities() {
        for (const auto& row : m_sources.standalone) {
            if (row.size() < 2) throw std::runtime_error("standalone_cities.tsv: a row needs a name and a country");
            const auto country = m_country_by_code.find(row[1]);
            if (country == m_country_by_code.end()) throw std::runtime_error("standalone_cities.tsv: no country " + row[1]);
            std::size_t best = no_index;
            auto named = m_by_key.find(fold(row[0]));
            for (std::size_t i : named == m_by_key.end() ? std::vector<std::size_t>() : named->second) {
                const Entry& entry = m_entries[i];
                if (entry.kind != PlaceKind::town || entry.country != country->second) continue;
                if (best == no_index || entry.population > m_entries[best].population) best = i;
            }
            if (best == no_index) note("stand-alone city not found: " + row[0] + " " + row[1]);
            else m_entries[best].standalone = true;
        }
    }

    void add_abbreviations() {
        for (const auto& row : m_sources.abbreviations) {
            const auto region = m_region_by_iso.find(row.front());
            if (region == m_region_by_iso.end()) throw std::runtime_error("region_abbreviations.tsv: no region " + row.front());
            for (std::size_t i = 1; i < row.size(); ++i) add_unique(m_entries[region->second].abbreviations, row[i]);
        }
    }

    void resolve_former_parts() {
        std::size_t row_number = 0;
        for (std::size_t index : m_former_rows) {
            const auto& row = m_sources.former_states[row_number++];
            if (row.size() < 5) continue;
            std::istringstream members(row[4]);
            for (std::string member; members >> member;) {
                std::string until = row[3];
                if (auto colon = member.find(':'); colon != std::string::npos) {
                    until = member.substr(colon + 1);
                    member = member.substr(0, colon);
                }
                std::string name = member.substr(1);
                std::replace(name.begin(), name.end(), '_', ' ');
                std::size_t id = member.starts_with('=') ? entry_named(name) : no_index;
                if (auto country = m_country_by_code.find(member); country != m_country_by_code.end()) id = country->second;
                if (auto region = m_region_by_iso.find(member); region != m_region_by_iso.end()) id = region->second;
                if (id == no_index || !parse_date_number(until)) {
                    throw std::runtime_error("former_states.tsv: " + row[0] + ": bad member " + member);
                }
                Entry& entry = m_entries[index];
                if (!entry.parts.empty()) entry.parts += ' ';
                entry.parts += std::to_string(id) + ':' + row[2] + ':' + until;
            }
        }
    }

    // The one entry displayed as `name`; no_index when none or several.
    std::size_t entry_named(const std::string& name) const {
        std::size_t found = no_index;
        for (std::size_t i = 0; i < m_entries.size(); ++i) {
            if (m_entries[i].name != name) continue;
            if (found != no_index) return no_index;
            found = i;
        }
        return found;
    }

    // Two regions of one name in different countries ("Punjab") are told apart by their country,
    // except the one the gazetteer names so ("Montana" is the US state; Bulgaria's is "Montana, Bulgaria").
    void make_region_names_unique() {
        std::map<std::string, int> uses;
        for (const auto& entry : m_entries) {
            if (entry.kind == PlaceKind::region) ++uses[fold(entry.name)];
        }
        for (std::size_t i = 0; i < m_entries.size(); ++i) {
            Entry& entry = m_entries[i];
            if (entry.kind != PlaceKind::region || uses[fold(entry.name)] < 2 || m_owns_name.count(i) != 0) continue;
            entry.name += ", " + m_entries[entry.country].name;
            add_name(entry, entry.name);
        }
    }

    void report_unbound_gazetteer_places() {
        for (std::size_t p = 0; p < m_sources.gazetteer.size(); ++p) {
            if (!m_bound[p]) note("gazetteer place without a geography entry: " + m_sources.gazetteer[p].name);
        }
    }

    // --- output -------------------------------------------------------------------------------
    GeographyFiles write() {
        GeographyFiles files;
        std::array<std::size_t, 4> counts{};
        std::ostringstream places;
        places << "# The geography: one entry a line, numbered from 0 in file order. Generated by\n"
                  "# newsdex-make-geography from iso-codes, libgeonames, the built-in gazetteer and the\n"
                  "# hand-made tables beside this file; do not edit (see README.md).\n"
                  "# kind\tname\tcode\tregion\tcountry\tpopulation\tflags\tparts\n";
        for (const auto& entry : m_entries) {
            ++counts[static_cast<std::size_t>(entry.kind)];
            places << (entry.kind == PlaceKind::former_country ? std::string("former") : std::string(to_string(entry.kind)))
                   << '\t' << clean_field(entry.name) << '\t' << clean_field(entry.code) << '\t'
                   << (entry.region == no_index ? std::string() : std::to_string(entry.region)) << '\t'
                   << (entry.country == no_index ? std::string() : std::to_string(entry.country)) << '\t'
                   << entry.population << '\t' << flags_of(entry) << '\t' << entry.parts << '\n';
        }
        files.places = places.str();

        // Key -> postings. A news abbreviation of region_abbreviations.tsv stays an abbreviation
        // even where the gazetteer also gives it as an alias ("N.Y." of New York State).
        std::map<std::string, std::vector<std::pair<std::size_t, bool>>> index;
        for (std::size_t i = 0; i < m_entries.size(); ++i) {
            for (const auto& name : m_entries[i].names) add_posting(index, fold(name), i, false);
        }
        for (std::size_t i = 0; i < m_entries.size(); ++i) {
            for (const auto& abbreviation : m_entries[i].abbreviations) add_posting(index, fold(abbreviation), i, true);
        }
        for (const auto& key : m_unplaced) index.erase(key);
        std::ostringstream names;
        names << "# Names of the geography's entries: a folded key (common/gazetteer's fold_key), a tab, and\n"
                 "# the numbers of the entries of places.tsv it names, \"a\" after one it abbreviates.\n"
                 "# Sorted by key (bytes). Generated by newsdex-make-geography; do not edit.\n";
        for (const auto& [key, postings] : index) {
            names << clean_field(key) << '\t';
            for (std::size_t j = 0; j < postings.size(); ++j) {
                names << (j ? " " : "") << postings[j].first << (postings[j].second ? "a" : "");
            }
            names << '\n';
        }
        files.names = names.str();

        files.report.insert(files.report.begin(),
                            {"countries " + std::to_string(counts[0]), "former countries " + std::to_string(counts[1]),
                             "regions " + std::to_string(counts[2]) + " (" + std::to_string(m_region_by_iso.size()) +
                                 " with an ISO 3166-2 code)",
                             "towns " + std::to_string(counts[3]), "names " + std::to_string(index.size())});
        files.report.insert(files.report.end(), m_notes.begin(), m_notes.end());
        return files;
    }

    static std::string flags_of(const Entry& entry) {
        std::string flags = entry.standalone ? "standalone" : "";
        if (entry.gazetteer) flags += flags.empty() ? "gazetteer" : ",gazetteer";
        return flags;
    }

    static void add_posting(std::map<std::string, std::vector<std::pair<std::size_t, bool>>>& index,
                            const std::string& key, std::size_t entry, bool abbreviation) {
        if (key.empty() || key.find('\t') != std::string::npos) return;
        auto& postings = index[key];
        auto same = std::find_if(postings.begin(), postings.end(), [&](const auto& p) { return p.first == entry; });
        if (same == postings.end()) {
            postings.emplace_back(entry, abbreviation);
        } else {
            same->second = same->second || abbreviation;
        }
    }

    void note(std::string text) { m_notes.push_back(std::move(text)); }

    const GeographySources& m_sources;
    std::vector<Entry> m_entries;
    std::vector<bool> m_bound;  ///< per gazetteer place: an entry took its name
    std::set<std::size_t> m_owns_name;  ///< entries that took a gazetteer place's name
    std::set<std::string> m_unplaced;   ///< folded names of gazetteer places in no one country
    std::vector<std::size_t> m_former_rows;
    std::map<std::string, std::size_t> m_country_by_code;
    std::map<std::string, std::size_t> m_region_by_iso;
    std::map<std::string, std::size_t> m_region_by_geonames;
    std::unordered_map<std::string, std::vector<std::size_t>> m_by_key;   ///< folded name -> entries
    std::unordered_map<std::string, std::vector<std::size_t>> m_by_core;  ///< region name core -> regions
    std::vector<std::string> m_notes;
};

}  // namespace

GeographyFiles build_geography(const GeographySources& sources) { return Builder(sources).build(); }

}  // namespace newsdex
