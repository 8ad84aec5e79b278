#include "common/gazetteer.hpp"

#include "common/data_dir.hpp"

#include <nlohmann/json.hpp>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <stdexcept>
#include <utility>


namespace newsdex {
namespace {

constexpr std::uint32_t no_entry = std::numeric_limits<std::uint32_t>::max();

// Letters that Unicode does not decompose into a base letter plus accent, but that
// English-language news writes without the stroke ("Soren", "Lodz").
UChar32 strip_stroke(UChar32 c) {
    switch (c) {
        case 0x00F8: return 'o';  // ø
        case 0x0142: return 'l';  // ł
        case 0x0111: return 'd';  // đ
        case 0x0131: return 'i';  // dotless ı
        case 0x0127: return 'h';  // ħ
        default: return c;
    }
}

// British and American spellings of one word, as names of organisations write them
// ("Organisation for Security and Co-operation in Europe", "Organization for Security and
// Cooperation in Europe"): each pair's first spelling becomes its second.
constexpr std::pair<std::string_view, std::string_view> spelling_suffixes[] = {
    {"isation", "ization"}, {"isations", "izations"}, {"centre", "center"}, {"centres", "centers"},
    {"theatre", "theater"}, {"theatres", "theaters"}, {"defence", "defense"}, {"programme", "program"},
    {"programmes", "programs"}, {"licence", "license"}, {"offence", "offense"}};

// One folded word in its American spelling.
void append_american_spelling(std::string& out, std::string_view word) {
    for (const auto& [british, american] : spelling_suffixes)
        if (word.size() >= british.size() && word.substr(word.size() - british.size()) == british) {
            out.append(word.substr(0, word.size() - british.size()));
            out.append(american);
            return;
        }
    out.append(word);
}

bool is_apostrophe(UChar32 c) {
    return c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x0060 || c == 0x00B4 || c == 0x2032;
}

bool is_dash(UChar32 c) {
    return (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE63 || c == 0xFF0D;
}

// The non-ASCII part of folding: apostrophes and dashes to ASCII, accents stripped, case folded.
std::string fold_unicode(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    icu::UnicodeString source = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    // Fold case first, so that capital letters with strokes (Ł, Ø) fold before they are mapped.
    source.foldCase(U_FOLD_CASE_DEFAULT);
    icu::UnicodeString decomposed;
    if (U_SUCCESS(status)) {
        nfd->normalize(source, decomposed, status);
    }
    if (U_FAILURE(status)) {
        decomposed = source;
    }
    icu::UnicodeString kept;
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) continue;
        if (is_apostrophe(c)) c = '\'';
        else if (is_dash(c)) c = '-';
        else if (u_isUWhiteSpace(c)) c = ' ';
        else c = strip_stroke(c);
        kept.append(c);
    }
    std::string out;
    kept.toUTF8String(out);
    return out;
}

std::size_t count_words(std::string_view key) {
    std::size_t words = key.empty() ? 0 : 1;
    for (char c : key) words += (c == ' ');
    return words;
}

// The two of `bits` bits of a Bloom filter that stand for `text` as a key of the map `kind`
// names (Gazetteer::m_known).
std::pair<std::size_t, std::size_t> known_filter_bits_of(std::string_view text, std::uint8_t kind, std::size_t bits) {
    const std::uint64_t hash = std::hash<std::string_view>{}(text) + kind * 0x9e3779b97f4a7c15ULL;
    return {hash & (bits - 1), (hash >> 32) & (bits - 1)};
}

std::string without_periods(std::string_view text) {
    std::string out;
    for (char c : text)
        if (c != '.') out += c;
    return out;
}

[[noreturn]] void fail(const std::filesystem::path& file, const std::string& reason) {
    throw std::runtime_error(file.string() + ": " + reason);
}

std::vector<std::string> string_list(const nlohmann::json& item, const char* field,
                                     const std::filesystem::path& file, const std::string& where) {
    std::vector<std::string> out;
    auto it = item.find(field);
    if (it == item.end() || it->is_null()) return out;
    if (!it->is_array()) fail(file, where + ": \"" + field + "\" must be an array of strings");
    for (const auto& value : *it) {
        if (!value.is_string() || value.get<std::string>().empty())
            fail(file, where + ": \"" + field + "\" must hold non-empty strings");
        out.push_back(value.get<std::string>());
    }
    return out;
}

GazetteerEntry parse_entry(const nlohmann::json& item, std::size_t position,
                           const std::filesystem::path& file) {
    std::string where = "entry " + std::to_string(position + 1);
    if (!item.is_object()) fail(file, where + ": expected an object");
    GazetteerEntry entry;
    auto name = item.find("name");
    if (name == item.end() || !name->is_string() || name->get<std::string>().empty())
        fail(file, where + ": \"name\" must be a non-empty string");
    entry.name = name->get<std::string>();
    where += " (\"" + entry.name + "\")";
    auto type = item.find("type");
    if (type == item.end() || !type->is_string())
        fail(file, where + ": \"type\" must be \"person\", \"org\" or \"place\"");
    auto parsed = actor_type_from_string(type->get<std::string>());
    if (!parsed)
        fail(file, where + ": unknown type \"" + type->get<std::string>() +
                       "\" (expected person, org or place)");
    entry.type = *parsed;
    entry.aliases = string_list(item, "aliases", file, where);
    entry.demonyms = string_list(item, "demonyms", file, where);
    if (auto ambiguous = item.find("ambiguous"); ambiguous != item.end() && !ambiguous->is_null()) {
        if (!ambiguous->is_boolean()) fail(file, where + ": \"ambiguous\" must be true or false");
        entry.ambiguous = ambiguous->get<bool>();
    }
    if (auto surname = item.find("surname"); surname != item.end() && !surname->is_null()) {
        if (!surname->is_string()) fail(file, where + ": \"surname\" must be a string");
        entry.surname = surname->get<std::string>();
    }
    for (const char* field : {"country", "region"}) {
        auto value = item.find(field);
        if (value == item.end() || value->is_null()) continue;
        if (!value->is_string()) fail(file, where + ": \"" + field + "\" must be a string");
        if (entry.type != ActorType::place) fail(file, where + ": only places have a \"" + field + "\"");
        (std::string_view(field) == "country" ? entry.country : entry.region) = value->get<std::string>();
    }
    for (const auto* list : {&entry.aliases, &entry.demonyms})
        for (const auto& text : *list)
            if (Gazetteer::fold_key(text).empty())
                fail(file, where + ": name \"" + text + "\" has no letters");
    if (Gazetteer::fold_key(entry.name).empty()) fail(file, where + ": name has no letters");
    return entry;
}

}  // namespace

