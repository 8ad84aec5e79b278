#pragma once
/// Stage "extract facets", second half: turns the candidate mentions found by actor_extractor
/// into the article's actors, each under one canonical name.

#include "common/actor.hpp"
#include "common/gazetteer.hpp"
#include "indexer/extract/actor_extractor.hpp"

#include <vector>

namespace newsdex {

/// Resolves the mentions of one article (as find_actor_mentions returns them, in text order):
/// gazetteer names, aliases and demonyms become the entry's canonical name; a shorter person
/// mention becomes the full name given in the same article ("Lavrov" -> "Sergei Lavrov",
/// "Min Aung" -> "Min Aung Hlaing"), else the gazetteer person with that surname; an acronym
/// the article defines becomes its long form; the type of an unknown name is voted by its cues.
/// Drops names with no type, lone surnames with only weak cues, and ambiguous gazetteer names
/// with no support. Returns the actors ordered by type (person, org, place), then by first
/// appearance. Pure and thread-safe.
[[nodiscard]] std::vector<Actor> resolve_actor_mentions(const std::vector<ActorMention>& mentions,
                                                        const Gazetteer& gazetteer);

}  // namespace newsdex
