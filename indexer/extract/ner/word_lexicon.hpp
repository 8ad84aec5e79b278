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

/// The part of a LexiconEntry that the features read for every token of a known word (its
/// word features are summed in the model, so its prefixes and suffixes are not needed; its
/// exact form is the key it is found by).
struct KnownWord {
    std::uint64_t lower = 0;              ///< WordForms::lower
    std::uint64_t lower_digits_zero = 0;  ///< WordForms::lower_digits_zero
    std::uint64_t shape = 0;              ///< WordForms::shape
    WordClassIds classes;                 ///< LexiconEntry::classes
    std::uint32_t cues = 0;               ///< LexiconEntry::cues
    std::uint8_t case_profile = 0;        ///< LexiconEntry::case_profile
};

/// The known words, by exact_word_hash(). Immutable once built; safe to share between threads.
class WordLexicon {
public:
    /// Works out every word of `clusters`' vocabulary.
    WordLexicon(const WordClusters& clusters, const CueWords& cues);

    /// What the features read of the word whose exact_word_hash() is `exact`, or nullptr when
    /// the word is not known.
    [[nodiscard]] const KnownWord* find(std::uint64_t exact) const { return m_known.find(exact); }

    /// Starts loading what find(exact) will read, for a find() a little later.
    void prefetch(std::uint64_t exact) const { m_known.prefetch(exact); }

    /// Every entry, in vocabulary order.
    [[nodiscard]] const std::vector<LexiconEntry>& entries() const { return m_entries; }

private:
    std::vector<LexiconEntry> m_entries;  ///< in vocabulary order
    /// exact word hash -> the entry's KnownWord part: stored in the table's own slots, so that a
    /// token costs one probe into one array (this table is too large for the cache, and a lookup
    /// through an index into m_entries waited for two misses in turn).
    HashedTable<KnownWord> m_known;
};

}  // namespace newsdex
