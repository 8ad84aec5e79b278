#pragma once
/// The public entry point of actor extraction: find the mentions, then resolve them.

#include "common/actor.hpp"
#include "common/article.hpp"
#include "common/gazetteer.hpp"
#include "indexer/extract/actor_extractor.hpp"
#include "indexer/extract/actor_resolver.hpp"

#include <vector>

namespace newsdex {

/// The actors of an article (people, organisations, places), each once under its canonical
/// name, ordered by type (person, org, place) then by first appearance. Thread-safe, pure and
/// deterministic.
[[nodiscard]] inline std::vector<Actor> extract_actors(const Article& article, const Gazetteer& gazetteer,
                                                       const ActorWordLists& word_lists) {
    return resolve_actor_mentions(find_actor_mentions(article, gazetteer, word_lists), gazetteer);
}

}  // namespace newsdex
