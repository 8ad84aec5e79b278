#include "indexer/extract/ner/viterbi.hpp"

#include <algorithm>
#include <array>
#include <limits>

namespace newsdex {
namespace {

constexpr std::size_t L = ner_label_count;
constexpr double impossible = -std::numeric_limits<double>::infinity();

bool allowed_at(const LabelMask* allowed, std::size_t i, std::size_t y) { return ((allowed[i] >> y) & 1u) != 0; }

// valid[p][y]: label y may follow label p (p = ner_label_count: the sentence start).
constexpr std::array<std::array<bool, L>, L + 1> valid_transitions() {
    std::array<std::array<bool, L>, L + 1> valid{};
    for (std::size_t p = 0; p <= L; ++p)
        for (std::size_t y = 0; y < L; ++y)
            valid[p][y] = may_follow(p == L ? std::nullopt : std::optional<NerLabel>(static_cast<NerLabel>(p)),
                                     static_cast<NerLabel>(y));
    return valid;
}
constexpr auto valid = valid_transitions();

}  // namespace

void ViterbiLattice::run(const float* emissions, std::size_t count, const LabelMask* allowed,
                         const TransitionScores& transitions) {
    m_emissions = emissions;
    m_count = count;
    m_allowed = allowed;
    m_transitions = &transitions;
    m_best = 0.0;
    m_last = 0;
    if (count == 0) return;
    m_forward.assign(count * L, impossible);
    m_back.assign(count * L, 0);
    for (std::size_t y = 0; y < L; ++y)
        if (allowed_at(allowed, 0, y) && valid[L][y]) m_forward[y] = transitions[L * L + y] + emissions[y];
    for (std::size_t i = 1; i < count; ++i) {
        const double* previous = &m_forward[(i - 1) * L];
        // The best previous label of every label at once: previous labels in order, each
        // offering itself to all labels. Every label sees the same candidates in the same order
        // as a loop over previous labels per label would, and keeps the first best; but the
        // labels' comparisons do not wait on one another, and a previous label no path reaches
        // (most tokens allow O alone) is skipped for all of them in one test.
        std::array<double, L> top;
        top.fill(impossible);
        std::array<std::uint8_t, L> from{};
        for (std::size_t p = 0; p < L; ++p) {
            if (previous[p] == impossible) continue;
            for (std::size_t y = 0; y < L; ++y) {
                if (!valid[p][y]) continue;
                const double score = previous[p] + transitions[p * L + y];
                if (score > top[y]) {
                    top[y] = score;
                    from[y] = static_cast<std::uint8_t>(p);
                }
            }
        }
        for (std::size_t y = 0; y < L; ++y) {
            if (!allowed_at(allowed, i, y) || top[y] == impossible) continue;
            m_forward[i * L + y] = top[y] + emissions[i * L + y];
            m_back[i * L + y] = from[y];
        }
    }
    m_best = impossible;
    for (std::size_t y = 0; y < L; ++y)
        if (m_forward[(count - 1) * L + y] > m_best) {
            m_best = m_forward[(count - 1) * L + y];
            m_last = static_cast<std::uint8_t>(y);
        }
}

void ViterbiLattice::run_backward() {
    const std::size_t count = m_count;
    if (count == 0) return;
    const TransitionScores& transitions = *m_transitions;
    m_backward.assign(count * L, impossible);
    for (std::size_t y = 0; y < L; ++y) m_backward[(count - 1) * L + y] = 0.0;
    for (std::size_t i = count - 1; i-- > 0;) {
        const double* next = &m_backward[(i + 1) * L];
        const float* emission = &m_emissions[(i + 1) * L];
        // Every label at once, next labels in order, as in run().
        std::array<double, L> top;
        top.fill(impossible);
        for (std::size_t q = 0; q < L; ++q) {
            if (!allowed_at(m_allowed, i + 1, q) || next[q] == impossible) continue;
            for (std::size_t y = 0; y < L; ++y)
                if (valid[y][q]) top[y] = std::max(top[y], transitions[y * L + q] + emission[q] + next[q]);
        }
        for (std::size_t y = 0; y < L; ++y)
            if (allowed_at(m_allowed, i, y)) m_backward[i * L + y] = top[y];  // else no path passes here
    }
}

void ViterbiLattice::best_labels(std::vector<NerLabel>& labels) const {
    labels.assign(m_count, outside_label);
    std::size_t label = m_last;
    for (std::size_t i = m_count; i-- > 0;) {
        labels[i] = static_cast<NerLabel>(label);
        label = m_back[i * L + label];
    }
}

double ViterbiLattice::best_score_with(std::uint32_t begin, std::uint32_t end, std::optional<EntityType> type) const {
    if (begin >= end || end > m_count) return impossible;
    auto label_at = [&](std::uint32_t i) {
        if (!type) return outside_label;
        return i == begin ? begin_label(*type) : inside_label(*type);
    };
    const TransitionScores& transitions = *m_transitions;
    const NerLabel first = label_at(begin);
    double left = impossible;
    if (begin == 0) {
        if (valid[L][first]) left = transitions[L * L + first];
    } else {
        for (std::size_t p = 0; p < L; ++p) {
            const double previous = m_forward[(begin - 1) * L + p];
            if (previous != impossible && valid[p][first]) left = std::max(left, previous + transitions[p * L + first]);
        }
    }
    if (left == impossible) return impossible;
    double score = left;
    for (std::uint32_t i = begin; i < end; ++i) {
        const NerLabel label = label_at(i);
        if (!allowed_at(m_allowed, i, label)) return impossible;
        score += m_emissions[i * L + label];
        if (i > begin) score += transitions[label_at(i - 1) * L + label];
    }
    return score + m_backward[(end - 1) * L + label_at(end - 1)];
}

double viterbi_decode(const float* emissions, std::size_t count, const LabelMask* allowed,
                      const TransitionScores& transitions, std::vector<NerLabel>& labels) {
    ViterbiLattice lattice;
    lattice.run(emissions, count, allowed, transitions);
    lattice.best_labels(labels);
    return lattice.best_score();
}

}  // namespace newsdex
