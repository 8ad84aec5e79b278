#pragma once
/// How a corpus's vocabulary grows with its size (Heaps' law), and what its articles look like
/// to an indexer: distinct words per article and article lengths. Measured the same way on real
/// and generated text, so that a benchmark corpus can be calibrated against real news.

#include <cstddef>
#include <string_view>
#include <unordered_set>
#include <string>
#include <vector>

namespace newsdex {

/// One point of the curve: the vocabulary after the first `articles` articles.
struct VocabularyPoint {
    std::size_t articles = 0;
    std::size_t words = 0;     ///< word occurrences so far
    std::size_t distinct = 0;  ///< distinct words so far
};

/// V = k · n^beta, fitted by least squares on log V against log n (n: word occurrences).
struct HeapsFit {
    double k = 0;
    double beta = 0;
};

/// Counts words as Xapian's TermGenerator splits them (runs of word characters, lower-cased),
/// article by article, and keeps a point at 1, 2, 5, 10, 20, 50, … articles.
class VocabularyCurve {
public:
    /// Adds one article's text (headline and body).
    void observe(std::string_view text);

    /// The points so far, with one for the articles observed last when it is not a round number.
    [[nodiscard]] std::vector<VocabularyPoint> points() const;

    /// The Heaps' law fit over the points with at least `min_words` word occurrences; zeros when
    /// fewer than two such points exist.
    [[nodiscard]] HeapsFit fit(std::size_t min_words = 10000) const;

    /// Mean distinct words per article.
    [[nodiscard]] double distinct_per_article() const;

    /// Mean words per article.
    [[nodiscard]] double words_per_article() const;

    /// Article lengths in bytes: the mean, and the `share` quantile (0.5: the median).
    [[nodiscard]] double mean_bytes() const;
    [[nodiscard]] std::size_t bytes_quantile(double share) const;

    /// Articles observed.
    [[nodiscard]] std::size_t articles() const { return m_lengths.size(); }

private:
    std::unordered_set<std::string> m_vocabulary;
    std::vector<VocabularyPoint> m_points;
    std::vector<std::size_t> m_lengths;
    std::size_t m_words = 0;
    std::size_t m_distinct_in_articles = 0;
    std::size_t m_next_point = 1;
};

}  // namespace newsdex
