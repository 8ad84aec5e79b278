#pragma once
/// A word-level language model learned from real news text at start-up: trigram chains with
/// random back-off to bigrams for sentences and for headlines, the real distributions of sentence,
/// paragraph, headline and body lengths, and per-word flags that mark proper names.

#include "corpus/generator/random.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex::generator {

/// Thrown when a model cannot be built: missing directory, unreadable or too little text.
class ModelError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Bit flags describing one vocabulary word as it was used in the training text.
namespace word_flag {
inline constexpr std::uint8_t sentence_end = 1;  ///< ends with . ! or ? (optionally a closing quote)
inline constexpr std::uint8_t name = 2;          ///< a capitalised word that is (almost) never lower-case
inline constexpr std::uint8_t surname = 4;       ///< a name seen right after Mr, Mrs, Ms or Dr
inline constexpr std::uint8_t country = 8;       ///< a country or region name (US, China, Europe…)
inline constexpr std::uint8_t title = 16;        ///< an office before a name (President, Minister…)
inline constexpr std::uint8_t honorific = 32;    ///< Mr, Mrs, Ms, Dr, Sir
}  // namespace word_flag

/// A token split around its word: "(Blair's)," gives prefix "(", bare "Blair", possessive "'s" and
/// suffix "),". The views point into the token.
struct WordParts {
    std::string_view prefix;      ///< leading quotes and brackets
    std::string_view bare;        ///< the word itself (may be empty for pure punctuation)
    std::string_view possessive;  ///< "'s" or "’s" when the word is possessive, else empty
    std::string_view suffix;      ///< trailing punctuation and closing quotes
};

/// Splits `token` into prefix, bare word, possessive and suffix; never fails.
WordParts split_word(std::string_view token);

/// A second-order Markov chain over word ids. Each two-word context keeps every observed successor
/// (with repetition), and each successor entry carries the context it leads to, so walking the
/// chain costs one uniform index and one memory access per word, with no hash lookups.
class MarkovChain {
public:
    /// The id that starts every sequence (both context slots hold it at the start).
    static constexpr std::uint32_t begin_id = 0;
    /// The id that ends every sequence.
    static constexpr std::uint32_t end_id = 1;

    /// Where a walk stands: the successors of the current two-word context, and its last word.
    struct Cursor {
        std::uint32_t offset = 0;  ///< first successor of the context
        std::uint32_t count = 0;   ///< number of successors; 0 after end_id
        std::uint32_t last = 0;    ///< the context's second word, used for back-off
    };

    /// One observed successor and the context it leads to.
    struct Entry {
        std::uint32_t word;
        std::uint32_t offset;  ///< successors of the context (previous word, word)
        std::uint32_t count;   ///< 0 when word is end_id
    };

    /// Learns from `sequences`: word ids (>= 2), each sequence terminated by end_id.
    void build(const std::vector<std::uint32_t>& sequences, std::size_t vocabulary_size);

    /// The cursor at the start of a sequence (context begin, begin).
    Cursor start() const { return m_start; }

    /// Chooses a successor of `cursor` without reading it, so the caller can prefetch it. With
    /// `back_off` only the cursor's last word is used. Requires cursor.count > 0.
    const Entry* choose(const Cursor& cursor, bool back_off, Rng& rng) const
    {
        if (back_off) {
            const std::uint32_t lo = m_bigram_offsets[cursor.last];
            const std::uint32_t hi = m_bigram_offsets[cursor.last + 1];
            return &m_bigram[lo + rng.below(hi - lo)];
        }
        return &m_trigram[cursor.offset + rng.below(cursor.count)];
    }

    /// The cursor after `entry`'s word (count 0 when the word is end_id).
    static Cursor follow(const Entry& entry) { return Cursor{entry.offset, entry.count, entry.word}; }

    /// Samples the word after (a, b) by lookup. With `back_off` (or when (a, b) was never seen)
    /// only b is used. Returns end_id when b has no successor.
    std::uint32_t next(std::uint32_t a, std::uint32_t b, bool back_off, Rng& rng) const;

