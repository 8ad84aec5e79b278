#pragma once
/// The actor extractor's word lists, shipped as data files beside it: given names that open a
/// person's name (given_names.txt) and capitalised words that are never actors (not_actors.txt).
/// Loaded once by the caller and passed in, like the gazetteer, so that the files are part of
/// the settings fingerprint.

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace newsdex {

/// Folded word lists (Gazetteer::fold_key), read-only once loaded: safe to share between threads.
class ActorWordLists {
public:
    /// Reads given_names.txt and not_actors.txt in `directory`: one word per line, `#` starts a
    /// comment line. Throws std::runtime_error naming a file that cannot be read.
    [[nodiscard]] static ActorWordLists load(const std::filesystem::path& directory);

    /// The built-in lists: indexer/extract under the data directory (common/data_dir).
    [[nodiscard]] static ActorWordLists load_builtin();

    /// The files the lists were read from, for the settings fingerprint.
    [[nodiscard]] const std::vector<std::filesystem::path>& files() const { return m_files; }

    /// True when the folded word is a known given name.
    [[nodiscard]] bool is_given_name(std::string_view folded) const { return m_given_names.contains(folded); }

    /// True when the folded word, capitalised, is never an actor on its own.
    [[nodiscard]] bool is_not_actor(std::string_view folded) const { return m_not_actors.contains(folded); }

private:
    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    using WordSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

    static WordSet read(const std::filesystem::path& file);

    WordSet m_given_names;
    WordSet m_not_actors;
    std::vector<std::filesystem::path> m_files;
};

}  // namespace newsdex
