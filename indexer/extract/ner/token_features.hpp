#pragma once
/// The recogniser's features: for each token of a document, a list of 64-bit feature hashes
/// (the word and its neighbours ±2, lower case, shape, prefixes and suffixes, word classes,
/// capitalisation habits in running text and in the same article, the contexts the same word
/// has elsewhere in the article, cue words, gazetteer names, the line's case and the position
/// in the sentence). Lower-case tokens away from any
/// capitalised word are not scored at all: they are never part of a name, and skipping them
/// is most of the recogniser's speed.

#include "common/gazetteer.hpp"
#include "indexer/extract/ner/cue_words.hpp"
#include "indexer/extract/ner/ner_token.hpp"
#include "indexer/extract/ner/word_clusters.hpp"

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

    /// The first feature of token `i`.
    [[nodiscard]] std::uint32_t begin_of(std::size_t i) const { return i == 0 ? 0 : ends[i - 1]; }
};

/// The version of the feature set; model files record it and are refused when it differs.
inline constexpr std::uint32_t feature_set_version = 2;

/// Computes features. Holds references: the word tables and the gazetteer must outlive it.
/// Const member functions are thread-safe.
class FeatureExtractor {
public:
    /// A feature extractor over these tables.
    FeatureExtractor(const WordClusters& clusters, const CueWords& cues, const Gazetteer& gazetteer);

    /// The features of every sentence of `document`, in order (`out` is resized and reused).
    void extract(const NerDocument& document, std::vector<SentenceFeatures>& out) const;

private:
    /// Cue classes the document context features look for.
    struct ContextCues {
        std::uint32_t title = 0;       ///< honorifics, titles and title modifiers
        std::uint32_t speech = 0;      ///< verbs of speech
        std::uint32_t org_suffix = 0;  ///< last words of organisation names
        std::uint32_t place_preposition = 0;
        std::uint32_t given_name = 0;
    };

    const WordClusters& m_clusters;
    const CueWords& m_cues;
    const Gazetteer& m_gazetteer;
    ContextCues m_context;
};

}  // namespace newsdex
