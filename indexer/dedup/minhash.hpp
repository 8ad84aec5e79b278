#pragma once
/// Near-duplicate fingerprints: word 5-shingles of the body, a MinHash signature, and LSH band
/// terms. Pure functions; the index side (band-term lookup, the signature value slot) lives in
/// duplicate_finder and document_builder.
///
/// Shingles never cross a paragraph boundary, so reordering paragraphs leaves the shingle set
/// unchanged. A paragraph shorter than a shingle is one shingle of all its words. The title is
/// not used, so retitling changes nothing. An article with fewer words than one shingle has an
/// empty signature: no band terms, never clustered (exact copies are still caught by
/// content_hash).

#include "common/article.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

/// One MinHash value per hash function: 8 bits (b-bit MinHash) of the minimum, over the
/// article's shingles, of that function's 64-bit hash. Empty when the article is too short.
using MinHashSignature = std::vector<std::uint8_t>;

/// How signatures and band terms are made. The defaults are the stored format: changing any of
/// them (or the hash seeds in minhash.cpp) makes existing band terms and signatures incomparable.
struct MinHashParams {
    int shingle_words = 5;           ///< words per shingle (k)
    int num_hashes = 256;            ///< signature length (K); 1 byte each when stored
    int bands = 32;                  ///< LSH bands (b), one band term each; at most 256
    int rows = 8;                    ///< signature values per band (r); bands * rows <= num_hashes
    /// Estimated Jaccard at or above which a candidate is a near copy. One standard error
    /// (sqrt(J(1-J)/K) = 0.025 at J = 0.8) above the 0.8 definition, because the precision
    /// target (0.99) is stricter than the recall target (0.95); see the README's dedup section.
    double verify_threshold = 0.82;
};

/// The words of one paragraph, in order, as shingling sees them: its comparison form (see
/// content_hash: ASCII lower-cased, typographic punctuation folded) split into maximal runs of
/// ASCII letters, digits and non-ASCII bytes; an apostrophe is kept only between two such
/// characters ("aol's"). Other punctuation separates words. No ICU.
[[nodiscard]] std::vector<std::string> shingle_words(std::string_view paragraph);

/// The body's shingles as strings (`shingle_words` consecutive words joined by one space), in
/// order and with repeats, per the rules at the top of this file. Empty when the body has fewer
/// than `shingle_words` words. For tests and ground truth; `MinHasher` hashes without building them.
[[nodiscard]] std::vector<std::string> shingles(const Article& article, int shingle_words = 5);

/// The exact Jaccard similarity of the two bodies' sets of word 5-shingles (ground truth for
/// tests and tuning). Returns 0.0 when either body is too short to have a signature.
[[nodiscard]] double exact_jaccard_5shingles(const Article& a, const Article& b);

/// Estimated Jaccard similarity: the share of positions where the signatures agree, corrected
/// for the 1/256 chance that two unrelated 8-bit values agree. Standard error about
/// sqrt(J(1-J)/K). Returns 0.0 when either is empty or their lengths differ (different params).
[[nodiscard]] double estimated_jaccard(const MinHashSignature& a, const MinHashSignature& b);

/// Compact binary form for a document value slot: one format byte (1), then one byte per value,
/// so 1 + K bytes (257 with the defaults). An empty signature is "".
[[nodiscard]] std::string serialise_signature(const MinHashSignature& signature);

/// Reverses `serialise_signature`. Returns std::nullopt for an unknown format byte or no values;
/// "" gives an empty signature. A value of another length (other params, or damaged) comes back
/// as it is and then compares as incomparable: estimated Jaccard 0, no band terms.
[[nodiscard]] std::optional<MinHashSignature> unserialise_signature(std::string_view bytes);

/// Computes signatures and band terms with one fixed set of parameters. Holds 16 bytes of
/// coefficients per hash; const methods are safe to call from several threads.
class MinHasher {
public:
    /// Derives the K hash functions from fixed seeds. Throws std::invalid_argument when a
    /// parameter is out of range (non-positive, more than 256 bands, bands * rows > num_hashes,
    /// threshold outside [0, 1]).
    explicit MinHasher(MinHashParams params = {});

    /// The article's body signature (num_hashes values), or an empty one when the body has fewer
    /// than `shingle_words` words. Never fails.
    [[nodiscard]] MinHashSignature signature(const Article& article) const;

    /// One term suffix per band: 2 hex digits of band index then 10 hex digits (40 bits) of the
    /// band's hash, 12 bytes in all; the caller adds its boolean prefix. Two articles share a
    /// term exactly when some band of their signatures is identical (or, with chance about 2^-40
    /// per band and document, the hashes collide). Empty for an empty or wrong-length signature.
    [[nodiscard]] std::vector<std::string> band_terms(const MinHashSignature& signature) const;

    /// Whether a candidate found through a shared band term is a near copy:
    /// `estimated_jaccard(a, b) >= params().verify_threshold`. False when either is empty.
    [[nodiscard]] bool is_near_copy(const MinHashSignature& a, const MinHashSignature& b) const;

    /// The LSH S-curve: the probability that two articles whose true Jaccard is `jaccard` share
    /// at least one band term, 1 - (1 - J^rows)^bands.
    [[nodiscard]] double candidate_probability(double jaccard) const;

    /// The parameters this hasher was built with.
    [[nodiscard]] const MinHashParams& params() const { return m_params; }

private:
    MinHashParams m_params;
    std::vector<std::uint64_t> m_multipliers;  ///< odd a_i of h_i(x) = a_i * x + c_i (mod 2^64)
    std::vector<std::uint64_t> m_increments;   ///< c_i
};

}  // namespace newsdex
