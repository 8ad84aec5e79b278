#include "indexer/extract/actor_extractor.hpp"

#include "tests/support/extraction.hpp"
#include "tests/support/paths.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

using newsdex::ActorMention;
using newsdex::ActorType;
using newsdex::Article;
using newsdex::CueStrength;
using newsdex::Gazetteer;

namespace {

const Gazetteer& fixture() {
    static const Gazetteer gazetteer = [] {
        Gazetteer g;
        g.load_file(newsdex::test::test_data() / "gazetteer_fixture.json");
        return g;
    }();
    return gazetteer;
}

Article article(std::string title, std::vector<std::string> paragraphs = {}) {
    Article a;
    a.title = std::move(title);
    a.paragraphs = std::move(paragraphs);
    return a;
}

std::vector<ActorMention> mentions_in(const std::string& paragraph) {
    return newsdex::find_actor_mentions(article("", {paragraph}), fixture(), newsdex::test::builtin_word_lists());
}

const ActorMention* find_name(const std::vector<ActorMention>& mentions, const std::string& name) {
    auto it = std::find_if(mentions.begin(), mentions.end(), [&](const ActorMention& m) { return m.name == name; });
    return it == mentions.end() ? nullptr : &*it;
}

// The canonical entry names of the gazetteer mentions.
std::vector<std::string> entries(const std::vector<ActorMention>& mentions) {
    std::vector<std::string> out;
    for (const auto& m : mentions)
        if (m.entry != nullptr) out.push_back(m.entry->name);
    return out;
}

std::vector<std::string> names(const std::vector<ActorMention>& mentions) {
    std::vector<std::string> out;
    for (const auto& m : mentions) out.push_back(m.name);
    return out;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

TEST_CASE("possessives are stripped before gazetteer lookup", "[actor_extractor]") {
    const auto mentions = mentions_in("Myanmar\u2019s junta and Myanmar's army thanked the Russians' envoy.");
    REQUIRE(mentions.size() == 3);
    CHECK(mentions[0].name == "Myanmar");
    CHECK(mentions[0].entry->name == "Myanmar");
    CHECK(mentions[1].name == "Myanmar");
    CHECK(mentions[2].entry->name == "Russia");
    CHECK(mentions[2].via_demonym);
}

TEST_CASE("demonyms count as their country only where they describe it", "[actor_extractor]") {
    struct Row {
        const char* text;
        std::vector<std::string> expected_entries;
    };
    const std::vector<Row> rows = {
        {"The Russian embassy moved to the capital.", {"Russia"}},
        {"Burmese generals met their hosts.", {"Myanmar"}},
        {"The Russians said nothing.", {"Russia"}},
        {"He thanked the Russian Federation warmly.", {"Russia"}},
        {"Russian Foreign Minister Sergei Lavrov arrived.", {"Russia"}},
        // Part of a longer name: the alias itself, or an organisation named after the country.
        {"He flew British Airways to the coast.", {"British Airways"}},
        {"He spoke to the British Chambers of Commerce yesterday.", {}},
        // A currency is not the country.
        {"Myanmar will pay in Russian rubles.", {"Myanmar"}},
    };
    for (const auto& row : rows) {
        INFO(row.text);
        CHECK(entries(mentions_in(row.text)) == row.expected_entries);
    }
    const auto demonym = mentions_in("The Russian embassy moved.");
    REQUIRE(demonym.size() == 1);
    CHECK(demonym[0].via_demonym);
    const auto alias = mentions_in("He thanked the Russian Federation.");
    REQUIRE(alias.size() == 1);
    CHECK_FALSE(alias[0].via_demonym);
}

TEST_CASE("names no gazetteer knows are typed by the cues around them", "[actor_extractor]") {
    struct Row {
        const char* text;
        const char* name;
        ActorType type;
    };
    const Row rows[] = {
        {"Mr Smith said the plan would work.", "Smith", ActorType::person},
        {"England coach Andy Robinson was pleased.", "Andy Robinson", ActorType::person},
        {"\u201cWe are ready,\u201d said Wunna Maung Lwin.", "Wunna Maung Lwin", ActorType::person},
        {"The talks, said Kofi Annan, were useful.", "Kofi Annan", ActorType::person},
        {"Sebastian Strangio wrote the analysis.", "Sebastian Strangio", ActorType::person},
        {"Patricia Hewitt, the trade secretary, spoke.", "Patricia Hewitt", ActorType::person},
        {"The deal was signed by the Ministry of Defence on Monday.", "Ministry of Defence", ActorType::org},
        {"It was a briefing by the International Crisis Group last week.", "International Crisis Group",
         ActorType::org},
        {"Lunch was served by the Htoo Group of Companies for the guests.", "Htoo Group of Companies",
         ActorType::org},
        {"He moved to the Department of Trade and Industry in May.", "Department of Trade and Industry",
         ActorType::org},
        {"Analysts expect Global Widget Corp to grow.", "Global Widget Corp", ActorType::org},
        {"The state energy agency Rosatom signed it.", "Rosatom", ActorType::org},
        {"Marks & Spencer reported sales.", "Marks & Spencer", ActorType::org},
        {"The agreement was signed in Mandalay last year.", "Mandalay", ActorType::place},
        {"Talks were held in Vladivostok, Russia.", "Vladivostok", ActorType::place},
        {"They walked along Downing Street at noon.", "Downing Street", ActorType::place},
    };
    for (const auto& row : rows) {
        INFO(row.text);
        const auto mentions = mentions_in(row.text);
        const ActorMention* m = find_name(mentions, row.name);
        REQUIRE(m != nullptr);
        CHECK(m->entry == nullptr);
        REQUIRE(m->type);
        CHECK(*m->type == row.type);
        CHECK(m->cue != CueStrength::none);
    }
}

TEST_CASE("titles before a name are a cue and not part of the name", "[actor_extractor]") {
    struct Row {
        const char* text;
        const char* name;
        const char* surface;
    };
    const Row rows[] = {
        {"He met General-in-Chief Soe Win there.", "Soe Win", "General-in-Chief Soe Win"},
        {"Senior Gen. Than Shwe arrived.", "Than Shwe", "Senior Gen. Than Shwe"},
        {"They detained Daw Aung San Suu Kyi again.", "Aung San Suu Kyi", "Daw Aung San Suu Kyi"},
        {"The hotel is owned by U Teza, a tycoon.", "Teza", "U Teza"},
        {"Defence Minister Sergei Shoigu visited.", "Sergei Shoigu", "Defence Minister Sergei Shoigu"},
        {"It was Home Secretary Charles Clarke who spoke.", "Charles Clarke", "Home Secretary Charles Clarke"},
        {"ASEAN Special Envoy Prak Sokhonn was hopeful.", "Prak Sokhonn", "Special Envoy Prak Sokhonn"},
    };
    for (const auto& row : rows) {
        INFO(row.text);
        const auto mentions = mentions_in(row.text);
        const ActorMention* m = find_name(mentions, row.name);
        REQUIRE(m != nullptr);
        CHECK(m->surface == row.surface);
        CHECK(m->type == ActorType::person);
        CHECK(m->cue == CueStrength::strong);
    }
    // A title with no name after it names a role, not a person; the country before it counts.
    const auto role = mentions_in("The Myanmar Foreign Minister was absent.");
    CHECK(names(role) == std::vector<std::string>{"Myanmar"});
}

TEST_CASE("ordinary capitalised words, months and days are not actors", "[actor_extractor]") {
    const auto mentions = mentions_in(
        "According to the report, prices rose. Since 2013, nothing changed. In January the minister "
        "resigned. However, Monday was quiet. The Prime Minister said so. But Mr was all he wrote.");
    CHECK(names(mentions).empty());
}

TEST_CASE("a lone capitalised word opening a sentence needs a mid-sentence sighting", "[actor_extractor]") {
    CHECK(mentions_in("Sukhoi builds jets. Engineers love them.").empty());
    const auto seen = mentions_in("Sukhoi builds jets. The firm Sukhoi is old.");
    REQUIRE(seen.size() == 2);
    CHECK(seen[0].sentence_initial);
    CHECK_FALSE(seen[1].sentence_initial);
    CHECK(seen[1].type == ActorType::org);
}

TEST_CASE("ordinary words opening a sentence are stripped from a name", "[actor_extractor]") {
    CHECK(contains(names(mentions_in("But Sergei Lavrov arrived.")), "Sergei Lavrov"));
    CHECK(contains(names(mentions_in("Writes Ahmed Adel from Cairo.")), "Ahmed Adel"));
    CHECK(contains(names(mentions_in("In June Tony Blair resigned.")), "Tony Blair"));
    CHECK(contains(names(mentions_in("Jan Servaes taught in Belgium.")), "Jan Servaes"));
    CHECK(contains(names(mentions_in("Former Boyzone singer Ronan Keating sang.")), "Ronan Keating"));
}

TEST_CASE("headlines in title case or capitals yield only known names", "[actor_extractor]") {
    const auto title_case = newsdex::find_actor_mentions(article("Junta Chief Meets Putin In Russia"), fixture(), newsdex::test::builtin_word_lists());
    CHECK(entries(title_case) == std::vector<std::string>{"Russia"});
    // Other capitalised words are offered only as possible references to names given elsewhere.
    const ActorMention* putin = find_name(title_case, "Putin");
    REQUIRE(putin != nullptr);
    CHECK(putin->uncertain_case);
    for (const auto& m : title_case) {
        CHECK(m.name != "Junta Chief");
        CHECK((m.entry != nullptr || m.uncertain_case));
    }

    const auto shouting = newsdex::find_actor_mentions(article("WHO WARNS US OVER VIRUS IN CHINA"), fixture(), newsdex::test::builtin_word_lists());
    CHECK(entries(shouting) == std::vector<std::string>{"China"});
}

TEST_CASE("short acronyms match only in capitals", "[actor_extractor]") {
    CHECK(mentions_in("Tell us who did it and who paid.").empty());
    CHECK(entries(mentions_in("The WHO said the US agreed.")) ==
          std::vector<std::string>{"World Health Organization", "United States"});
}

TEST_CASE("longest gazetteer names win, across connectors and hyphens", "[actor_extractor]") {
    CHECK(entries(mentions_in("Trinidad and Tobago beat C\u00f4te d\u2019Ivoire easily.")) ==
          std::vector<std::string>{"Trinidad and Tobago", "C\u00f4te d'Ivoire"});
    CHECK(entries(mentions_in("The Russia-Myanmar partnership relies on Russian-made jets.")) ==
          std::vector<std::string>{"Russia", "Myanmar", "Russia"});
    CHECK(entries(mentions_in("They met in Nay Pyi Taw and then in Naypyitaw.")) ==
          std::vector<std::string>{"Naypyidaw", "Naypyidaw"});
}

TEST_CASE("a long form followed by an acronym in brackets defines it", "[actor_extractor]") {
    const auto mentions =
        mentions_in("A briefing by the International Crisis Group (ICG) appeared. The ICG was blunt.");
    const ActorMention* long_form = find_name(mentions, "International Crisis Group");
    REQUIRE(long_form != nullptr);
    CHECK(long_form->defines_acronym == "ICG");
    // Letters that are not the initials define nothing.
    const auto wrong = mentions_in("He joined the International Crisis Group (XYZ) later.");
    REQUIRE(find_name(wrong, "International Crisis Group") != nullptr);
    CHECK(find_name(wrong, "International Crisis Group")->defines_acronym.empty());
}

TEST_CASE("lists of names share the type their known members agree on", "[actor_extractor]") {
    const auto mentions = mentions_in("Firms such as British Airways, Zentrix and Qorvane Holdings bid.");
    const ActorMention* zentrix = find_name(mentions, "Zentrix");
    REQUIRE(zentrix != nullptr);
    CHECK(zentrix->type == ActorType::org);
    CHECK(zentrix->cue == CueStrength::weak);
}

TEST_CASE("mentions come in text order over title and paragraphs", "[actor_extractor]") {
    const auto mentions = newsdex::find_actor_mentions(
        article("Russia and Myanmar sign deal", {"Ukraine was not mentioned.", "China was."}), fixture(), newsdex::test::builtin_word_lists());
    CHECK(entries(mentions) == std::vector<std::string>{"Russia", "Myanmar", "Ukraine", "China"});
    for (std::size_t i = 1; i < mentions.size(); ++i) CHECK(mentions[i - 1].order < mentions[i].order);
}
