// Actor extraction as a whole: the recogniser's names, canonicalised (indexer/extract/actors).
#include "indexer/extract/actors.hpp"

#include "tests/support/extraction.hpp"
#include "tests/support/paths.hpp"
#include "tests/support/text_articles.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <vector>

using newsdex::Actor;
using newsdex::ActorType;
using newsdex::Article;

namespace {

Article article(const std::string& title, std::vector<std::string> paragraphs) {
    Article a;
    a.title = title;
    a.paragraphs = std::move(paragraphs);
    return a;
}

std::vector<Actor> actors_of(const Article& a) {
    return newsdex::extract_actors(a, newsdex::test::builtin_recognizer(), newsdex::test::builtin_gazetteer());
}

std::vector<std::string> names_of(const std::vector<Actor>& actors, ActorType type) {
    std::vector<std::string> out;
    for (const auto& actor : actors)
        if (actor.type == type) out.push_back(actor.name);
    return out;
}

std::vector<std::string> actor_names_of(const Article& a) {
    std::vector<std::string> out;
    for (const auto& actor : actors_of(a)) out.push_back(actor.name);
    return out;
}

bool has(const std::vector<Actor>& actors, ActorType type, const std::string& name) {
    return std::any_of(actors.begin(), actors.end(), [&](const Actor& a) { return a.type == type && a.name == name; });
}

std::vector<Article> seeds() {
    std::vector<std::filesystem::path> files;
    for (const auto& item : std::filesystem::directory_iterator(newsdex::test::source_dir() / "corpus" / "seeds"))
        if (item.path().extension() == ".txt") files.push_back(item.path());
    std::sort(files.begin(), files.end());
    std::vector<Article> articles;
    for (const auto& file : files) articles.push_back(newsdex::test::read_text_file(file));
    return articles;
}

}  // namespace

TEST_CASE("issue 15: a bare common-word surname never becomes a famous person", "[actors][issue15]") {
    const std::vector<Article> articles{
        article("Rice Crop Seen Lower As Cable Television Stocks Rise",
                {"Farmers said the rice crop would be smaller this year, while shares in cable television companies rose.",
                 "The Treasury sold short-term notes on Monday. Brown-Forman said its profits rose 12 pct.",
                 "NEW HYDE PARK, N.Y., March 3 - The hospital group in New Hyde Park said it would expand.",
                 "The government imposed a trade ban on the country last year, and a firm based in Costa Mesa, "
                 "California, said it would sue.",
                 "The law firm Kahn and Harris filed the suit on behalf of the growers."}),
        article("U.S. IMPOSES TRADE BAN ON IVORY", {"The Short-Term Notes Fund and Brown-Forman Corp reported results."}),
        article("Kahn and Harris win contract", {"Kahn and Harris said on Tuesday they had won the contract."}),
    };
    for (const auto& a : articles) {
        INFO(a.title);
        const auto actors = actors_of(a);
        for (const char* famous : {"Condoleezza Rice", "Vince Cable", "Clare Short", "Gordon Brown", "Park Geun-hye",
                                   "Ban Ki-moon", "António Costa", "Kamala Harris"}) {
            INFO(famous);
            CHECK_FALSE(has(actors, ActorType::person, famous));
        }
    }
}

TEST_CASE("issue 15: a titled full name and a later bare surname are one person", "[actors][issue15]") {
    const auto lawson = actors_of(article("Lawson says inflation will fall",
                                          {"Chancellor of the Exchequer Nigel Lawson said on Tuesday that inflation would "
                                           "fall next year.",
                                           "Mr Lawson told parliament that the pound was stable."}));
    CHECK(names_of(lawson, ActorType::person) == std::vector<std::string>{"Nigel Lawson"});
    const auto yeutter = actors_of(article("Yeutter presses Japan on farm trade",
                                           {"U.S. Trade Representative Clayton Yeutter said Japan must open its markets.",
                                            "Yeutter said the talks would resume next month in Geneva."}));
    CHECK(names_of(yeutter, ActorType::person) == std::vector<std::string>{"Clayton Yeutter"});
    // The title is no organisation either.
    CHECK(names_of(yeutter, ActorType::org).empty());
}