    /// The number of distinct two-word contexts.
    std::size_t context_count() const { return m_keys.size(); }

private:
    Cursor find(std::uint32_t a, std::uint32_t b) const;

    std::vector<std::uint64_t> m_keys;     // context keys, sorted
    std::vector<std::uint32_t> m_first;    // per first word, where its contexts start in m_keys
    std::vector<std::uint32_t> m_offsets;  // parallel to m_keys, plus one end offset
    std::vector<Entry> m_trigram;
    std::vector<std::uint32_t> m_bigram_offsets;
    std::vector<Entry> m_bigram;
    Cursor m_start;
};

/// One generated sentence.
struct Sentence {
    std::vector<std::uint32_t> words;  ///< word ids
    bool needs_period = false;         ///< the last word lacks final punctuation
};

/// Counts describing what a model was built from.
struct ModelStats {
    std::size_t articles = 0;
    std::size_t words = 0;       ///< body words (whitespace tokens)
    std::size_t vocabulary = 0;  ///< distinct tokens, punctuation attached
    std::size_t sentences = 0;
    std::size_t contexts = 0;    ///< distinct two-word contexts in the body chain
};

/// The language model. Immutable once built; all sampling methods are const and draw only from the
/// Rng they are given, so one model can serve several generators.
class TextModel {
public:
    /// Builds a model from every `*.txt` file under `dir` (recursively, in sorted path order), each in
    /// the plain layout: headline line, blank line, paragraphs separated by blank lines. Throws
    /// ModelError when `dir` is not a directory or holds fewer than 10 usable articles.
    static TextModel from_directory(const std::filesystem::path& dir);

    /// Builds a model from article texts in the same plain layout. Throws ModelError when fewer
    /// than 10 articles have a headline and a body.
    static TextModel from_texts(const std::vector<std::string>& texts);

    /// Fills every element of `out` with a sentence whose length follows the real sentence-length
    /// distribution. The last word normally carries the final punctuation; when needs_period is set
    /// the caller must add a full stop. Each sentence draws from its own generator seeded from
    /// `rng`, and their walks are interleaved so that the chain's memory accesses overlap; the
    /// result does not depend on the interleaving.
    void sentences(Rng& rng, std::vector<Sentence>& out) const;

    /// Appends the word ids of one headline (real headline-length distribution, no final stop).
    void headline(Rng& rng, std::vector<std::uint32_t>& out) const;

    /// Returns a paragraph length in sentences, drawn from the real distribution.
    std::size_t paragraph_sentences(Rng& rng) const;

    /// Returns the body size in bytes of a randomly drawn real article.
    std::size_t body_bytes(Rng& rng) const;

    /// The mean body size in bytes of the real articles.
    double mean_body_bytes() const { return m_mean_body_bytes; }

    /// Returns a word id drawn from the unigram distribution of body text.
    std::uint32_t random_word(Rng& rng) const;

    /// The text of word `id` (empty for the begin and end ids).
    std::string_view word(std::uint32_t id) const { return m_words[id]; }

    /// The word_flag bits of word `id`.
    std::uint8_t flags(std::uint32_t id) const { return m_flags[id]; }

    /// What the model was built from.
    const ModelStats& stats() const { return m_stats; }

private:
    TextModel() = default;

    std::vector<std::string> m_words;
    std::vector<std::uint8_t> m_flags;
    MarkovChain m_body;
    MarkovChain m_headlines;
    std::vector<std::uint32_t> m_unigram;
    std::vector<std::uint16_t> m_sentence_words;
    std::vector<std::uint16_t> m_paragraph_sentences;
    std::vector<std::uint16_t> m_headline_words;
    std::vector<std::uint32_t> m_body_bytes;
    double m_mean_body_bytes = 0;
    ModelStats m_stats;
};

}  // namespace newsdex::generator
