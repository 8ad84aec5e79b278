#pragma once
/// The recogniser's features: for each token of a document, a list of 64-bit feature hashes
/// (the word and its neighbours ±2, lower case, shape, prefixes and suffixes, word classes,
/// capitalisation habits in running text and in the same article, the contexts the same word
/// has elsewhere in the article, cue words, gazetteer names, the line's case and the position
/// in the sentence). Lower-case tokens away from any
/// capitalised word are not scored at all: they are never part of a name, and skipping them
/// is most of the recogniser's speed. Tokens more than two away from any scored token are not
/// even looked up: no feature reads them but for how they are written in lower case.

#include "common/gazetteer.hpp"
#include "indexer/extract/ner/cue_words.hpp"
#include "indexer/extract/ner/ner_token.hpp"
#include "indexer/extract/ner/word_clusters.hpp"
#include "indexer/extract/ner/word_lexicon.hpp"

#include <cstdint>
#include <vector>

namespace newsdex {

/// The features of one sentence.
struct SentenceFeatures {
    std::vector<std::uint64_t> hashes;  ///< every token's features, token after token
    std::vector<std::uint32_t> ends;    ///< ends[i]: the end of token i's features in `hashes`
    std::vector<std::uint8_t> scored;   ///< 1 when token i is scored; 0 means it is O for certain
    std::vector<std::uint8_t> lexical;  ///< lexical[i]: how many of token i's first features name the word
                                        ///< itself (training drops them at random, so that context counts)
    std::vector<std::uint64_t> compiled_word;  ///< for a known word whose word features the model has summed
                                               ///< in advance (NerModel::compile_words): its exact hash; else 0
                                               ///< (empty: none)

    /// The first feature of token `i`.
    [[nodiscard]] std::uint32_t begin_of(std::size_t i) const { return i == 0 ? 0 : ends[i - 1]; }
};

/// The version of the feature set; model files record it and are refused when it differs.
inline constexpr std::uint32_t feature_set_version = 2;

/// Appends the features that depend on the word alone (as written, lower case, shape, prefixes,
/// suffixes, classes, cue classes): the part of a token's features that a model can sum in
/// advance for a known word.
void append_word_features(const WordForms& forms, const WordClassIds& classes, std::uint32_t cues,
                          std::vector<std::uint64_t>& out);

/// Computes features. Holds references: the word tables must outlive it. Const member functions
/// are thread-safe.
class FeatureExtractor {
public:
    /// A feature extractor over these tables. With a lexicon, the word features of its words are
    /// not listed but named by SentenceFeatures::compiled_word (for a model compiled for that
    /// lexicon); without one, every feature is listed (for training).
    FeatureExtractor(const WordClusters& clusters, const CueWords& cues, const WordLexicon* lexicon = nullptr);

    /// The features of every sentence of `document`, in order (`out` is resized and reused);
    /// `gazetteer` gives the gazetteer features.
    void extract(const NerDocument& document, const Gazetteer& gazetteer, std::vector<SentenceFeatures>& out) const;

private:
    /// Cue classes the document context features look for.
    struct ContextCues {
        std::uint32_t title = 0;       ///< honorifics, titles and title modifiers
        std::uint32_t speech = 0;      ///< verbs of speech
        std::uint32_t org_suffix = 0;  ///< last words of organisation names
        std::uint32_t place_preposition = 0;  ///< "in", "near"…
        std::uint32_t given_name = 0;         ///< given names
    };

    const WordClusters& m_clusters;
    const CueWords& m_cues;
    const WordLexicon* m_lexicon;
    ContextCues m_context;
};

}  // namespace newsdex
