#pragma once
/// The actors of an article: people, organisations and places, each under one canonical name.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
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
    /// An empty person.
    Actor() = default;
    /// An actor with its name, type and mentions (the place fields empty). A constructor rather
    /// than aggregate initialisation, so that `Actor{name, type, mentions}` stays complete when
    /// fields are added.
    Actor(std::string name_, ActorType type_, std::vector<std::string> mentions_)
        : name(std::move(name_)), type(type_), mentions(std::move(mentions_)) {}

    std::string name;                   ///< canonical name, e.g. "Min Aung Hlaing"
    ActorType type = ActorType::person;
    std::vector<std::string> mentions;  ///< distinct surface forms that resolved to it, in order of first appearance
    // Places only, filled by the place resolver (indexer/extract/places); empty when unknown.
    std::string region;   ///< the first-level region it is or lies in, e.g. "Oregon"
    std::string country;  ///< its country, or the former state it was part of on the article's date
    std::string rollup;   ///< why it has that region and country, e.g. "dateline \"PORTLAND, Ore.\""
    /// A country the article writes only by its nationality or inside another name ("Soviet
    /// officials", "Athletics Kenya"): it counts for the country facet and country:, but is no
    /// place the article names, so it is not a place actor (the place facet, place:, actor:).
    bool country_only = false;
};

}  // namespace newsdex
