#include "indexer/extract/ner/viterbi.hpp"

#include <limits>

namespace newsdex {
namespace {

constexpr std::size_t L = ner_label_count;
constexpr double impossible = -std::numeric_limits<double>::infinity();

bool allowed_at(const LabelMask* allowed, std::size_t i, std::size_t y) { return ((allowed[i] >> y) & 1u) != 0; }

}  // namespace

ViterbiLattice::ViterbiLattice(const float* emissions, std::size_t count, const LabelMask* allowed,
                               const TransitionScores& transitions)
    : m_emissions(emissions), m_count(count), m_allowed(allowed), m_transitions(transitions) {
    if (count == 0) return;
    m_forward.assign(count * L, impossible);
    m_back.assign(count * L, 0);
    for (std::size_t y = 0; y < L; ++y)
        if (allowed_at(allowed, 0, y) && may_follow(std::nullopt, static_cast<NerLabel>(y)))
            m_forward[y] = transitions[L * L + y] + emissions[y];
    for (std::size_t i = 1; i < count; ++i) {
        for (std::size_t y = 0; y < L; ++y) {
            if (!allowed_at(allowed, i, y)) continue;
            double top = impossible;
            std::uint8_t from = 0;
            for (std::size_t p = 0; p < L; ++p) {
                const double previous = m_forward[(i - 1) * L + p];
                if (previous == impossible || !may_follow(static_cast<NerLabel>(p), static_cast<NerLabel>(y))) continue;
                const double score = previous + transitions[p * L + y];
                if (score > top) {
                    top = score;
                    from = static_cast<std::uint8_t>(p);
                }
            }
            if (top == impossible) continue;
            m_forward[i * L + y] = top + emissions[i * L + y];
            m_back[i * L + y] = from;
        }
    }
    m_best = impossible;
    for (std::size_t y = 0; y < L; ++y)
        if (m_forward[(count - 1) * L + y] > m_best) {
            m_best = m_forward[(count - 1) * L + y];
            m_last = static_cast<std::uint8_t>(y);
        }
    m_backward.assign(count * L, impossible);
    for (std::size_t y = 0; y < L; ++y) m_backward[(count - 1) * L + y] = 0.0;
    for (std::size_t i = count - 1; i-- > 0;) {
        for (std::size_t y = 0; y < L; ++y) {
            double top = impossible;
            for (std::size_t q = 0; q < L; ++q) {
                const double next = m_backward[(i + 1) * L + q];
                if (next == impossible || !allowed_at(allowed, i + 1, q) ||
                    !may_follow(static_cast<NerLabel>(y), static_cast<NerLabel>(q)))
                    continue;
                top = std::max(top, transitions[y * L + q] + emissions[(i + 1) * L + q] + next);
            }
            m_backward[i * L + y] = top;
        }
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
    const NerLabel first = label_at(begin);
    double left = impossible;
    if (begin == 0) {
        if (may_follow(std::nullopt, first)) left = m_transitions[L * L + first];
    } else {
        for (std::size_t p = 0; p < L; ++p) {
            const double previous = m_forward[(begin - 1) * L + p];
            if (previous != impossible && may_follow(static_cast<NerLabel>(p), first))
                left = std::max(left, previous + m_transitions[p * L + first]);
        }
    }
    if (left == impossible) return impossible;
    double score = left;
    for (std::uint32_t i = begin; i < end; ++i) {
        const NerLabel label = label_at(i);
        if (!allowed_at(m_allowed, i, label)) return impossible;
        score += m_emissions[i * L + label];
        if (i > begin) score += m_transitions[label_at(i - 1) * L + label];
    }
    return score + m_backward[(end - 1) * L + label_at(end - 1)];
}

double viterbi_decode(const float* emissions, std::size_t count, const LabelMask* allowed,
                      const TransitionScores& transitions, std::vector<NerLabel>& labels) {
    const ViterbiLattice lattice(emissions, count, allowed, transitions);
    lattice.best_labels(labels);
    return lattice.best_score();
}

}  // namespace newsdex
