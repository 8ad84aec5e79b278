#pragma once
/// How `news-index --explain` shows an article's actors: each actor with the names that made it
/// (as written, the recogniser's label and margin, a title before it) and the reasons for its
/// canonical name and type; then the names left out and why, and the names the recogniser was
/// unsure of.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/actor.hpp"
#include "indexer/extract/actors.hpp"

namespace newsdex {

/// The actors as text, one block an actor. `actors` are the article's final actors (what the
/// index holds); `explanation` says how extraction found them.
[[nodiscard]] std::string actor_report_text(const std::vector<Actor>& actors, const ActorExplanation& explanation);

/// The same as JSON: {"person": [...], "org": [...], "place": [...]} with, for each actor,
/// "name", "mentions" (the distinct names as written), "found" ([{text, label, margin, title}])
/// and "evidence" ([reason, …]); plus "left_out" ([{name, type, evidence}]) and "unsure"
/// ([{text, label, margin}]).
[[nodiscard]] nlohmann::json actor_report_json(const std::vector<Actor>& actors, const ActorExplanation& explanation);

}  // namespace newsdex
