#pragma once
/// A weighting scheme that counts the query words a document holds before it weighs them:
/// what relaxed matching ranks with, and how it keeps only documents with enough words.

#include <cstddef>
#include <string>

#include <xapian.h>

namespace newsdex {

/// What each query word a document holds adds to its weight, on top of BM25. It exceeds the
/// BM25 weight of max_covered_words words (each at most 2 ln(2N + 1), about 60 for a billion
/// documents), so a document's weight is its number of words times this, plus its BM25.
inline constexpr double coverage_word_weight = 10000.0;

/// Most words a query ranked by CoverageWeight may have (see coverage_word_weight).
inline constexpr std::size_t max_covered_words = 64;

/// BM25 with Xapian's default parameters (k1 = 1, b = 0.5, no query-length or wqf terms),
/// plus coverage_word_weight for each query term that matches. Ranked by it, documents with
/// more of the query's words come first, and BM25 orders those with as many; an Enquire
/// weight cutoff of min_weight_for_words(m) keeps the documents holding at least m words.
/// The query's terms must be distinct, and each a word (a term or a synonym group).
class CoverageWeight : public Xapian::Weight {
public:
    CoverageWeight();

    /// A fresh copy, for Xapian to initialise per term.
    [[nodiscard]] CoverageWeight* clone() const override;

    /// The scheme's name, "newsdex::CoverageWeight".
    [[nodiscard]] std::string name() const override;

    /// Sets up the term's BM25 weight; `factor` scales the whole weight, the word's share too.
    void init(double factor) override;

    /// coverage_word_weight plus the term's BM25 weight in a document.
    [[nodiscard]] double get_sumpart(Xapian::termcount wdf, Xapian::termcount length,
                                     Xapian::termcount unique_terms) const override;

    /// The most get_sumpart() can return for this term in this database.
    [[nodiscard]] double get_maxpart() const override;

    /// 0: nothing is added per document.
    [[nodiscard]] double get_sumextra(Xapian::termcount length, Xapian::termcount unique_terms) const override;

    /// 0.
    [[nodiscard]] double get_maxextra() const override;

private:
    double m_word = 0;         // what matching adds, scaled by the factor
    double m_term_weight = 0;  // the term's BM25 weight for a wdf/length ratio of 1
    double m_length_factor = 0;  // 1 / the average document length
};

/// The weight cutoff that keeps the documents holding at least `words` of the query's words.
[[nodiscard]] double min_weight_for_words(std::size_t words);

/// How many of the query's words a document of weight `weight` holds.
[[nodiscard]] std::size_t words_in_weight(double weight);

/// The BM25 part of a CoverageWeight weight: what it would be without the counting.
[[nodiscard]] double bm25_in_weight(double weight);

}  // namespace newsdex
