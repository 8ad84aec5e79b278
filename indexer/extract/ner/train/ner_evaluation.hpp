#pragma once
/// Precision, recall and F1 of found names against gold names, per type.

#include "indexer/extract/ner/entity_label.hpp"

#include <array>
#include <cstddef>
#include <vector>

namespace newsdex {

/// Counts for one type.
struct MatchCounts {
    std::size_t correct = 0;    ///< found and right
    std::size_t found = 0;      ///< found
    std::size_t expected = 0;   ///< in the gold data

    /// correct / found (1 when nothing was found).
    [[nodiscard]] double precision() const { return found == 0 ? 1.0 : double(correct) / double(found); }
    /// correct / expected (1 when nothing was expected).
    [[nodiscard]] double recall() const { return expected == 0 ? 1.0 : double(correct) / double(expected); }
    /// The harmonic mean of precision and recall (0 when both are 0).
    [[nodiscard]] double f1() const {
        const double p = precision(), r = recall();
        return p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
    }
    /// Adds another count.
    MatchCounts& operator+=(const MatchCounts& other) {
        correct += other.correct;
        found += other.found;
        expected += other.expected;
        return *this;
    }
};

/// Counts by EntityType.
using TypeCounts = std::array<MatchCounts, entity_type_count>;

/// Adds the mention-level comparison of one sentence: a found name is correct when a gold name
/// has exactly its tokens and type (the CoNLL-2003 rule).
void count_mentions(const std::vector<EntitySpan>& gold, const std::vector<EntitySpan>& found, TypeCounts& counts);

/// The sum over person, org and place (and misc when `with_misc`).
[[nodiscard]] MatchCounts overall(const TypeCounts& counts, bool with_misc);

}  // namespace newsdex
