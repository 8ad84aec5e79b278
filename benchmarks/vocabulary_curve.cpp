#include "benchmarks/vocabulary_curve.hpp"

#include <algorithm>
#include <cmath>

#include <xapian.h>

namespace newsdex {
namespace {

// 1, 2, 5, 10, 20, 50, …
std::size_t next_round(std::size_t n) {
    std::size_t decade = 1;
    while (decade * 10 <= n) decade *= 10;
    const std::size_t leading = n / decade;
    if (leading < 2) return 2 * decade;
    if (leading < 5) return 5 * decade;
    return 10 * decade;
}

}  // namespace

void VocabularyCurve::observe(std::string_view text) {
    std::unordered_set<std::string> own;
    std::string word;
    auto end_word = [&] {
        if (word.empty()) return;
        ++m_words;
        if (own.insert(word).second) m_vocabulary.insert(word);
        word.clear();
    };
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
        const unsigned ch = *it;
        if (Xapian::Unicode::is_wordchar(ch)) {
            Xapian::Unicode::append_utf8(word, Xapian::Unicode::tolower(ch));
        } else {
            end_word();
        }
    }
    end_word();
    m_distinct_in_articles += own.size();
    m_lengths.push_back(text.size());
    if (m_lengths.size() == m_next_point) {
        m_points.push_back({m_lengths.size(), m_words, m_vocabulary.size()});
        m_next_point = next_round(m_next_point);
    }
}

std::vector<VocabularyPoint> VocabularyCurve::points() const {
    std::vector<VocabularyPoint> all = m_points;
    if (all.empty() || all.back().articles != m_lengths.size()) all.push_back({m_lengths.size(), m_words, m_vocabulary.size()});
    return all;
}

HeapsFit VocabularyCurve::fit(std::size_t min_words) const {
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    std::size_t n = 0;
    for (const auto& point : points()) {
        if (point.words < min_words || point.distinct == 0) continue;
        const double x = std::log(static_cast<double>(point.words));
        const double y = std::log(static_cast<double>(point.distinct));
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
        ++n;
    }
    if (n < 2) return {};
    const double count = static_cast<double>(n);
    const double beta = (count * sxy - sx * sy) / (count * sxx - sx * sx);
    return {std::exp((sy - beta * sx) / count), beta};
}

double VocabularyCurve::distinct_per_article() const {
    return m_lengths.empty() ? 0 : static_cast<double>(m_distinct_in_articles) / static_cast<double>(m_lengths.size());
}

double VocabularyCurve::words_per_article() const {
    return m_lengths.empty() ? 0 : static_cast<double>(m_words) / static_cast<double>(m_lengths.size());
}

double VocabularyCurve::mean_bytes() const {
    double total = 0;
    for (std::size_t length : m_lengths) total += static_cast<double>(length);
    return m_lengths.empty() ? 0 : total / static_cast<double>(m_lengths.size());
}

std::size_t VocabularyCurve::bytes_quantile(double share) const {
    if (m_lengths.empty()) return 0;
    std::vector<std::size_t> sorted = m_lengths;
    const auto at = static_cast<std::size_t>(share * static_cast<double>(sorted.size() - 1));
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(at), sorted.end());
    return sorted[at];
}

}  // namespace newsdex
