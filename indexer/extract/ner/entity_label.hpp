#pragma once
/// The labels of the named-entity recogniser: four entity types in the BIO scheme (B = first
/// word of a name, I = a later word, O = no name), as the decoder and the model file number them.

#include "common/actor.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace newsdex {

/// The kinds of name the recogniser finds; `misc` (nationalities, events, works) is learned
/// because it sharpens the other three, and is not an actor.
enum class EntityType : std::uint8_t { person, org, place, misc };

/// The actor type of an entity type; nullopt for misc, which is not an actor.
[[nodiscard]] constexpr std::optional<ActorType> actor_type_of(EntityType type) {
    switch (type) {
        case EntityType::person: return ActorType::person;
        case EntityType::org: return ActorType::org;
        case EntityType::place: return ActorType::place;
        case EntityType::misc: return std::nullopt;
    }
    return std::nullopt;
}

/// The entity type of an actor type.
[[nodiscard]] constexpr EntityType entity_type_of(ActorType type) {
    switch (type) {
        case ActorType::person: return EntityType::person;
        case ActorType::org: return EntityType::org;
        case ActorType::place: return EntityType::place;
    }
    return EntityType::misc;
}

/// The number of entity types.
inline constexpr std::size_t entity_type_count = 4;

/// One BIO label: 0 is O, then B and I of each type in EntityType order (1 = B-person,
/// 2 = I-person, 3 = B-org, …). Stored in model files: never renumber.
using NerLabel = std::uint8_t;

/// The number of labels (O plus B and I of each type).
inline constexpr std::size_t ner_label_count = 1 + 2 * entity_type_count;

/// The label O (outside any name).
inline constexpr NerLabel outside_label = 0;

/// The B label of `type`.
[[nodiscard]] constexpr NerLabel begin_label(EntityType type) { return static_cast<NerLabel>(1 + 2 * static_cast<int>(type)); }

/// The I label of `type`.
[[nodiscard]] constexpr NerLabel inside_label(EntityType type) { return static_cast<NerLabel>(2 + 2 * static_cast<int>(type)); }

/// The type of a B or I label; nullopt for O.
[[nodiscard]] constexpr std::optional<EntityType> label_type(NerLabel label) {
    if (label == outside_label) return std::nullopt;
    return static_cast<EntityType>((label - 1) / 2);
}

/// True for a B label.
[[nodiscard]] constexpr bool is_begin(NerLabel label) { return label != outside_label && label % 2 == 1; }

/// Whether `label` may follow `previous` (an I label only continues a name of its own type);
/// `previous` is nullopt at the start of a sentence.
[[nodiscard]] constexpr bool may_follow(std::optional<NerLabel> previous, NerLabel label) {
    if (label == outside_label || is_begin(label)) return true;
    return previous && *previous != outside_label && label_type(*previous) == label_type(label);
}

/// One name in a labelled sentence: tokens [begin, end) of one type.
struct EntitySpan {
    std::uint32_t begin = 0;             ///< first token
    std::uint32_t end = 0;               ///< one past the last token
    EntityType type = EntityType::misc;  ///< its type

    /// Spans are equal when their tokens and type are.
    friend bool operator==(const EntitySpan&, const EntitySpan&) = default;
};

/// The names in a sentence's labels, in order. An I label without a B before it opens a name.
[[nodiscard]] std::vector<EntitySpan> entity_spans(const std::vector<NerLabel>& labels);

/// "PER", "ORG", "LOC" or "MISC", the CoNLL-2003 names of the types.
[[nodiscard]] std::string_view conll_name(EntityType type);

/// Parses a CoNLL-2003 tag ("O", "I-PER", "B-LOC", …) into its type, or nullopt for O;
/// throws std::invalid_argument for any other text.
[[nodiscard]] std::optional<EntityType> type_of_conll_tag(std::string_view tag);

}  // namespace newsdex
