#include "indexer/extract/places/dateline_place.hpp"

#include <catch2/catch.hpp>

#include <string>

using newsdex::Article;
using newsdex::find_dateline_place;

namespace {

// "PLACE|QUALIFIER" of the dateline of an article whose first paragraph is `text`; "none" without one.
std::string dateline_of(const std::string& text) {
    Article article;
    article.title = "A headline";
    article.paragraphs = {text, "A second paragraph."};
    const auto found = find_dateline_place(article);
    return found ? found->place + "|" + found->qualifier : std::string("none");
}

}  // namespace

TEST_CASE("dateline places are read from wire datelines in their usual forms", "[dateline]") {
    struct Row {
        const char* text;
        const char* expected;
    };
    const Row rows[] = {
        {"HOUSTON, March 2 - Oil prices rose.", "HOUSTON|"},
        {"PORTLAND, Ore., March 3 - The mill closed.", "PORTLAND|Ore."},
        {"ROCHESTER, N.Y., March 3 - Kodak said.", "ROCHESTER|N.Y."},
        {"PORTLAND, Maine (AP) \xE2\x80\x94 Fishermen said.", "PORTLAND|Maine"},
        {"PARIS, Texas, June 1 - A storm hit.", "PARIS|Texas"},
        {"BONN (Reuters) - The Bundesbank said.", "BONN|"},
        {"TOKYO -- Shares fell.", "TOKYO|"},
        {"WASHINGTON, March 4, 2025 (Reuters) - The Senate voted.", "WASHINGTON|"},
        {"AUGUST 11TH, BRUSSELS (IPS) \xE2\x80\x93 Ministers met.", "BRUSSELS|"},
        {"NAYPYITAW, Myanmar, Aug 3 - The junta said.", "NAYPYITAW|Myanmar"},
        {"ST. LOUIS, March 5 - Grain traders said.", "ST. LOUIS|"},
        {"SAO PAULO, March 5 - Coffee rose.", "SAO PAULO|"},
        {"Portland, Ore., March 3 - The mill closed.", "Portland|Ore."},
        {"ROCHESTER, N.Y. _ Kodak said.", "ROCHESTER|N.Y."},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        CHECK(dateline_of(row.text) == row.expected);
    }
}

TEST_CASE("sentences and headings with a dash are not datelines", "[dateline]") {
    for (const char* text : {
             "Mr Smith - the minister - said no.",
             "Prices rose - and fell again.",
             "The Prime Minister - who was in Paris, Texas - spoke.",
             "Portland - the city of roses - was quiet.",
             "One, two, three, four - five.",
             "Oil prices rose sharply in Houston on Monday, traders said, as the dollar fell.",
         }) {
        CAPTURE(text);
        CHECK(dateline_of(text) == "none");
    }
}

TEST_CASE("a dateline is looked for in the first two paragraphs only", "[dateline]") {
    Article article;
    article.paragraphs = {"By Jane Doe", "TOKYO, March 3 - Shares fell."};
    REQUIRE(find_dateline_place(article));
    CHECK(find_dateline_place(article)->place == "TOKYO");
    CHECK(find_dateline_place(article)->dateline == "TOKYO, March 3");
    article.paragraphs = {"By Jane Doe", "Staff writer", "TOKYO, March 3 - Shares fell."};
    CHECK_FALSE(find_dateline_place(article));
}
