// The canonicalisation's document-level decisions, on mentions written by hand (so that they do
// not depend on the trained model): indexer/extract/actor_canonicalizer.
#include "indexer/extract/actor_canonicalizer.hpp"

#include "tests/support/extraction.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using newsdex::EntityType;
using newsdex::NameMention;

namespace {

NameMention mention(const std::string& text, EntityType type, float margin, std::uint32_t order) {
    NameMention m;
    m.text = text;
    m.words = newsdex::Gazetteer::fold_words(text);
    m.type = type;
    m.label = type;
    m.margin = margin;
    m.confident = true;
    m.order = order;
    return m;
}

// The names kept as actors.
std::vector<std::string> kept(const std::vector<NameMention>& mentions) {
    std::vector<std::string> names;
    for (const auto& actor : newsdex::canonicalize_names(mentions, newsdex::test::builtin_gazetteer(), {}))
        if (actor.kept) names.push_back(actor.actor.name);
    return names;
}

}  // namespace

TEST_CASE("ner-bbc: a name a work noun stands before is a title throughout the article", "[actors][ner_bbc]") {
    // "the drama Vera Drake won ... Vera Drake has": the recogniser, trained on Reuters, reads a
    // film's title as a person; the work noun before one mention decides for the article.
    std::vector<NameMention> mentions{mention("Vera Drake", EntityType::person, 94.0F, 3),
                                      mention("Imelda Staunton", EntityType::person, 149.0F, 10),
                                      mention("Vera Drake", EntityType::person, 60.0F, 30)};
    CHECK(kept(mentions) == std::vector<std::string>{"Vera Drake", "Imelda Staunton"});
    mentions[0].after_work_noun = true;
    CHECK(kept(mentions) == std::vector<std::string>{"Imelda Staunton"});

    // Even when the mention after the work noun is labelled misc, or unsure, or "The" opens it.
    std::vector<NameMention> show{mention("The Brains Trust", EntityType::misc, 2.0F, 1),
                                  mention("Brains Trust", EntityType::org, 78.0F, 20)};
    show[0].confident = false;
    show[0].after_work_noun = true;
    CHECK(kept(show).empty());

    // A name the gazetteer knows keeps its entry, work noun or not.
    std::vector<NameMention> known{mention("BBC", EntityType::org, 50.0F, 1)};
    known[0].after_work_noun = true;
    CHECK(kept(known) == std::vector<std::string>{"BBC"});
}

TEST_CASE("ner-bbc: a name labelled misc with more summed margin in the article is no actor", "[actors][ner_bbc]") {
    // "Halo" read as an organisation once and as a work (misc) twice, more surely.
    std::vector<NameMention> mentions{mention("Halo", EntityType::org, 20.0F, 1), mention("Halo", EntityType::misc, 25.0F, 8),
                                      mention("Halo", EntityType::misc, 15.0F, 17)};
    CHECK(kept(mentions).empty());
    // The organisation reading outweighs the misc one: it stays.
    mentions[0].margin = 60.0F;
    CHECK(kept(mentions) == std::vector<std::string>{"Halo"});
    // Unsure misc labels are no evidence.
    mentions[0].margin = 20.0F;
    mentions[1].confident = mentions[2].confident = false;
    CHECK(kept(mentions) == std::vector<std::string>{"Halo"});
}
