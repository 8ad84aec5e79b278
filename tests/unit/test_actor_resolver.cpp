#include "indexer/extract/actor_resolver.hpp"
#include "indexer/extract/actors.hpp"

#include "tests/support/extraction.hpp"
#include "tests/support/paths.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using newsdex::Actor;
using newsdex::ActorType;
using newsdex::Article;
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

const Gazetteer& builtin() {
    static const Gazetteer gazetteer = Gazetteer::load_builtin();
    return gazetteer;
}

std::vector<Actor> actors_of(const std::string& text, const Gazetteer& gazetteer = fixture()) {
    Article article;
    article.paragraphs = {text};
    return newsdex::extract_actors(article, gazetteer, newsdex::test::builtin_word_lists());
}

std::vector<std::string> names_of(const std::vector<Actor>& actors, ActorType type) {
    std::vector<std::string> out;
    for (const auto& actor : actors)
        if (actor.type == type) out.push_back(actor.name);
    return out;
}

const Actor* find_actor(const std::vector<Actor>& actors, const std::string& name) {
    auto it = std::find_if(actors.begin(), actors.end(), [&](const Actor& a) { return a.name == name; });
    return it == actors.end() ? nullptr : &*it;
}

// The seed articles as the cleaning stages would hand them over: first non-empty line is the
// title, paragraphs are split on blank lines, and the page furniture from "More like this",
// "Share post:" or "Share." on is cut.
Article read_seed(const std::filesystem::path& file) {
    std::ifstream in(file);
    Article article;
    article.origin.file = file.string();
    std::string line;
    std::string paragraph;
    bool have_title = false;
    auto flush = [&] {
        if (!paragraph.empty()) article.paragraphs.push_back(paragraph);
        paragraph.clear();
    };
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!have_title) {
            if (line.empty()) continue;
            article.title = line;
            have_title = true;
            continue;
        }
        if (line == "More like this" || line == "Share post:" || line == "Share.") break;
        if (line.empty()) {
            flush();
            continue;
        }
        if (!paragraph.empty()) paragraph += '\n';
        paragraph += line;
    }
    flush();
    return article;
}

std::vector<Article> seeds() {
    std::vector<std::filesystem::path> files;
    for (const auto& item : std::filesystem::directory_iterator(newsdex::test::shared_corpus() / "seeds"))
        if (item.path().extension() == ".txt") files.push_back(item.path());
    std::sort(files.begin(), files.end());
    std::vector<Article> articles;
    for (const auto& file : files) articles.push_back(read_seed(file));
    return articles;
}

}  // namespace

TEST_CASE("titles and honorifics are stripped from canonical person names", "[actor_resolver]") {
    struct Row {
        const char* text;
        const char* person;
    };
    const Row rows[] = {
        {"Senior Gen. Min Aung Hlaing arrived.", "Min Aung Hlaing"},
        {"He greeted General-in-Chief Min Aung Hlaing warmly.", "Min Aung Hlaing"},
        {"They detained Daw Aung San Suu Kyi again.", "Aung San Suu Kyi"},
        {"The hotel is owned by U Teza, a tycoon.", "Teza"},
        {"Russian Foreign Minister Sergei Lavrov arrived.", "Sergei Lavrov"},
        {"It was Prime Minister Tony Blair who spoke.", "Tony Blair"},
        {"Manchester United manager Sir Alex Ferguson was angry.", "Alex Ferguson"},
        {"Deputy Chief General Soe Win took part.", "Soe Win"},
    };
    for (const auto& row : rows) {
        INFO(row.text);
        CHECK(names_of(actors_of(row.text), ActorType::person) == std::vector<std::string>{row.person});
    }
    const auto lavrov = actors_of("Russian Foreign Minister Sergei Lavrov arrived.");
    CHECK(names_of(lavrov, ActorType::place) == std::vector<std::string>{"Russia"});
    const auto ferguson = actors_of("Manchester United manager Sir Alex Ferguson was angry.");
    CHECK(names_of(ferguson, ActorType::org) == std::vector<std::string>{"Manchester United"});
}

