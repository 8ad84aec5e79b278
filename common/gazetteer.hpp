#pragma once
/// Known actors (countries, cities, organisations, people) and the names they go by, loaded from
/// JSON files. Used by actor extraction at index time and by alias expansion at query time.

#include "common/actor.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newsdex {

/// One known actor, as a gazetteer file describes it.
struct GazetteerEntry {
    std::string name;                    ///< canonical name, e.g. "Naypyidaw"
    ActorType type = ActorType::place;
    std::vector<std::string> aliases;    ///< other names, e.g. "Naypyitaw", "Nay Pyi Taw"
    std::vector<std::string> demonyms;   ///< adjectives and nationality nouns, e.g. "Burmese"
    bool ambiguous = false;              ///< the bare name is often another thing: accept only with support
    std::string surname;                 ///< persons: the family name news uses alone, e.g. "Putin"
    std::string country;                 ///< places: the country it is in, overriding the geography
    std::string region;                  ///< places: the first-level region it is in, overriding the geography
};

/// The result of a lookup: the entry, and whether the surface was one of its demonyms.
struct GazetteerMatch {
    const GazetteerEntry* entry = nullptr;
    bool via_demonym = false;
};

/// Maps names, aliases and demonyms to entries. Lookups fold case, accents, typographic
/// apostrophes, dashes and periods, except that short all-capital acronyms ("US", "WHO") only
/// match when written in capitals. Load everything first; after that the object is only read,
/// and its const members are safe to call from many threads. Entry pointers stay valid until the
/// next load call.
class Gazetteer {
public:
    /// An empty gazetteer.
    Gazetteer() = default;

    /// Loads every *.json file, in sorted order, from common/data/gazetteer under the data
    /// directory: $NEWSDEX_DATA_DIR when set, else the NEWSDEX_DATA_DIR fixed at build time.
    /// Entries of the same name and type in several files are merged. Throws std::runtime_error
    /// when the directory is missing or a file is malformed.
    static Gazetteer load_builtin();

    /// The directory load_builtin() reads.
    static std::filesystem::path builtin_directory();

    /// Loads a user file. Its entries win over everything loaded before that shares a name,
    /// alias or demonym; an earlier entry with the same canonical name is replaced. Throws
    /// std::runtime_error("FILE: reason") on unreadable files, bad JSON or bad fields.
    void load_file(const std::filesystem::path& file);

    /// Looks a surface form up by canonical name, alias or demonym; nullopt when unknown. A name
    /// no key holds is tried by its spelling_key(), so British and American spellings, hyphens
    /// and spaces ("Co-operation", "Cooperation"; "TimeWarner") find the same entry.
    [[nodiscard]] std::optional<GazetteerMatch> find(std::string_view surface) const;

    /// Like find(), for a key already passed through fold_key(); never matches acronyms that
    /// require capitals. The cheap path for callers that fold words once and join them.
    [[nodiscard]] std::optional<GazetteerMatch> find_key(std::string_view folded_key) const;

    /// The entry whose canonical name is `name` (folded comparison), or nullptr.
    [[nodiscard]] const GazetteerEntry* find_canonical(std::string_view name) const;

    /// The person entry whose `surname` is `surname` (folded), or nullptr when none or several.
    [[nodiscard]] const GazetteerEntry* find_by_surname(std::string_view surname) const;

    /// The largest number of words in any name, alias or demonym (after folding); 0 when empty.
    [[nodiscard]] std::size_t max_alias_words() const { return m_max_words; }

    /// The largest number of words of any folded key (not capital-only acronyms) whose first word
    /// is `folded_word`; 0 when no key starts with it. Lets a scanner skip most words with one
    /// lookup and try only as many words as a key could have.
    [[nodiscard]] std::size_t max_words_starting_with(std::string_view folded_word) const;

    /// Every string that find() maps to `entry`: its canonical name first, then its aliases and
    /// demonyms, without duplicates.
    [[nodiscard]] std::vector<std::string> all_names_for(const GazetteerEntry& entry) const;

    /// The number of live entries.
    [[nodiscard]] std::size_t size() const;

    /// The matching key of a surface form: case folded, Latin accents removed, typographic
    /// apostrophes to "'", dashes and hyphens to spaces, periods dropped, spaces collapsed.
    [[nodiscard]] static std::string fold_key(std::string_view surface);

