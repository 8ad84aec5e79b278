#pragma once
/// The geography behind the place gazetteer: countries, former countries, first-level regions and
/// towns, each with its parent region and country, looked up by name, alias or abbreviation.
/// Loaded from the generated files in common/data/geography (places.tsv, names.tsv; see the README
/// there). Loading reads two files and indexes their lines; entries are decoded when asked for, so
/// a program that never looks a place up pays about half a millisecond.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

/// What a geography entry is.
enum class PlaceKind : std::uint8_t {
    country,         ///< today's country or territory with its own ISO 3166-1 code
    former_country,  ///< a state that no longer exists (Soviet Union, West Germany, Zaire)
    region,          ///< a first-level region: US state, Canadian province, German Land, ...
    town,            ///< a town or city
};

/// "country", "former country", "region" or "town".
[[nodiscard]] std::string_view to_string(PlaceKind kind);

/// The number of a geography entry: its line among the entries of places.tsv, from 0.
using PlaceId = std::uint32_t;

/// No entry.
inline constexpr PlaceId no_place = std::numeric_limits<PlaceId>::max();

/// A date as the number YYYYMMDD (19870303), which orders like the date.
using DateNumber = std::int32_t;

/// One geography entry. Its strings point into the Geography that returned it.
struct Place {
    PlaceId id = no_place;
    PlaceKind kind = PlaceKind::town;
    std::string_view name;          ///< display name, e.g. "Portland", "Oregon", "United States"
    std::string_view code;          ///< ISO 3166-1/-2/-3 code, or the GeoNames id of a town
    PlaceId region = no_place;      ///< a town's first-level region, when known
    PlaceId country = no_place;     ///< the country of a region or town (today's)
    std::uint64_t population = 0;   ///< a town's population; a region's or country's towns summed
    bool standalone = false;        ///< its bare name means it ("PARIS", "TOKYO"), see standalone_cities.tsv
    bool gazetteer = false;         ///< it is what the built-in gazetteer means by its name ("Venice": Italy's)
};

/// A candidate entry for a name, and how the name reached it.
struct PlaceCandidate {
    PlaceId id = no_place;
    bool via_abbreviation = false;  ///< the name is an abbreviation of it ("Ore.", "N.Y.")
};

/// The state a place belonged to at a date, when that state no longer exists.
struct FormerState {
    PlaceId state = no_place;   ///< the former country
    PlaceId member = no_place;  ///< the country or region of the place that was part of it
    DateNumber until = 0;       ///< the day the member stopped being part of it
};

/// Countries, regions and towns, and the names they go by. Read-only after loading, so its const
/// members are safe to call from many threads.
class Geography {
public:
    /// An empty geography: every lookup finds nothing.
    Geography() = default;

    /// Loads places.tsv and names.tsv from `directory`: reads them and indexes their lines
    /// (about half a millisecond); entries are decoded when asked for. Throws std::runtime_error
    /// naming the file when one is missing or a former state's parts are malformed; place()
    /// throws for a malformed entry line. names.tsv must be sorted by key (the generator writes it
    /// so; it is not checked here).
    static Geography load(const std::filesystem::path& directory);

    /// Loads the built-in geography: builtin_directory().
    static Geography load_builtin();

    /// common/data/geography under the data root ($NEWSDEX_DATA_DIR, else the build's NEWSDEX_DATA_DIR).
    [[nodiscard]] static std::filesystem::path builtin_directory();

    /// Every data file of the geography in `directory`, in a fixed order, for settings
    /// fingerprints: the two load() reads, then the hand-made tables they are generated from.
    [[nodiscard]] static std::vector<std::filesystem::path> data_files(const std::filesystem::path& directory);

    /// The entries a surface form names (folded with Gazetteer::fold_key: case, accents and
    /// periods do not matter), in entry order; empty when none.
    [[nodiscard]] std::vector<PlaceCandidate> find(std::string_view surface) const;

    /// Like find(), for a key already folded with Gazetteer::fold_key.
    [[nodiscard]] std::vector<PlaceCandidate> find_key(std::string_view folded_key) const;

    /// The entry `id`. Requires id < size(); throws std::runtime_error when its line is malformed.
    [[nodiscard]] Place place(PlaceId id) const;

    /// The country or former country whose name or alias is `name`, or nullopt.
    [[nodiscard]] std::optional<Place> country_named(std::string_view name) const;

    /// The region whose name or alias is `name`, when exactly one region has it; else nullopt.
    [[nodiscard]] std::optional<Place> region_named(std::string_view name) const;

    /// The former state that `place` (a town, region or country) was part of on `date`: a
    /// member's period is checked for the place itself, then its region, then its country.
    /// Nullopt when the place was part of no former state then.
    [[nodiscard]] std::optional<FormerState> former_state_on(const Place& place, DateNumber date) const;

    /// The number of entries.
    [[nodiscard]] std::size_t size() const { return m_place_lines.size(); }

    /// The number of entries of `kind`.
    [[nodiscard]] std::size_t count(PlaceKind kind) const;

private:
    /// One member period of a former state, from the `parts` column of places.tsv.
    struct Membership {
        PlaceId member;
        PlaceId state;
        DateNumber from;
        DateNumber until;
    };

    /// Indexes the lines of m_places and m_names and reads the former states' parts.
    void index(const std::filesystem::path& places_file, const std::filesystem::path& names_file);
    /// The fields of entry line `id`, split at tabs.
    [[nodiscard]] std::vector<std::string_view> fields(PlaceId id) const;

    std::string m_places;                    ///< places.tsv, whole
    std::string m_names;                     ///< names.tsv, whole
    std::vector<std::uint32_t> m_place_lines;  ///< offset of each entry line in m_places
    std::vector<std::uint32_t> m_name_lines;   ///< offset of each key line in m_names, in key order
    std::vector<Membership> m_memberships;   ///< every former state's member periods, by member
    std::size_t m_counts[4] = {0, 0, 0, 0};  ///< entries per PlaceKind
};

/// The date number of a YYYY-MM-DD string, or nullopt when it is not one.
[[nodiscard]] std::optional<DateNumber> parse_date_number(std::string_view text);

}  // namespace newsdex