TEST_CASE("a shorter mention resolves to the full name given in the same article", "[actor_resolver]") {
    const auto actors = actors_of(
        "Sergei Lavrov arrived on Monday. Later, Lavrov met Min Aung, the head of the regime. "
        "Min Aung Hlaing thanked him, and Mr Lavrov left.");
    CHECK(names_of(actors, ActorType::person) == std::vector<std::string>{"Sergei Lavrov", "Min Aung Hlaing"});
    const Actor* lavrov = find_actor(actors, "Sergei Lavrov");
    REQUIRE(lavrov != nullptr);
    CHECK(lavrov->mentions == std::vector<std::string>{"Sergei Lavrov", "Lavrov", "Mr Lavrov"});
    const Actor* min_aung_hlaing = find_actor(actors, "Min Aung Hlaing");
    REQUIRE(min_aung_hlaing != nullptr);
    CHECK(min_aung_hlaing->mentions == std::vector<std::string>{"Min Aung", "Min Aung Hlaing"});

    const auto blair = actors_of("Tony Blair spoke first. Mr Blair said the plan was sound.");
    CHECK(names_of(blair, ActorType::person) == std::vector<std::string>{"Tony Blair"});
}

TEST_CASE("a lone surname resolves through the gazetteer when the article gives no full name", "[actor_resolver]") {
    CHECK(names_of(actors_of("Talks with Putin ended early, officials said."), ActorType::person) ==
          std::vector<std::string>{"Vladimir Putin"});
    CHECK(names_of(actors_of("Mr Brown said the budget was fair."), ActorType::person) ==
          std::vector<std::string>{"Gordon Brown"});
    // A full name in the article wins over the gazetteer's person of that surname.
    CHECK(names_of(actors_of("Nick Brown spoke. Mr Brown said no."), ActorType::person) ==
          std::vector<std::string>{"Nick Brown"});
    // An organisation cue keeps the word from becoming a person.
    CHECK(names_of(actors_of("Tobacco firms Altria Group, Brown and Liggett Group were named."), ActorType::person)
              .empty());
}

TEST_CASE("an unresolved lone surname is kept only when strongly cued", "[actor_resolver]") {
    CHECK(names_of(actors_of("Mr Smith said no."), ActorType::person) == std::vector<std::string>{"Smith"});
    CHECK(names_of(actors_of("The decision, Smith said, was final."), ActorType::person).empty());
    CHECK(names_of(actors_of("They met Smith and left."), ActorType::person).empty());
}

TEST_CASE("gazetteer aliases and demonyms give one canonical name", "[actor_resolver]") {
    const auto actors =
        actors_of("Naypyitaw, also written Naypyidaw or Nay Pyi Taw, is the capital of Myanmar. Burmese officials agree.");
    CHECK(names_of(actors, ActorType::place) == std::vector<std::string>{"Naypyidaw", "Myanmar"});
    const Actor* capital = find_actor(actors, "Naypyidaw");
    REQUIRE(capital != nullptr);
    CHECK(capital->mentions == std::vector<std::string>{"Naypyitaw", "Naypyidaw", "Nay Pyi Taw"});
    CHECK(find_actor(actors, "Myanmar")->mentions == std::vector<std::string>{"Myanmar", "Burmese"});
}

TEST_CASE("an acronym defined in the text resolves to its long form", "[actor_resolver]") {
    const auto actors = actors_of(
        "A briefing by the International Crisis Group (ICG) appeared on Monday. The ICG said more was needed.");
    CHECK(names_of(actors, ActorType::org) == std::vector<std::string>{"International Crisis Group"});
    CHECK(find_actor(actors, "International Crisis Group")->mentions ==
          std::vector<std::string>{"International Crisis Group", "ICG"});
    // Undefined, unknown acronyms are dropped.
    CHECK(actors_of("The SMR design is new.").empty());
}

TEST_CASE("ambiguous gazetteer names need support from the article", "[actor_resolver]") {
    const auto racing = actors_of("Eddie Jordan said his team was ready. Jordan has raced for years.");
    CHECK(names_of(racing, ActorType::person) == std::vector<std::string>{"Eddie Jordan"});
    CHECK(names_of(racing, ActorType::place).empty());
    CHECK(names_of(actors_of("She flew to Amman in Jordan last year."), ActorType::place) ==
          std::vector<std::string>{"Jordan"});
    CHECK(names_of(actors_of("Jordanian troops crossed. Jordan denied it."), ActorType::place) ==
          std::vector<std::string>{"Jordan"});
    CHECK(actors_of("Jordan scored twice, Jordan said.").empty());
}

