#pragma once
/// Turns the names an article mentions into its actors, each under one canonical name and one
/// type, with the evidence for each decision: the gazetteer's entry for a name or alias; a
/// shorter form ("Yeutter", "Mr Lawson") joining the full name the article gives; a bare
/// surname joining a famous person only when the article supports it (the given name, or a
/// title before the surname); an acronym the article defines joining its long form.

#include "common/actor.hpp"
#include "common/gazetteer.hpp"
#include "indexer/extract/name_mentions.hpp"

#include <array>
#include <string>
#include <vector>

namespace newsdex {

/// One actor with how it was found.
struct ExplainedActor {
    Actor actor;
    std::vector<std::size_t> mentions;  ///< indices into the mentions given, in text order
    std::vector<std::string> evidence;  ///< why it has this name and type, one reason a line
    bool kept = true;                   ///< false for a name left out; `evidence` says why
    bool lone = false;                  ///< unknown to the gazetteer, mentioned once, without a cue word
    float margin = 0.0F;                ///< the largest margin of its mentions
};

/// How sure the recogniser must be of a lone name (see ExplainedActor::lone), by EntityType.
using LoneNameThresholds = std::array<float, entity_type_count>;

/// Resolves the mentions of one article (as find_name_mentions returns them). Only confident
/// person, org and place names become actors, and misc names that the gazetteer knows as one
/// ("London-based" gives London; a nationality such as "German" is not Germany). A name the gazetteer does not know is
/// left out when it is made only of common words ("Bright Side of Life", "Anger"), when a work noun
/// stands before it anywhere in the article ("the drama Vera Drake": a title, whatever its label),
/// when its mentions labelled misc outweigh (summed margins) its mentions of its own type, and when it
/// is a lone name whose margin is below its type's threshold. Returns the actors ordered
/// by type (person, org, place), then by first appearance, the ones left out among them with
/// `kept` false. Pure and thread-safe.
[[nodiscard]] std::vector<ExplainedActor> canonicalize_names(const std::vector<NameMention>& mentions,
                                                             const Gazetteer& gazetteer,
                                                             const LoneNameThresholds& thresholds);

}  // namespace newsdex