    /// The key of a folded name that its spelling variants share: its words in American
    /// spelling ("organisation" -> "organization", "centre" -> "center"), joined without spaces
    /// ("co operation" and "cooperation" -> "cooperation").
    [[nodiscard]] static std::string spelling_key(std::string_view folded_key);

    /// Appends fold_key(surface) to `out` (allocating nothing for ASCII text when `out` has room).
    static void append_fold_key(std::string& out, std::string_view surface);

    /// The words of fold_key(surface): "Guinea-Bissau" -> {"guinea", "bissau"}.
    [[nodiscard]] static std::vector<std::string> fold_words(std::string_view surface);

    /// True when `surface` is written like an acronym that must match in capitals: no lower-case
    /// letters, no spaces, at most 5 letters (periods ignored, e.g. "U.S."), at least 2 characters.
    [[nodiscard]] static bool is_capital_acronym(std::string_view surface);

private:
    /// Where a key points: the entry, and which load and which kind of name put it there.
    struct Slot {
        std::uint32_t entry;    ///< index into m_entries
        std::uint16_t layer;    ///< 0 = built-in, then one more per user file
        std::uint8_t priority;  ///< 0 = canonical name, 1 = alias, 2 = demonym
    };
    /// Hashes std::string keys and std::string_view probes alike (heterogeneous lookup).
    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    /// Key -> slot, searchable by std::string_view.
    using KeyMap = std::unordered_map<std::string, Slot, StringHash, std::equal_to<>>;
    /// The maps a string may be a key of (see m_known).
    enum KnownAs : std::uint8_t { known_key = 1, known_first_word = 2, known_surname = 3, known_spelling = 4 };
    /// The size of m_known: with the built-in gazetteer's 9,000 or so keys, about one string in
    /// 800 that no map holds gets a "maybe".
    static constexpr std::size_t known_filter_bits = std::size_t{1} << 19;

    /// Parses a whole file, then adds its entries at `layer`; throws before changing anything.
    void load_json(const std::filesystem::path& file, std::uint16_t layer);
    /// Adds one entry: merges a same-named built-in entry, or replaces it from a user file.
    void add_entry(GazetteerEntry entry, std::uint16_t layer);
    /// Maps one name, alias or demonym to `slot`, keeping the better of two claims on a key.
    void add_key(std::string_view surface, Slot slot);
    /// Maps a spelling_key() to `slot`; a key two entries of one layer share maps to neither.
    void add_spelling(std::string key, Slot slot);
    /// Removes an entry replaced by a user file from every map.
    void retire(std::uint32_t index);
    /// The match a slot stands for, or nullopt if its entry was retired.
    [[nodiscard]] std::optional<GazetteerMatch> match_of(const Slot& slot) const;
    /// Records that `text` is a key of the map `kind` names.
    void note_known(std::string_view text, KnownAs kind);
    /// False when `text` is surely no key of the map `kind` names.
    [[nodiscard]] bool may_be_known(std::string_view text, KnownAs kind) const;

    std::vector<GazetteerEntry> m_entries;  ///< every entry loaded, retired ones included
    std::vector<bool> m_retired;            ///< parallel to m_entries
    KeyMap m_folded;                        ///< folded key -> entry
    KeyMap m_acronyms;                      ///< capital acronym without periods -> entry
    KeyMap m_spellings;                     ///< spelling_key() of a folded key -> entry (no_entry: several)
    /// Folded canonical name -> entry index.
    std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> m_canonical;
    /// Folded surname -> person entry index, or "none" when two built-in people share it.
    std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> m_surnames;
    /// First word of a folded key -> the most words of a key starting with it.
    std::unordered_map<std::string, std::size_t, StringHash, std::equal_to<>> m_first_words;
    /// A Bloom filter of every key ever put in m_folded, m_first_words, m_surnames or m_spellings, with the map
    /// it went in (two bits of known_filter_bits a key). Most lookups while tagging an article
    /// are of strings that no map holds: this answers them from 64 KB that stay in the cache,
    /// where the maps divide by a prime and follow pointers. Keys are never removed (a retired
    /// entry leaves a harmless "maybe"), and a "maybe" is always checked in the map.
    std::vector<std::uint64_t> m_known = std::vector<std::uint64_t>(known_filter_bits / 64, 0);
    std::size_t m_max_words = 0;  ///< see max_alias_words()
    std::uint16_t m_layers = 0;   ///< user files loaded so far
};

}  // namespace newsdex
