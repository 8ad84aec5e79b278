#include "indexer/extract/ner/train/exchange_clustering.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <ostream>
#include <unordered_map>

namespace newsdex {
namespace {

// x log x, with 0 log 0 = 0; small counts from a table.
class XLogX {
public:
    XLogX() : m_table(1 << 16) {
        for (std::size_t x = 1; x < m_table.size(); ++x) m_table[x] = double(x) * std::log(double(x));
    }
    double operator()(std::int64_t x) const {
        if (x < static_cast<std::int64_t>(m_table.size())) return m_table[static_cast<std::size_t>(x)];
        return double(x) * std::log(double(x));
    }

private:
    std::vector<double> m_table;
};

struct Neighbour {
    std::uint32_t word;
    std::uint32_t count;
};

// Each word's distinct right and left neighbours with their bigram counts (self pairs apart).
struct Bigrams {
    std::vector<std::vector<Neighbour>> right;
    std::vector<std::vector<Neighbour>> left;
    std::vector<std::uint32_t> self;
};

Bigrams count_bigrams(const std::vector<std::uint32_t>& text, std::uint32_t vocabulary) {
    std::unordered_map<std::uint64_t, std::uint32_t> pairs;
    for (std::size_t i = 1; i < text.size(); ++i) ++pairs[std::uint64_t(text[i - 1]) << 32 | text[i]];
    std::vector<std::pair<std::uint64_t, std::uint32_t>> sorted(pairs.begin(), pairs.end());
    std::sort(sorted.begin(), sorted.end());
    Bigrams bigrams{std::vector<std::vector<Neighbour>>(vocabulary), std::vector<std::vector<Neighbour>>(vocabulary),
                    std::vector<std::uint32_t>(vocabulary, 0)};
    for (const auto& [key, count] : sorted) {
        const auto first = static_cast<std::uint32_t>(key >> 32);
        const auto second = static_cast<std::uint32_t>(key);
        if (first == second) {
            bigrams.self[first] = count;
            continue;
        }
        bigrams.right[first].push_back({second, count});
        bigrams.left[second].push_back({first, count});
    }
    return bigrams;
}

}  // namespace

std::vector<std::uint32_t> exchange_clustering(const std::vector<std::uint32_t>& text, std::uint32_t vocabulary,
                                               const ExchangeSettings& settings, std::ostream& log) {
    const std::size_t K = settings.classes;
    const XLogX f;
    std::vector<std::int64_t> word_count(vocabulary, 0);
    for (std::uint32_t w : text) ++word_count[w];
    const Bigrams bigrams = count_bigrams(text, vocabulary);

    // Frequency rank order (ties by id), and the round-robin start.
    std::vector<std::uint32_t> order(vocabulary);
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return word_count[a] > word_count[b]; });
    std::vector<std::uint32_t> word_class(vocabulary);
    for (std::size_t rank = 0; rank < order.size(); ++rank) word_class[order[rank]] = static_cast<std::uint32_t>(rank % K);

    std::vector<std::int64_t> class_count(K, 0);
    std::vector<std::int64_t> pair_count(K * K, 0);  // [left class * K + right class]
    for (std::uint32_t w = 0; w < vocabulary; ++w) {
        class_count[word_class[w]] += word_count[w];
        pair_count[word_class[w] * K + word_class[w]] += bigrams.self[w];
        for (const Neighbour& n : bigrams.right[w]) pair_count[word_class[w] * K + word_class[n.word]] += n.count;
    }

    std::vector<std::int64_t> right(K, 0), left(K, 0);
    std::vector<std::uint32_t> right_classes, left_classes;
    std::vector<double> gain(K);
    for (std::uint32_t iteration = 1; iteration <= settings.max_iterations; ++iteration) {
        std::size_t moved = 0;
        for (std::uint32_t w : order) {
            if (word_count[w] == 0) continue;
            // Counts of w's bigrams by the neighbour's class.
            right_classes.clear();
            left_classes.clear();
            for (const Neighbour& n : bigrams.right[w]) {
                const std::uint32_t c = word_class[n.word];
                if (right[c] == 0) right_classes.push_back(c);
                right[c] += n.count;
            }
            for (const Neighbour& n : bigrams.left[w]) {
                const std::uint32_t c = word_class[n.word];
                if (left[c] == 0) left_classes.push_back(c);
                left[c] += n.count;
            }
            const std::int64_t self = bigrams.self[w];
            const std::uint32_t from = word_class[w];
            // Take w out of its class.
            for (std::uint32_t c : right_classes) pair_count[from * K + c] -= right[c];
            for (std::uint32_t c : left_classes) pair_count[c * K + from] -= left[c];
            pair_count[from * K + from] -= self;
            class_count[from] -= word_count[w];
            // The likelihood gain of putting it in each class k.
            for (std::size_t k = 0; k < K; ++k) {
                double g = -2.0 * (f(class_count[k] + word_count[w]) - f(class_count[k]));
                for (std::uint32_t c : right_classes) {
                    if (c == k) continue;
                    const std::int64_t m = pair_count[k * K + c];
                    g += f(m + right[c]) - f(m);
                }
                for (std::uint32_t c : left_classes) {
                    if (c == k) continue;
                    const std::int64_t m = pair_count[c * K + k];
                    g += f(m + left[c]) - f(m);
                }
                const std::int64_t diagonal = pair_count[k * K + k];
                g += f(diagonal + right[k] + left[k] + self) - f(diagonal);
                gain[k] = g;
            }
            // Put it in the best class: its own on a tie, else the first best.
            std::size_t best = from;
            for (std::size_t k = 0; k < K; ++k)
                if (gain[k] > gain[best] + 1e-9) best = k;
            for (std::uint32_t c : right_classes) pair_count[best * K + c] += right[c];
            for (std::uint32_t c : left_classes) pair_count[c * K + best] += left[c];
            pair_count[best * K + best] += self;
            class_count[best] += word_count[w];
            if (best != from) {
                word_class[w] = static_cast<std::uint32_t>(best);
                ++moved;
            }
            for (std::uint32_t c : right_classes) right[c] = 0;
            for (std::uint32_t c : left_classes) left[c] = 0;
        }
        log << "classes " << K << ", pass " << iteration << ": " << moved << " words moved\n" << std::flush;
        if (double(moved) < settings.min_moved_share * double(vocabulary)) break;
    }
    return word_class;
}

}  // namespace newsdex