TEST_CASE("a bare surname joins a famous person only when the article supports it", "[actors]") {
    const auto plain = actors_of(article("Profits rise", {"Brown said the company would expand into Asia next year."}));
    CHECK_FALSE(has(plain, ActorType::person, "Gordon Brown"));
    const auto given = actors_of(article("Budget", {"Gordon Brown presented the budget on Wednesday.",
                                                    "Brown said growth would reach 3%."}));
    CHECK(names_of(given, ActorType::person) == std::vector<std::string>{"Gordon Brown"});
    const auto titled = actors_of(article("Budget", {"Chancellor Brown presented the budget on Wednesday."}));
    CHECK(has(titled, ActorType::person, "Gordon Brown"));
}

TEST_CASE("a person's name around a quoted nickname is one name, the nickname left out", "[actors][ner_bbc]") {
    // BBC politics/190 and entertainment/110 (development articles): Jimmy "the Whirlwind " White,
    // Marion "Suge" Knight; the recogniser reads each as two names around the quotes.
    const auto snooker = actors_of(newsdex::test::read_text_file(newsdex::test::shared_corpus() / "bbc/politics/190.txt"));
    const auto snooker_people = names_of(snooker, ActorType::person);
    CHECK(has(snooker, ActorType::person, "Jimmy White"));
    CHECK(std::count(snooker_people.begin(), snooker_people.end(), "Jimmy") == 0);
    CHECK(std::count(snooker_people.begin(), snooker_people.end(), "White") == 0);
    const auto label = actors_of(newsdex::test::read_text_file(newsdex::test::shared_corpus() / "bbc/entertainment/110.txt"));
    CHECK(has(label, ActorType::person, "Marion Knight"));
    CHECK_FALSE(has(label, ActorType::person, "Knight"));
    CHECK_FALSE(has(label, ActorType::person, "Marion"));
    // Typographic quotes, and a nickname of one word.
    const auto curly = actors_of(article("Boxing", {"Former champion Marvin \u201cMarvelous\u201d Hagler won the fight.",
                                                    "Hagler said he was ready."}));
    CHECK(has(curly, ActorType::person, "Marvin Hagler"));
    // Quotes that are not inside one name join nothing.
    const auto quoted_words = actors_of(article("Talks", {"Tony Blair called the talks \"useful\" Gordon Brown said."}));
    CHECK_FALSE(has(quoted_words, ActorType::person, "Tony Blair Gordon Brown"));
}

TEST_CASE("a sure short form in the article confirms an unsure full name", "[actors][ner_bbc]") {
    // BBC entertainment/150: "Alicia Keys has 12 nominations" (the recogniser is unsure of the
    // name in this list of singers) … "Usher and Keys will be battling it out" (sure).
    const auto awards = actors_of(newsdex::test::read_text_file(newsdex::test::shared_corpus() / "bbc/entertainment/150.txt"));
    CHECK(has(awards, ActorType::person, "Alicia Keys"));
    CHECK_FALSE(has(awards, ActorType::person, "Keys"));
    const auto explanation = newsdex::explain_actors(newsdex::test::read_text_file(newsdex::test::shared_corpus() / "bbc/entertainment/150.txt"),
                                                     newsdex::test::builtin_recognizer(), newsdex::test::builtin_gazetteer());
    bool said = false;
    for (const auto& actor : explanation.actors)
        for (const auto& reason : actor.evidence) said = said || reason.find("unsure of \"Alicia Keys\"") != std::string::npos;
    CHECK(said);
}

TEST_CASE("an unsure name read as the gazetteer knows it is kept, but not when sure of another type", "[actors][ner_bbc]") {
    // BBC politics/030 (a development article): "Tories say Labour's previous success…" opens a
    // sentence, and the recogniser reads "Tories" as an organisation below its threshold; the
    // gazetteer knows it as the Conservative Party.
    const auto truancy = newsdex::test::read_text_file(newsdex::test::shared_corpus() / "bbc/politics/030.txt");
    CHECK(has(actors_of(truancy), ActorType::org, "Conservative Party"));
    const auto explanation =
        newsdex::explain_actors(truancy, newsdex::test::builtin_recognizer(), newsdex::test::builtin_gazetteer());
    bool said = false;
    for (const auto& actor : explanation.actors)
        for (const auto& reason : actor.evidence) said = said || reason.find("unsure of \"Tories\"") != std::string::npos;
    CHECK(said);
    // BBC sport/130: "Sunderland" is the club, read as a place once without confidence (and once
    // with it); the unsure place reading adds nothing, so the club keeps its type and the town
    // is not made a place of the article by the gazetteer.
    const auto football = actors_of(newsdex::test::read_text_file(newsdex::test::shared_corpus() / "bbc/sport/130.txt"));
    CHECK(has(football, ActorType::org, "Sunderland"));
    CHECK_FALSE(has(football, ActorType::place, "Sunderland"));
}

