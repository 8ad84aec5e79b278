#pragma once
/// Stage "extract facets", first half: finds the candidate actor mentions of an article
/// (gazetteer names, demonyms, capitalised names typed by cue words). actor_resolver turns them
/// into canonical actors.

#include "common/actor.hpp"
#include "common/article.hpp"
#include "common/gazetteer.hpp"
#include "indexer/extract/actor_word_lists.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace newsdex {

/// How firmly the context of a mention suggests its type.
enum class CueStrength : std::uint8_t {
    none,   ///< nothing in the context: the name needs support from elsewhere in the article
    weak,   ///< e.g. "X said", "in X", "the firm X"
    strong  ///< e.g. a title or honorific ("Mr X", "President X"), a given name, an org suffix
};

/// One candidate mention of an actor, before resolution.
struct ActorMention {
    std::string surface;              ///< as written, with any title, without a possessive ending
    std::string name;                 ///< the name alone: titles, honorifics and possessive removed
    std::vector<std::string> words;   ///< the folded words of `name` (Gazetteer::fold_key)
    const GazetteerEntry* entry = nullptr;  ///< set when the gazetteer knows `name`
    bool via_demonym = false;         ///< `name` is a demonym of `entry` ("Burmese")
    std::optional<ActorType> type;    ///< the type the context or the name's shape suggests
    CueStrength cue = CueStrength::none;  ///< how firmly `type` is suggested
    bool sentence_initial = false;    ///< a lone word opening a sentence
    bool uncertain_case = false;      ///< from a title-case or all-capital line: only a name found elsewhere
    std::string defines_acronym;      ///< for "International Crisis Group (ICG)": "ICG"
    bool names_work = false;          ///< the context makes it a work's title ("the film Vera Drake")
    std::size_t order = 0;            ///< position in the article (token index), for ordering
};

/// Finds the candidate actor mentions in an article's title and paragraphs, in text order.
/// Thread-safe and pure; `gazetteer` and `word_lists` are only read.
[[nodiscard]] std::vector<ActorMention> find_actor_mentions(const Article& article, const Gazetteer& gazetteer,
                                                            const ActorWordLists& word_lists);

}  // namespace newsdex
