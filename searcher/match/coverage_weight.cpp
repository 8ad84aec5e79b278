#include "searcher/match/coverage_weight.hpp"

#include <algorithm>
#include <cmath>

namespace newsdex {
namespace {

// Xapian's BM25 defaults, so a relaxed match ranks documents with as many words as a strict
// one would rank them.
constexpr double k1 = 1.0;
constexpr double b = 0.5;
constexpr double min_normalised_length = 0.5;

}  // namespace

CoverageWeight::CoverageWeight() {
    need_stat(COLLECTION_SIZE);
    need_stat(TERMFREQ);
    need_stat(WDF);
    need_stat(WDF_MAX);
    need_stat(DOC_LENGTH);
    need_stat(DOC_LENGTH_MIN);
    need_stat(AVERAGE_LENGTH);
}

CoverageWeight* CoverageWeight::clone() const { return new CoverageWeight; }

std::string CoverageWeight::name() const { return "newsdex::CoverageWeight"; }

void CoverageWeight::init(double factor) {
    const double documents = get_collection_size();
    const double holding = get_termfreq();
    // Robertson–Sparck Jones idf, kept positive for terms in more than half the documents
    // (as Xapian's BM25 does): every word a document holds should count for something.
    double ratio = (documents - holding + 0.5) / (holding + 0.5);
    if (ratio < 2) ratio = ratio * 0.5 + 1;
    m_term_weight = std::log(ratio) * factor * (k1 + 1);
    m_word = coverage_word_weight * factor;
    const double average = get_average_length();
    m_length_factor = average > 0 ? 1 / average : 0;
}

double CoverageWeight::get_sumpart(Xapian::termcount wdf, Xapian::termcount length, Xapian::termcount) const {
    const double normalised = std::max(length * m_length_factor, min_normalised_length);
    const double frequency = wdf;
    return m_word + m_term_weight * frequency / (k1 * (normalised * b + (1 - b)) + frequency);
}

double CoverageWeight::get_maxpart() const {
    // BM25 grows with the wdf and falls with the length, and a document is never shorter than
    // the wdf of one of its terms: the bound is at the largest wdf, with the length at least that.
    const double frequency = get_wdf_upper_bound();
    const double shortest = std::max<double>(get_wdf_upper_bound(), get_doclength_lower_bound());
    const double normalised = std::max(shortest * m_length_factor, min_normalised_length);
    return m_word + m_term_weight * frequency / (k1 * (normalised * b + (1 - b)) + frequency);
}

double CoverageWeight::get_sumextra(Xapian::termcount, Xapian::termcount) const { return 0; }

double CoverageWeight::get_maxextra() const { return 0; }

double min_weight_for_words(std::size_t words) {
    // Half a word below, so rounding in the sum never drops a document with exactly `words`.
    return (static_cast<double>(words) - 0.5) * coverage_word_weight;
}

std::size_t words_in_weight(double weight) {
    return weight <= 0 ? 0 : static_cast<std::size_t>(std::floor(weight / coverage_word_weight + 1e-9));
}

double bm25_in_weight(double weight) {
    return weight - static_cast<double>(words_in_weight(weight)) * coverage_word_weight;
}

}  // namespace newsdex
