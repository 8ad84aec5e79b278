#pragma once
/// The public entry point of actor extraction: the recogniser finds the names, the
/// canonicalisation gives each actor one name and one type.

#include "common/actor.hpp"
#include "common/article.hpp"
#include "common/date_parser.hpp"
#include "common/gazetteer.hpp"
#include "common/geography.hpp"
#include "indexer/extract/actor_canonicalizer.hpp"
#include "indexer/extract/name_mentions.hpp"
#include "indexer/extract/ner/entity_recognizer.hpp"

#include <optional>
#include <vector>

namespace newsdex {

/// The actors of an article (people, organisations, places), each once under its canonical
/// name, ordered by type (person, org, place) then by first appearance. Thread-safe, pure and
/// deterministic; the recogniser and the gazetteer are only read.
[[nodiscard]] std::vector<Actor> extract_actors(const Article& article, const EntityRecognizer& recognizer,
                                                const Gazetteer& gazetteer);

/// The actors news-index stores for an article: extract_actors(), then the places as geography
/// (resolve_places() with the article's `date`), so that the dateline's place, the countries
/// named inside organisation names and the countries written only by nationality (`country_only`)
/// are among them. Thread-safe and pure like extract_actors().
[[nodiscard]] std::vector<Actor> indexed_actors(const Article& article, const std::optional<ParsedDate>& date,
                                                const EntityRecognizer& recognizer, const Gazetteer& gazetteer,
                                                const Geography& geography);

/// Everything extraction decided about an article, for `news-index --explain`.
struct ActorExplanation {
    std::vector<NameMention> mentions;   ///< every name the recogniser found, sure or not, in text order
    std::vector<ExplainedActor> actors;  ///< the actors and the names left out, with their evidence
};

/// extract_actors() with its reasons. The kept actors of the result are extract_actors()'s.
[[nodiscard]] ActorExplanation explain_actors(const Article& article, const EntityRecognizer& recognizer,
                                              const Gazetteer& gazetteer);

}  // namespace newsdex