TEST_CASE("a place an organisation is named after stays a place", "[actors][ner_bbc]") {
    // BBC politics/190 (a development article): "Mr Howard's old school, Llanelli Grammar School"
    // and "like Mr Howard from Llanelli": the town is no short form of the school.
    const auto school = actors_of(newsdex::test::read_text_file(newsdex::test::shared_corpus() / "bbc/politics/190.txt"));
    CHECK(has(school, ActorType::place, "Llanelli"));
    CHECK(has(school, ActorType::org, "Llanelli Grammar School"));
    const auto club = actors_of(article("Cup run ends", {"Tredegar Town Football Club lost 3-0 on Saturday.",
                                                         "The club was founded in Tredegar, a town in south Wales, in 1899."}));
    CHECK(has(club, ActorType::place, "Tredegar"));
}

TEST_CASE("a name in a row of a table is kept as the table's other rows are, though made of common words",
          "[actors][tables]") {
    // A standings table written for this test: "Bury", "Reading" and "Stoke" are common words, so
    // in prose they would need a cue; in a table the clubs around them say what they are.
    const auto table = actors_of(article("Soccer - English league standings",
                                         {"English league standings after Saturday's matches (played, won, drawn, lost, "
                                          "goals for, goals against, points):",
                                          "Bury 30 17 8 5 48 30 59", "Stockport 30 16 7 7 45 31 55",
                                          "Reading 30 13 9 8 40 35 48", "Luton 30 13 8 9 46 36 47",
                                          "Stoke 30 12 8 10 39 38 44", "Watford 30 10 12 8 33 32 42"}));
    for (const char* club : {"Bury", "Reading", "Stoke", "Luton", "Watford"}) CHECK(has(table, ActorType::org, club));
    // Outside a table the common words stay words.
    const auto prose = actor_names_of(article("Books", {"Reading 4 books a week helps, and Stoke 2 fires, they said."}));
    CHECK(std::find(prose.begin(), prose.end(), "Reading") == prose.end());
    CHECK(std::find(prose.begin(), prose.end(), "Stoke") == prose.end());
}

TEST_CASE("titles and honorifics never stay in a name", "[actors]") {
    const auto actors = actors_of(article("Junta leader visits Moscow",
                                          {"Senior Gen. Min Aung Hlaing met President Vladimir Putin in Moscow.",
                                           "General-in-Chief Min Aung Hlaing thanked Mr Putin, and Daw Aung San Suu Kyi "
                                           "stayed in prison."}));
    const auto people = names_of(actors, ActorType::person);
    CHECK(std::count(people.begin(), people.end(), "Min Aung Hlaing") == 1);
    CHECK(std::count(people.begin(), people.end(), "Vladimir Putin") == 1);
    CHECK(std::count(people.begin(), people.end(), "Aung San Suu Kyi") == 1);
    for (const auto& name : people) {
        INFO(name);
        CHECK(name.find("Gen") == std::string::npos);
        CHECK(name.find("President") == std::string::npos);
        CHECK(name.find("Daw") == std::string::npos);
        CHECK(name.find("Mr") == std::string::npos);
    }
}

