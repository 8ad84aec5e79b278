#pragma once
/// The names an article mentions, as the recogniser finds them: each with the words of the
/// name alone (titles and honorifics split off and kept as evidence), its label, its margin,
/// and an acronym the text defines for it ("International Crisis Group (ICG)").

#include "common/article.hpp"
#include "common/gazetteer.hpp"
#include "indexer/extract/ner/entity_recognizer.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace newsdex {

/// One name as the article writes it.
struct NameMention {
    std::string text;                ///< the name alone, e.g. "Nigel Lawson"
    std::string title;               ///< title or honorific before it, e.g. "Chancellor of the Exchequer"; may be empty
    std::vector<std::string> words;  ///< the folded words of `text` (Gazetteer::fold_key)
    EntityType type = EntityType::misc;  ///< its type: the recogniser's label, except that an honorific
                                         ///< makes a person ("Mr Frost" labelled org)
    EntityType label = EntityType::misc; ///< the recogniser's label
    float margin = 0.0F;             ///< the recogniser's margin
    bool confident = false;          ///< the margin passes the model's threshold
    bool title_case_headline = false; ///< from a headline in title case ("Rice Crop Seen Lower")
    bool common_words = false;       ///< every word of it is mostly written in lower case in running text
                                     ///< ("Bright Side of Life"), and none is a cue of a name
    bool after_in = false;           ///< "in", "near", "outside"… stands before it
    bool after_work_noun = false;    ///< a lower-case work noun stands right before it ("the film Vera
                                     ///< Drake", "the documentary Fahrenheit 9/11": cue class work_noun)
    bool cue = false;                ///< a cue word supports its type: a title or given name (person), an
                                     ///< organisation word or "the firm X" (org), a place word or "in X" (place)
    bool table_row = false;          ///< it is in a row of a table: a sentence of two numbers at least whose
                                     ///< every word is in a name ("Reading 4 1 1 2 5 10 4", "Barnsley 2 Stoke 0")
    std::string acronym;             ///< an acronym defined right after it in brackets, e.g. "ICG"
    std::uint32_t order = 0;         ///< position in the article (token count before it)
};

/// The names in an article (headline, then paragraphs), in text order, confident or not.
/// Thread-safe.
[[nodiscard]] std::vector<NameMention> find_name_mentions(const Article& article, const EntityRecognizer& recognizer,
                                                          const Gazetteer& gazetteer);

/// The tokens of an article as the recogniser reads them: the headline is line 0, paragraph k
/// is line k + 1. Tokens point into `article`, which must outlive the document.
[[nodiscard]] NerDocument tokenize_article(const Article& article);

}  // namespace newsdex
