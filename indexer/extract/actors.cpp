#include "indexer/extract/actors.hpp"

#include "indexer/extract/places/place_resolver.hpp"

namespace newsdex {

ActorExplanation explain_actors(const Article& article, const EntityRecognizer& recognizer, const Gazetteer& gazetteer) {
    ActorExplanation explanation;
    explanation.mentions = find_name_mentions(article, recognizer, gazetteer);
    explanation.actors = canonicalize_names(explanation.mentions, gazetteer, recognizer.model().lone_name_thresholds());
    return explanation;
}

std::vector<Actor> extract_actors(const Article& article, const EntityRecognizer& recognizer, const Gazetteer& gazetteer) {
    std::vector<Actor> actors;
    for (auto& explained : explain_actors(article, recognizer, gazetteer).actors)
        if (explained.kept) actors.push_back(std::move(explained.actor));
    return actors;
}

std::vector<Actor> indexed_actors(const Article& article, const std::optional<ParsedDate>& date,
                                  const EntityRecognizer& recognizer, const Gazetteer& gazetteer, const Geography& geography) {
    return resolve_places(article, extract_actors(article, recognizer, gazetteer), date, geography, gazetteer);
}

}  // namespace newsdex