TEST_CASE("aliases, acronyms and spellings of one organisation give one actor", "[actors]") {
    const auto opec = actors_of(article("Oil", {"The Organization of Petroleum Exporting Countries met in Vienna.",
                                                "OPEC ministers agreed to cut output."}));
    CHECK(names_of(opec, ActorType::org) == std::vector<std::string>{"OPEC"});
    const auto icg = actors_of(article("Report", {"The International Crisis Group (ICG) published a report.",
                                                  "The ICG said the talks had failed."}));
    CHECK(names_of(icg, ActorType::org) == std::vector<std::string>{"International Crisis Group"});
    const auto warner = actors_of(article("Ad sales boost Time Warner profit",
                                          {"Quarterly profits at US media giant TimeWarner jumped 76%.",
                                           "Time Warner said on Friday that it now owns 8% of Google."}));
    const auto orgs = names_of(warner, ActorType::org);
    CHECK(std::count(orgs.begin(), orgs.end(), "Time Warner") == 1);
    CHECK(std::count(orgs.begin(), orgs.end(), "TimeWarner") == 0);
    // The British spelling without the hyphen (CoNLL's Reuters) is the gazetteer's entry.
    const auto osce = actors_of(article("Bosnia vote", {"The Organisation for Security and Cooperation in Europe said on "
                                                        "Monday that the vote in Bosnia would go ahead.",
                                                        "An OSCE spokesman said the mission was satisfied."}));
    CHECK(names_of(osce, ActorType::org) ==
          std::vector<std::string>{"Organization for Security and Co-operation in Europe"});
}

TEST_CASE("explain gives each actor's mentions, labels and the reasons for its name", "[actors][explain]") {
    const auto explanation =
        newsdex::explain_actors(article("Yeutter presses Japan on farm trade",
                                        {"U.S. Trade Representative Clayton Yeutter said Japan must open its markets.",
                                         "Yeutter said the talks would resume next month in Geneva."}),
                                newsdex::test::builtin_recognizer(), newsdex::test::builtin_gazetteer());
    REQUIRE_FALSE(explanation.mentions.empty());
    const auto it = std::find_if(explanation.actors.begin(), explanation.actors.end(),
                                 [](const auto& a) { return a.actor.name == "Clayton Yeutter"; });
    REQUIRE(it != explanation.actors.end());
    CHECK(it->kept);
    CHECK(it->mentions.size() >= 2);
    const bool short_form = std::any_of(it->evidence.begin(), it->evidence.end(),
                                        [](const std::string& e) { return e.find("short form") != std::string::npos; });
    CHECK(short_form);
    const bool titled = std::any_of(it->mentions.begin(), it->mentions.end(), [&](std::size_t k) {
        return explanation.mentions[k].title == "Trade Representative";
    });
    CHECK(titled);
}

TEST_CASE("the demo seeds give the expected actors under one name each", "[actors][seeds]") {
    const auto articles = seeds();
    REQUIRE(articles.size() == 5);
    std::map<std::pair<ActorType, std::string>, int> articles_with;
    for (const auto& a : articles)
        for (const auto& actor : actors_of(a)) {
            ++articles_with[{actor.type, actor.name}];
            CHECK_FALSE(actor.mentions.empty());
        }
    auto count = [&](ActorType type, const std::string& name) {
        auto it = articles_with.find({type, name});
        return it == articles_with.end() ? 0 : it->second;
    };
    CHECK(count(ActorType::person, "Min Aung Hlaing") == 5);
    CHECK(count(ActorType::person, "Sergei Lavrov") == 3);
    CHECK(count(ActorType::person, "Vladimir Putin") >= 1);
    for (const char* junk : {"Min Aung", "Senior Gen", "General-in-Chief Min Aung Hlaing", "Lavrov", "Putin", "According",
                             "Since"}) {
        INFO(junk);
        CHECK(count(ActorType::person, junk) == 0);
    }
    CHECK(count(ActorType::place, "Russia") == 5);
    CHECK(count(ActorType::place, "Myanmar") == 5);
    CHECK(count(ActorType::place, "Naypyidaw") == 4);
    CHECK(count(ActorType::place, "Naypyitaw") == 0);
    CHECK(count(ActorType::org, "ASEAN") >= 1);
}

TEST_CASE("extraction is deterministic and safe to run from several threads", "[actors]") {
    const auto articles = seeds();
    std::vector<std::vector<Actor>> expected;
    for (const auto& a : articles) expected.push_back(actors_of(a));
    auto same = [](const std::vector<Actor>& a, const std::vector<Actor>& b) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (a[i].name != b[i].name || a[i].type != b[i].type || a[i].mentions != b[i].mentions) return false;
        return true;
    };
    std::vector<int> mismatches(4, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int round = 0; round < 3; ++round)
                for (std::size_t i = 0; i < articles.size(); ++i)
                    if (!same(actors_of(articles[i]), expected[i])) ++mismatches[t];
        });
    for (auto& thread : threads) thread.join();
    CHECK(mismatches == std::vector<int>(4, 0));
}
