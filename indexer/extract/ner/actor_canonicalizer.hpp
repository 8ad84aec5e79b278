#pragma once
/// Turns the names an article mentions into its actors, each under one canonical name and one
/// type, with the evidence for each decision: the gazetteer's entry for a name or alias; a
/// shorter form ("Yeutter", "Mr Lawson") joining the full name the article gives; a bare
/// surname joining a famous person only when the article supports it (the given name, or a
/// title before the surname); an acronym the article defines joining its long form.

#include "common/actor.hpp"
#include "common/gazetteer.hpp"
#include "indexer/extract/ner/name_mentions.hpp"

#include <string>
#include <vector>

namespace newsdex {

/// One actor with how it was found.
struct ExplainedActor {
    Actor actor;
    std::vector<std::size_t> mentions;  ///< indices into the mentions given, in text order
    std::vector<std::string> evidence;  ///< why it has this name and type, one reason a line
};

/// Resolves the mentions of one article (as find_name_mentions returns them). Only confident
/// person, org and place names become actors, and misc names that the gazetteer knows (a
/// demonym such as "German" gives its country). Returns the actors ordered by type (person,
/// org, place), then by first appearance. Pure and thread-safe.
[[nodiscard]] std::vector<ExplainedActor> canonicalize_names(const std::vector<NameMention>& mentions,
                                                             const Gazetteer& gazetteer);

}  // namespace newsdex
