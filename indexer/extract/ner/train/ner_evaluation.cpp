#include "indexer/extract/ner/train/ner_evaluation.hpp"

#include <algorithm>

namespace newsdex {

void count_mentions(const std::vector<EntitySpan>& gold, const std::vector<EntitySpan>& found, TypeCounts& counts) {
    for (const EntitySpan& span : gold) ++counts[static_cast<std::size_t>(span.type)].expected;
    for (const EntitySpan& span : found) {
        MatchCounts& c = counts[static_cast<std::size_t>(span.type)];
        ++c.found;
        if (std::find(gold.begin(), gold.end(), span) != gold.end()) ++c.correct;
    }
}

MatchCounts overall(const TypeCounts& counts, bool with_misc) {
    MatchCounts sum;
    for (std::size_t t = 0; t < entity_type_count; ++t)
        if (with_misc || t != static_cast<std::size_t>(EntityType::misc)) sum += counts[t];
    return sum;
}

}  // namespace newsdex