std::string Gazetteer::fold_key(std::string_view surface) {
    std::string out;
    append_fold_key(out, surface);
    return out;
}

void Gazetteer::append_fold_key(std::string& out, std::string_view surface) {
    std::string folded;
    bool ascii = std::all_of(surface.begin(), surface.end(),
                             [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (!ascii) {
        folded = fold_unicode(surface);
        surface = folded;
    }
    // Each byte gives at most one, so the key fits in surface.size() bytes. Writing through a
    // pointer rather than `out +=` keeps the string's size and pointer out of the loop (this runs
    // for every capitalised word of every article).
    const std::size_t start = out.size();
    out.resize(start + surface.size());
    char* const first = out.data() + start;
    char* end = first;
    bool pending_space = false;
    for (char c : surface) {
        if (c == '.') continue;
        if (c == ' ' || c == '-' || c == '_' || c == '\t' || c == '\n' || c == '\r') {
            pending_space = end != first;
            continue;
        }
        if (pending_space) {
            *end++ = ' ';
            pending_space = false;
        }
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        else if (c == '`') c = '\'';
        *end++ = c;
    }
    out.resize(start + static_cast<std::size_t>(end - first));
}

std::vector<std::string> Gazetteer::fold_words(std::string_view surface) {
    const std::string folded = fold_key(surface);
    std::vector<std::string> words;
    for (std::size_t start = 0; start < folded.size();) {
        std::size_t end = folded.find(' ', start);
        if (end == std::string::npos) end = folded.size();
        if (end > start) words.push_back(folded.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

bool Gazetteer::is_capital_acronym(std::string_view surface) {
    std::size_t letters = 0;
    std::size_t characters = 0;
    for (std::size_t i = 0; i < surface.size(); ++i) {
        auto c = static_cast<unsigned char>(surface[i]);
        if (c == '.') continue;
        if (c >= 0x80) return false;  // acronyms of interest are ASCII
        if (c >= 'A' && c <= 'Z') ++letters;
        else if (!(c >= '0' && c <= '9') && c != '&') return false;
        ++characters;
    }
    return letters >= 1 && letters <= 5 && characters >= 2;
}

std::filesystem::path Gazetteer::builtin_directory() { return data_path("common/data/gazetteer"); }

Gazetteer Gazetteer::load_builtin() {
    const std::filesystem::path dir = builtin_directory();
    std::error_code error;
    if (!std::filesystem::is_directory(dir, error))
        throw std::runtime_error(dir.string() +
                                 ": gazetteer directory not found (set NEWSDEX_DATA_DIR to the data root)");
    std::vector<std::filesystem::path> files;
    for (const auto& item : std::filesystem::directory_iterator(dir))
        if (item.is_regular_file() && item.path().extension() == ".json") files.push_back(item.path());
    std::sort(files.begin(), files.end());
    Gazetteer gazetteer;
    for (const auto& file : files) gazetteer.load_json(file, 0);
    return gazetteer;
}

void Gazetteer::load_file(const std::filesystem::path& file) {
    if (m_layers == std::numeric_limits<std::uint16_t>::max())
        throw std::runtime_error(file.string() + ": too many gazetteer files");
    load_json(file, ++m_layers);
}

void Gazetteer::load_json(const std::filesystem::path& file, std::uint16_t layer) {
    std::ifstream in(file, std::ios::binary);
    if (!in) fail(file, "cannot open gazetteer file");
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(in);
    } catch (const nlohmann::json::parse_error& error) {
        fail(file, std::string("invalid JSON: ") + error.what());
    }
    if (!document.is_array()) fail(file, "expected a JSON array of entries");
    // Parse the whole file before touching the maps, so a bad file leaves the gazetteer as it was.
    std::vector<GazetteerEntry> parsed;
    parsed.reserve(document.size());
    for (std::size_t i = 0; i < document.size(); ++i) parsed.push_back(parse_entry(document[i], i, file));
    for (auto& entry : parsed) add_entry(std::move(entry), layer);
}

void Gazetteer::add_entry(GazetteerEntry entry, std::uint16_t layer) {
    const std::string canonical = fold_key(entry.name);
    auto add_surname = [this, layer](const std::string& surname, std::uint32_t index) {
        if (surname.empty()) return;
        const std::string key = fold_key(surname);
        note_known(key, known_surname);
        auto [slot, inserted] = m_surnames.try_emplace(key, index);
        // A user file's surname wins; two built-in people sharing one surname resolve neither.
        if (!inserted && slot->second != index) slot->second = layer > 0 ? index : no_entry;
    };
    if (auto same = m_canonical.find(canonical); same != m_canonical.end()) {
        const std::uint32_t index = same->second;
        GazetteerEntry& existing = m_entries[index];
        if (layer == 0 && existing.type == entry.type) {
            // The same actor described by two built-in files: one entry with all the names.
            for (auto& alias : entry.aliases) {
                if (std::find(existing.aliases.begin(), existing.aliases.end(), alias) != existing.aliases.end())
                    continue;
                add_key(alias, {index, layer, 1});
                existing.aliases.push_back(std::move(alias));
            }
            for (auto& demonym : entry.demonyms) {
                if (std::find(existing.demonyms.begin(), existing.demonyms.end(), demonym) !=
                    existing.demonyms.end())
                    continue;
                add_key(demonym, {index, layer, 2});
                existing.demonyms.push_back(std::move(demonym));
            }
            existing.ambiguous = existing.ambiguous && entry.ambiguous;
            if (existing.surname.empty() && !entry.surname.empty()) {
                existing.surname = std::move(entry.surname);
                add_surname(existing.surname, index);
            }
            return;
        }
        if (layer > 0) retire(index);  // a user entry replaces the built-in one
    }
    const auto index = static_cast<std::uint32_t>(m_entries.size());
    m_entries.push_back(std::move(entry));
    m_retired.push_back(false);
    const GazetteerEntry& added = m_entries.back();
    // At layer 0 the first entry of a name keeps it (a place and an org may share a name).
    if (layer > 0 || !m_canonical.contains(canonical)) m_canonical[canonical] = index;
    add_key(added.name, {index, layer, 0});
    for (const auto& alias : added.aliases) add_key(alias, {index, layer, 1});
    for (const auto& demonym : added.demonyms) add_key(demonym, {index, layer, 2});
    add_surname(added.surname, index);
}

void Gazetteer::add_key(std::string_view surface, Slot slot) {
    const bool acronym = is_capital_acronym(surface);
    KeyMap& map = acronym ? m_acronyms : m_folded;
    std::string key = acronym ? without_periods(surface) : fold_key(surface);
    const std::string folded = acronym ? fold_key(surface) : key;
    const std::size_t words = count_words(folded);
    m_max_words = std::max(m_max_words, words);
    if (!acronym) {
        const std::string first_word = folded.substr(0, folded.find(' '));
        note_known(first_word, known_first_word);
        std::size_t& longest = m_first_words[first_word];
        longest = std::max(longest, words);
        note_known(key, known_key);
        add_spelling(spelling_key(key), slot);
    }
    auto [it, inserted] = map.try_emplace(std::move(key), slot);
    if (inserted) return;
    Slot& old = it->second;
    if (old.entry == slot.entry) {
        old.priority = std::min(old.priority, slot.priority);
        return;
    }
    if (slot.layer > old.layer || (slot.layer == old.layer && slot.priority < old.priority)) old = slot;
}

// Two entries spelt alike ("Time Warner", "TimeWarner" of two entries) leave the spelling to
// neither: a spelling variant is a way back to one entry, never a choice between two.
void Gazetteer::add_spelling(std::string key, Slot slot) {
    note_known(key, known_spelling);
    auto [it, inserted] = m_spellings.try_emplace(std::move(key), slot);
    if (inserted || it->second.entry == slot.entry) return;
    if (slot.layer > it->second.layer) it->second = slot;
    else if (slot.layer == it->second.layer) it->second.entry = no_entry;
}

void Gazetteer::retire(std::uint32_t index) {
    m_retired[index] = true;
    for (KeyMap* map : {&m_folded, &m_acronyms, &m_spellings})
        std::erase_if(*map, [index](const auto& item) { return item.second.entry == index; });
    std::erase_if(m_canonical, [index](const auto& item) { return item.second == index; });
    for (auto& item : m_surnames)
        if (item.second == index) item.second = no_entry;
}

std::optional<GazetteerMatch> Gazetteer::match_of(const Slot& slot) const {
    if (m_retired[slot.entry]) return std::nullopt;
    return GazetteerMatch{&m_entries[slot.entry], slot.priority == 2};
}

std::optional<GazetteerMatch> Gazetteer::find(std::string_view surface) const {
    if (is_capital_acronym(surface)) {
        if (auto it = m_acronyms.find(without_periods(surface)); it != m_acronyms.end())
            return match_of(it->second);
    }
    const std::string folded = fold_key(surface);
    if (auto match = find_key(folded)) return match;
    const std::string spelling = spelling_key(folded);
    if (!may_be_known(spelling, known_spelling)) return std::nullopt;
    auto it = m_spellings.find(spelling);
    if (it == m_spellings.end() || it->second.entry == no_entry) return std::nullopt;
    return match_of(it->second);
}

std::string Gazetteer::spelling_key(std::string_view folded_key) {
    std::string key;
    key.reserve(folded_key.size());
    for (std::size_t start = 0; start < folded_key.size();) {
        std::size_t end = folded_key.find(' ', start);
        if (end == std::string_view::npos) end = folded_key.size();
        append_american_spelling(key, folded_key.substr(start, end - start));
        start = end + 1;
    }
    return key;
}

void Gazetteer::note_known(std::string_view text, KnownAs kind) {
    const auto [first, second] = known_filter_bits_of(text, kind, known_filter_bits);
    m_known[first / 64] |= std::uint64_t{1} << (first % 64);
    m_known[second / 64] |= std::uint64_t{1} << (second % 64);
}

bool Gazetteer::may_be_known(std::string_view text, KnownAs kind) const {
    const auto [first, second] = known_filter_bits_of(text, kind, known_filter_bits);
    return ((m_known[first / 64] >> (first % 64)) & 1u) != 0 && ((m_known[second / 64] >> (second % 64)) & 1u) != 0;
}

std::size_t Gazetteer::max_words_starting_with(std::string_view folded_word) const {
    if (!may_be_known(folded_word, known_first_word)) return 0;
    auto it = m_first_words.find(folded_word);
    return it == m_first_words.end() ? 0 : it->second;
}

std::optional<GazetteerMatch> Gazetteer::find_key(std::string_view folded_key) const {
    if (!may_be_known(folded_key, known_key)) return std::nullopt;
    auto it = m_folded.find(folded_key);
    if (it == m_folded.end()) return std::nullopt;
    return match_of(it->second);
}

const GazetteerEntry* Gazetteer::find_canonical(std::string_view name) const {
    auto it = m_canonical.find(fold_key(name));
    if (it == m_canonical.end() || m_retired[it->second]) return nullptr;
    return &m_entries[it->second];
}

const GazetteerEntry* Gazetteer::find_by_surname(std::string_view surname) const {
    const std::string key = fold_key(surname);
    if (!may_be_known(key, known_surname)) return nullptr;
    auto it = m_surnames.find(key);
    if (it == m_surnames.end() || it->second == no_entry || m_retired[it->second]) return nullptr;
    const GazetteerEntry* entry = &m_entries[it->second];
    return entry->type == ActorType::person ? entry : nullptr;
}

std::vector<std::string> Gazetteer::all_names_for(const GazetteerEntry& entry) const {
    std::vector<std::string> names;
    auto consider = [&](const std::string& text) {
        auto match = find(text);
        if (match && match->entry == &entry && std::find(names.begin(), names.end(), text) == names.end())
            names.push_back(text);
    };
    consider(entry.name);
    for (const auto& alias : entry.aliases) consider(alias);
    for (const auto& demonym : entry.demonyms) consider(demonym);
    return names;
}

std::size_t Gazetteer::size() const {
    return static_cast<std::size_t>(std::count(m_retired.begin(), m_retired.end(), false));
}

}  // namespace newsdex
