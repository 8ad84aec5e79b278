#include "common/geography.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "common/gazetteer.hpp"

#ifndef NEWSDEX_DATA_DIR
#error "NEWSDEX_DATA_DIR must be defined by the build (the repository root, as a string literal)"
#endif

namespace newsdex {
namespace {

constexpr std::string_view places_file_name = "places.tsv";
constexpr std::string_view names_file_name = "names.tsv";

// Entry columns: kind, name, code, region, country, population, flags, parts (former only).
constexpr std::size_t min_place_fields = 7;

std::string read_whole(const std::filesystem::path& file) {
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    std::FILE* in = error ? nullptr : std::fopen(file.c_str(), "rb");
    if (in == nullptr) {
        throw std::runtime_error(file.string() + ": cannot open geography file (set NEWSDEX_DATA_DIR to the data root)");
    }
    std::string text(size, '\0');
    const std::size_t got = std::fread(text.data(), 1, text.size(), in);
    std::fclose(in);
    if (got != text.size()) throw std::runtime_error(file.string() + ": cannot read geography file");
    return text;
}

// The offset of every line that is not empty and not a '#' comment.
std::vector<std::uint32_t> data_lines(const std::string& text, const std::filesystem::path& file) {
    if (text.size() >= std::numeric_limits<std::uint32_t>::max()) throw std::runtime_error(file.string() + ": too large");
    std::vector<std::uint32_t> lines;
    lines.reserve(text.size() / 32);
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    for (const char* line = begin; line < end;) {
        const void* newline = std::memchr(line, '\n', static_cast<std::size_t>(end - line));
        const char* stop = newline != nullptr ? static_cast<const char*>(newline) : end;
        if (stop > line && *line != '#') lines.push_back(static_cast<std::uint32_t>(line - begin));
        line = stop + 1;
    }
    return lines;
}

std::string_view line_at(const std::string& text, std::uint32_t offset) {
    std::string_view rest(text.data() + offset, text.size() - offset);
    return rest.substr(0, rest.find('\n'));
}

std::vector<std::string_view> split(std::string_view line, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (;;) {
        std::size_t end = line.find(separator, start);
        parts.push_back(line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) return parts;
        start = end + 1;
    }
}

template <typename Number>
std::optional<Number> parse_number(std::string_view text) {
    Number value{};
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::optional<PlaceKind> kind_from_field(std::string_view field) {
    if (field == "country") return PlaceKind::country;
    if (field == "former") return PlaceKind::former_country;
    if (field == "region") return PlaceKind::region;
    if (field == "town") return PlaceKind::town;
    return std::nullopt;
}

PlaceId id_field(std::string_view field) {
    if (field.empty()) return no_place;
    return parse_number<PlaceId>(field).value_or(no_place);
}

}  // namespace

std::string_view to_string(PlaceKind kind) {
    switch (kind) {
        case PlaceKind::country: return "country";
        case PlaceKind::former_country: return "former country";
        case PlaceKind::region: return "region";
        case PlaceKind::town: return "town";
    }
    return "place";
}

std::optional<DateNumber> parse_date_number(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto year = parse_number<int>(text.substr(0, 4));
    auto month = parse_number<int>(text.substr(5, 2));
    auto day = parse_number<int>(text.substr(8, 2));
    if (!year || !month || !day || *month < 1 || *month > 12 || *day < 1 || *day > 31) return std::nullopt;
    return *year * 10000 + *month * 100 + *day;
}

std::filesystem::path Geography::builtin_directory() {
    const char* env = std::getenv("NEWSDEX_DATA_DIR");
    std::filesystem::path root = (env != nullptr && *env != '\0') ? env : NEWSDEX_DATA_DIR;
    return root / "common" / "data" / "geography";
}

std::vector<std::filesystem::path> Geography::data_files(const std::filesystem::path& directory) {
    std::vector<std::filesystem::path> tables;
    std::error_code error;
    for (std::filesystem::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
        const auto name = it->path().filename();
        if (it->path().extension() == ".tsv" && name != places_file_name && name != names_file_name) {
            tables.push_back(it->path());
        }
    }
    std::sort(tables.begin(), tables.end());
    tables.insert(tables.begin(), {directory / places_file_name, directory / names_file_name});
    return tables;
}

Geography Geography::load_builtin() { return load(builtin_directory()); }

Geography Geography::load(const std::filesystem::path& directory) {
    Geography geography;
    const auto places_file = directory / places_file_name;
    const auto names_file = directory / names_file_name;
    geography.m_places = read_whole(places_file);
    geography.m_names = read_whole(names_file);
    geography.index(places_file, names_file);
    return geography;
}

void Geography::index(const std::filesystem::path& places_file, const std::filesystem::path& names_file) {
    m_place_lines = data_lines(m_places, places_file);
    m_name_lines = data_lines(m_names, names_file);
    for (PlaceId id = 0; id < m_place_lines.size(); ++id) {
        // The kinds differ in their first letter; the whole line is read only for former states.
        const char first = m_places[m_place_lines[id]];
        const PlaceKind kind = first == 'c' ? PlaceKind::country
                               : first == 'f' ? PlaceKind::former_country
                               : first == 'r' ? PlaceKind::region
                                              : PlaceKind::town;
        ++m_counts[static_cast<std::size_t>(kind)];
        if (kind != PlaceKind::former_country) continue;
        // A former state's parts: "ID:FROM:UNTIL" separated by spaces.
        const std::vector<std::string_view> columns = fields(id);
        if (columns.size() <= min_place_fields || columns[min_place_fields].empty()) continue;
        for (std::string_view part : split(columns[min_place_fields], ' ')) {
            const std::vector<std::string_view> pieces = split(part, ':');
            const auto from = pieces.size() == 3 ? parse_date_number(pieces[1]) : std::nullopt;
            const auto until = pieces.size() == 3 ? parse_date_number(pieces[2]) : std::nullopt;
            const PlaceId member = pieces.empty() ? no_place : id_field(pieces[0]);
            if (!from || !until || member == no_place) {
                throw std::runtime_error(places_file.string() + ": entry " + std::to_string(id) + ": bad part \"" +
                                         std::string(part) + "\"");
            }
            m_memberships.push_back({member, id, *from, *until});
        }
    }
    std::sort(m_memberships.begin(), m_memberships.end(),
              [](const Membership& a, const Membership& b) { return a.member < b.member; });
    // names.tsv is searched by bisection, so it must be sorted: the generator sorts it and the
    // test [geography_data] checks it; checking here would cost as much as the rest of loading.
}

std::vector<std::string_view> Geography::fields(PlaceId id) const {
    return split(line_at(m_places, m_place_lines[id]), '\t');
}

Place Geography::place(PlaceId id) const {
    const std::vector<std::string_view> columns = fields(id);
    // Lines are checked here, when used, so that loading stays a single scan of the file.
    if (columns.size() < min_place_fields) {
        throw std::runtime_error("geography: entry " + std::to_string(id) + " has too few fields");
    }
    const auto kind = kind_from_field(columns[0]);
    if (!kind) throw std::runtime_error("geography: entry " + std::to_string(id) + " has an unknown kind");
    Place place;
    place.id = id;
    place.kind = *kind;
    place.name = columns[1];
    place.code = columns[2];
    place.region = id_field(columns[3]);
    place.country = id_field(columns[4]);
    place.population = parse_number<std::uint64_t>(columns[5]).value_or(0);
    for (std::string_view flag : split(columns[6], ',')) {
        if (flag == "standalone") place.standalone = true;
        if (flag == "gazetteer") place.gazetteer = true;
    }
    return place;
}

std::vector<PlaceCandidate> Geography::find(std::string_view surface) const {
    return find_key(Gazetteer::fold_key(surface));
}

std::vector<PlaceCandidate> Geography::find_key(std::string_view folded_key) const {
    std::vector<PlaceCandidate> out;
    if (folded_key.empty()) return out;
    auto key_of = [this](std::uint32_t offset) {
        const std::string_view line = line_at(m_names, offset);
        return line.substr(0, line.find('\t'));
    };
    auto it = std::lower_bound(m_name_lines.begin(), m_name_lines.end(), folded_key,
                               [&](std::uint32_t offset, std::string_view key) { return key_of(offset) < key; });
    if (it == m_name_lines.end() || key_of(*it) != folded_key) return out;
    const std::string_view line = line_at(m_names, *it);
    for (std::string_view posting : split(line.substr(line.find('\t') + 1), ' ')) {
        const bool abbreviation = !posting.empty() && posting.back() == 'a';
        if (abbreviation) posting.remove_suffix(1);
        const PlaceId id = id_field(posting);
        if (id < size()) out.push_back({id, abbreviation});
    }
    return out;
}

std::optional<Place> Geography::country_named(std::string_view name) const {
    for (const PlaceCandidate& candidate : find(name)) {
        if (candidate.via_abbreviation) continue;
        Place found = place(candidate.id);
        if (found.kind == PlaceKind::country || found.kind == PlaceKind::former_country) return found;
    }
    return std::nullopt;
}

std::optional<Place> Geography::region_named(std::string_view name) const {
    std::optional<Place> region;
    for (const PlaceCandidate& candidate : find(name)) {
        Place found = place(candidate.id);
        if (found.kind != PlaceKind::region) continue;
        if (region) return std::nullopt;
        region = found;
    }
    return region;
}

std::optional<FormerState> Geography::former_state_on(const Place& place, DateNumber date) const {
    for (PlaceId member : {place.id, place.region, place.country}) {
        if (member == no_place) continue;
        auto range = std::equal_range(m_memberships.begin(), m_memberships.end(), Membership{member, 0, 0, 0},
                                      [](const Membership& a, const Membership& b) { return a.member < b.member; });
        for (auto it = range.first; it != range.second; ++it) {
            if (it->from <= date && date < it->until) return FormerState{it->state, member, it->until};
        }
    }
    return std::nullopt;
}

std::size_t Geography::count(PlaceKind kind) const { return m_counts[static_cast<std::size_t>(kind)]; }

}  // namespace newsdex
