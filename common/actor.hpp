#pragma once
/// The actors of an article: people, organisations and places, each under one canonical name.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

/// What kind of actor a name denotes.
enum class ActorType { person, org, place };

/// The lower-case name of a type: "person", "org" or "place".
std::string_view to_string(ActorType type);

/// Parses "person", "org" or "place" (exactly, lower case); returns nullopt for anything else.
std::optional<ActorType> actor_type_from_string(std::string_view text);

/// One actor of one article.
struct Actor {
    std::string name;                   ///< canonical name, e.g. "Min Aung Hlaing"
    ActorType type = ActorType::person;
    std::vector<std::string> mentions;  ///< distinct surface forms that resolved to it, in order of first appearance
};

}  // namespace newsdex
