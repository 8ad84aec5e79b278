#pragma once
/// What the features need to know of a word (its forms, classes, cue classes and capitalisation
/// profile), worked out once for every word of the word-class vocabulary, so that most tokens
/// of an article cost one hash of their bytes and one lookup.

#include "indexer/extract/ner/cue_words.hpp"
#include "indexer/extract/ner/hashed_table.hpp"
#include "indexer/extract/ner/word_clusters.hpp"
#include "indexer/extract/ner/word_forms.hpp"

#include <cstdint>
#include <vector>

namespace newsdex {

/// One known word.
struct LexiconEntry {
    WordForms forms;                ///< its forms
    WordClassIds classes;           ///< WordClusters::classes()
    std::uint32_t cues = 0;         ///< CueWords::classes()
    std::uint8_t case_profile = 0;  ///< WordClusters::case_profile()
};

/// The known words, by exact_word_hash(). Immutable once built; safe to share between threads.
class WordLexicon {
public:
    /// Works out every word of `clusters`' vocabulary.
    WordLexicon(const WordClusters& clusters, const CueWords& cues);

    /// The entry of the word whose exact_word_hash() is `exact`, or nullptr.
    [[nodiscard]] const LexiconEntry* find(std::uint64_t exact) const {
        const auto* index = m_index.find(exact);
        return index == nullptr ? nullptr : &m_entries[*index];
    }

    /// Every entry, in vocabulary order.
    [[nodiscard]] const std::vector<LexiconEntry>& entries() const { return m_entries; }

private:
    std::vector<LexiconEntry> m_entries;  ///< in vocabulary order
    HashedTable<std::uint32_t> m_index;   ///< exact word hash -> index in m_entries
};

}  // namespace newsdex
