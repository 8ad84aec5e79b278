#include "indexer/extract/ner/entity_label.hpp"

#include <stdexcept>
#include <string>

namespace newsdex {

std::string_view conll_name(EntityType type) {
    switch (type) {
        case EntityType::person: return "PER";
        case EntityType::org: return "ORG";
        case EntityType::place: return "LOC";
        case EntityType::misc: return "MISC";
    }
    return "MISC";
}

std::vector<EntitySpan> entity_spans(const std::vector<NerLabel>& labels) {
    std::vector<EntitySpan> spans;
    for (std::uint32_t i = 0; i < labels.size(); ++i) {
        const auto type = label_type(labels[i]);
        if (!type) continue;
        const bool continues = !is_begin(labels[i]) && !spans.empty() && spans.back().end == i && spans.back().type == *type;
        if (continues) spans.back().end = i + 1;
        else spans.push_back({i, i + 1, *type});
    }
    return spans;
}

std::optional<EntityType> type_of_conll_tag(std::string_view tag) {
    if (tag == "O") return std::nullopt;
    if (tag.size() > 2 && (tag[0] == 'I' || tag[0] == 'B') && tag[1] == '-') {
        const std::string_view name = tag.substr(2);
        for (EntityType type : {EntityType::person, EntityType::org, EntityType::place, EntityType::misc})
            if (name == conll_name(type)) return type;
    }
    throw std::invalid_argument("unknown entity tag \"" + std::string(tag) + "\"");
}

}  // namespace newsdex