TEST_CASE("actors are ordered by type, then by first appearance", "[actor_resolver]") {
    const auto actors = actors_of(
        "In Moscow, Vladimir Putin met ASEAN envoys and the World Health Organization. "
        "Later Min Aung Hlaing flew to Russia.");
    std::vector<std::pair<ActorType, std::string>> got;
    for (const auto& actor : actors) got.emplace_back(actor.type, actor.name);
    const std::vector<std::pair<ActorType, std::string>> expected = {
        {ActorType::person, "Vladimir Putin"},
        {ActorType::person, "Min Aung Hlaing"},
        {ActorType::org, "ASEAN"},
        {ActorType::org, "World Health Organization"},
        {ActorType::place, "Moscow"},
        {ActorType::place, "Russia"},
    };
    CHECK(got == expected);
}

TEST_CASE("the demo seeds give the expected actors under one name each", "[actor_resolver][seeds]") {
    const auto articles = seeds();
    REQUIRE(articles.size() == 5);
    const Gazetteer& gazetteer = builtin();
    std::map<std::pair<ActorType, std::string>, int> articles_with;
    std::vector<std::vector<Actor>> all;
    for (const auto& article : articles) {
        all.push_back(newsdex::extract_actors(article, gazetteer, newsdex::test::builtin_word_lists()));
        for (const auto& actor : all.back()) ++articles_with[{actor.type, actor.name}];
    }
    auto count = [&](ActorType type, const std::string& name) {
        auto it = articles_with.find({type, name});
        return it == articles_with.end() ? 0 : it->second;
    };
    // Names are compared through the gazetteer, whose canonical forms may differ from the text.
    auto canonical = [&](const std::string& name) {
        auto match = gazetteer.find(name);
        return match ? match->entry->name : name;
    };
    CHECK(count(ActorType::person, "Min Aung Hlaing") == 5);
    CHECK(count(ActorType::person, "Sergei Lavrov") >= 1);
    CHECK(count(ActorType::person, "Vladimir Putin") >= 1);
    for (const char* junk : {"Min Aung", "Senior Gen", "Senior Gen.", "General-in-Chief", "Lavrov", "According",
                             "Since", "Senior General", "Gen."}) {
        INFO(junk);
        CHECK(count(ActorType::person, junk) == 0);
    }
    CHECK(count(ActorType::place, canonical("Russia")) == 5);
    CHECK(count(ActorType::place, canonical("Myanmar")) == 5);
    CHECK(count(ActorType::place, canonical("Ukraine")) >= 1);
    CHECK(count(ActorType::org, canonical("ASEAN")) >= 1);
    // Naypyitaw (000) and Naypyidaw (001, 002, 004) are one place.
    const std::string capital = canonical("Naypyidaw");
    CHECK(canonical("Naypyitaw") == capital);
    CHECK(count(ActorType::place, capital) == 4);
    for (const auto& actors : all)
        for (const auto& actor : actors) {
            CHECK(actor.name != "Naypyitaw");
            CHECK_FALSE(actor.mentions.empty());
        }
    // The rules, not the gazetteer's demo entries, find the people: the same holds with the
    // small test gazetteer.
    int with_lavrov = 0;
    for (const auto& article : articles) {
        const auto actors = newsdex::extract_actors(article, fixture(), newsdex::test::builtin_word_lists());
        CHECK(find_actor(actors, "Min Aung Hlaing") != nullptr);
        CHECK(find_actor(actors, "Lavrov") == nullptr);
        CHECK(find_actor(actors, "Min Aung") == nullptr);
        with_lavrov += find_actor(actors, "Sergei Lavrov") != nullptr;
    }
    CHECK(with_lavrov == 3);
}

TEST_CASE("extraction is deterministic and safe to run from several threads", "[actor_resolver]") {
    const auto articles = seeds();
    const Gazetteer& gazetteer = builtin();
    std::vector<std::vector<Actor>> expected;
    for (const auto& article : articles) expected.push_back(newsdex::extract_actors(article, gazetteer, newsdex::test::builtin_word_lists()));
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
            for (int round = 0; round < 5; ++round)
                for (std::size_t i = 0; i < articles.size(); ++i)
                    if (!same(newsdex::extract_actors(articles[i], gazetteer, newsdex::test::builtin_word_lists()), expected[i])) ++mismatches[t];
        });
    for (auto& thread : threads) thread.join();
    CHECK(mismatches == std::vector<int>(4, 0));
}
