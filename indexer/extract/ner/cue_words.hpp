#pragma once
/// Hand-written word classes that hint at a name's type (titles, organisation suffixes, verbs
/// of speech, given names, …), loaded from data/cue_words.txt. They are features: the model
/// learns what each class is worth.

#include "indexer/extract/ner/hashed_table.hpp"
#include "indexer/extract/ner/word_forms.hpp"

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace newsdex {

/// Word → set of classes (a bit per class, in the order the file opens them).
class CueWords {
public:
    /// No classes.
    CueWords() = default;

    /// Reads a cue word file (see data/cue_words.txt for the format). Throws std::runtime_error
    /// naming the file when it cannot be read, a word comes before any class, or there are more
    /// than 32 classes.
    static CueWords load(const std::filesystem::path& file);

    /// Reads the file's text from `in`; `name` names it in errors.
    void read(std::istream& in, const std::string& name);

    /// The class bits of a word (by its lower-case form); 0 when it is in no class.
    [[nodiscard]] std::uint32_t classes(const WordForms& forms) const { return classes_of_lower(forms.lower); }

    /// The class bits of the word whose lower-case form hashes to `lower` (lower_word_hash()).
    [[nodiscard]] std::uint32_t classes_of_lower(std::uint64_t lower) const {
        const auto* bits = m_words.find(lower);
        return bits == nullptr ? 0 : *bits;
    }

    /// The bit of the class called `name`, or 0 when the file has no such class.
    [[nodiscard]] std::uint32_t class_bit(std::string_view name) const;

private:
    HashedTable<std::uint32_t> m_words;      ///< lower-case word hash -> class bits
    std::vector<std::string> m_class_names;  ///< in the order the file opens them
};

}  // namespace newsdex
