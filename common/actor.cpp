#include "common/actor.hpp"

namespace newsdex {

std::string_view to_string(ActorType type) {
    switch (type) {
        case ActorType::person: return "person";
        case ActorType::org: return "org";
        case ActorType::place: return "place";
    }
    return "person";  // unreachable: every enumerator is handled above
}

std::optional<ActorType> actor_type_from_string(std::string_view text) {
    if (text == "person") return ActorType::person;
    if (text == "org") return ActorType::org;
    if (text == "place") return ActorType::place;
    return std::nullopt;
}

}  // namespace newsdex
