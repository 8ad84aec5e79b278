#pragma once
/// Distributional word classes learned from unlabeled news (newsdex-learn-clusters): words
/// used alike (surnames, towns, firms, verbs of speech) share a class, so a name the training
/// data never saw still gets the features of its class. Three granularities, coarse to fine.

#include "indexer/extract/ner/hashed_table.hpp"
#include "indexer/extract/ner/word_forms.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace newsdex {

/// The classes of one word at each granularity; `known` is false for words outside the vocabulary.
struct WordClassIds {
    std::array<std::uint16_t, 3> ids{};  ///< coarse, middle, fine
    bool known = false;                  ///< false: the word has no classes
};

/// The word → classes table, and each word's habit of capitalisation in running text.
class WordClusters {
public:
    /// An empty table: every word unknown.
    WordClusters() = default;

    /// Reads the classes (lines "word TAB coarse TAB middle TAB fine") and the capitalisation
    /// profile (lines "word TAB percent TAB occurrences": how often the lower-case word is written
    /// capitalised away from a sentence start). Lines starting with # are comments. Throws
    /// std::runtime_error naming the file and line on a bad line or an unreadable file.
    static WordClusters load(const std::filesystem::path& classes_file, const std::filesystem::path& case_file);

    /// Adds the word → classes lines of `in`; `name` names the source in errors.
    void read_classes(std::istream& in, const std::string& name);

    /// Adds the capitalisation lines of `in`; `name` names the source in errors.
    void read_case_profile(std::istream& in, const std::string& name);

    /// The classes of a word: as written, else capitalised ("BRUSSELS" finds "Brussels"), else
    /// lower case.
    [[nodiscard]] WordClassIds classes(const WordForms& forms) const;

    /// How the lower-case form of a word is written in running text: 0 never seen, 1 almost
    /// always lower case (a common word), 2 mostly lower, 3 mostly capitalised, 4 almost always
    /// capitalised (a name).
    [[nodiscard]] std::uint8_t case_profile(const WordForms& forms) const { return case_profile_of_lower(forms.lower); }

    /// case_profile() of the word whose lower-case form hashes to `lower` (lower_word_hash()).
    [[nodiscard]] std::uint8_t case_profile_of_lower(std::uint64_t lower) const;

    /// The number of words with classes.
    [[nodiscard]] std::size_t size() const { return m_classes.size(); }

    /// The words with classes, in file order.
    [[nodiscard]] const std::vector<std::string>& vocabulary() const { return m_vocabulary; }

private:
    std::vector<std::string> m_vocabulary;
    HashedTable<WordClassIds> m_classes;  ///< exact-form hash -> classes
    HashedTable<std::uint8_t> m_case;     ///< lower-form hash -> case_profile() value
};

}  // namespace newsdex
