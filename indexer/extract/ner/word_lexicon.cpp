#include "indexer/extract/ner/word_lexicon.hpp"

namespace newsdex {

WordLexicon::WordLexicon(const WordClusters& clusters, const CueWords& cues) {
    m_entries.reserve(clusters.vocabulary().size());
    for (const auto& word : clusters.vocabulary()) {
        // Words with periods share their hash with the word without ("U.S.", "US") but not their
        // shape: they take the long way.
        if (word.find('.') != std::string::npos) continue;
        LexiconEntry entry;
        entry.forms = word_forms(word);
        entry.classes = clusters.classes(entry.forms);
        entry.cues = cues.classes(entry.forms);
        entry.case_profile = clusters.case_profile(entry.forms);
        m_known.set(entry.forms.exact, {entry.forms.lower, entry.forms.lower_digits_zero,
                                        entry.forms.shape, entry.classes, entry.cues, entry.case_profile});
        m_entries.push_back(entry);
    }
}

}  // namespace newsdex
