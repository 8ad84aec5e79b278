#include "common/gazetteer.hpp"

#include "tests/support/paths.hpp"
#include "tests/support/scoped_env.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>

using newsdex::ActorType;
using newsdex::Gazetteer;

using newsdex::test::ScopedEnv;

namespace {

Gazetteer fixture() {
    Gazetteer gazetteer;
    gazetteer.load_file(newsdex::test::test_data() / "gazetteer_fixture.json");
    return gazetteer;
}

// The canonical name a surface resolves to, or "" when unknown.
std::string canonical(const Gazetteer& gazetteer, const std::string& surface) {
    auto match = gazetteer.find(surface);
    return match ? match->entry->name : std::string();
}

}  // namespace

TEST_CASE("fold_key folds case, accents, apostrophes, dashes and periods", "[gazetteer]") {
    struct Row {
        const char* input;
        const char* expected;
    };
    const Row rows[] = {
        {"Naypyitaw", "naypyitaw"},
        {"São Paulo", "sao paulo"},
        {"Côte d\u2019Ivoire", "cote d'ivoire"},
        {"Guinea-Bissau", "guinea bissau"},
        {"Russia\u2013Myanmar", "russia myanmar"},
        {"St. Petersburg", "st petersburg"},
        {"  Nay   Pyi\tTaw ", "nay pyi taw"},
        {"Søren Łódź", "soren lodz"},
        {"ERDOĞAN", "erdogan"},
        {"Straße", "strasse"},
    };
    for (const auto& row : rows) {
        INFO(row.input);
        CHECK(Gazetteer::fold_key(row.input) == row.expected);
    }
}

TEST_CASE("capital acronyms are short forms with no lower-case letters", "[gazetteer]") {
    CHECK(Gazetteer::is_capital_acronym("US"));
    CHECK(Gazetteer::is_capital_acronym("U.S."));
    CHECK(Gazetteer::is_capital_acronym("WHO"));
    CHECK(Gazetteer::is_capital_acronym("G7"));
    CHECK(Gazetteer::is_capital_acronym("ASEAN"));
    CHECK_FALSE(Gazetteer::is_capital_acronym("UNESCO"));  // six letters: matched folded
    CHECK_FALSE(Gazetteer::is_capital_acronym("Nato"));
    CHECK_FALSE(Gazetteer::is_capital_acronym("us"));
    CHECK_FALSE(Gazetteer::is_capital_acronym("A"));
    CHECK_FALSE(Gazetteer::is_capital_acronym("UN SC"));
}

TEST_CASE("gazetteer finds entries by canonical name, alias and demonym", "[gazetteer]") {
    const Gazetteer gazetteer = fixture();
    struct Row {
        const char* surface;
        const char* expected;
        bool via_demonym;
    };
    const Row rows[] = {
        {"Myanmar", "Myanmar", false},
        {"Burma", "Myanmar", false},
        {"Burmese", "Myanmar", true},
        {"Russian", "Russia", true},
        {"Russian Federation", "Russia", false},
        {"Naypyitaw", "Naypyidaw", false},
        {"Naypyidaw", "Naypyidaw", false},
        {"Nay Pyi Taw", "Naypyidaw", false},
        {"nay-pyi-taw", "Naypyidaw", false},
        {"NAYPYITAW", "Naypyidaw", false},
        {"Sao Paulo", "São Paulo", false},
        {"Cote d\u2019Ivoire", "Côte d'Ivoire", false},
        {"association of south east asian nations", "ASEAN", false},
        {"U.S.", "United States", false},
        {"U.N.", "United Nations", false},
    };
    for (const auto& row : rows) {
        INFO(row.surface);
        auto match = gazetteer.find(row.surface);
        REQUIRE(match);
        CHECK(match->entry->name == row.expected);
        CHECK(match->via_demonym == row.via_demonym);
    }
    CHECK_FALSE(gazetteer.find("Atlantis"));
}

TEST_CASE("short all-capital acronyms match only in capitals", "[gazetteer]") {
    const Gazetteer gazetteer = fixture();
    CHECK(canonical(gazetteer, "US") == "United States");
    CHECK(canonical(gazetteer, "WHO") == "World Health Organization");
    CHECK(canonical(gazetteer, "UN") == "United Nations");
    CHECK(canonical(gazetteer, "us").empty());
    CHECK(canonical(gazetteer, "Us").empty());
    CHECK(canonical(gazetteer, "who").empty());
    CHECK(canonical(gazetteer, "Who").empty());
    // A mixed-case alias is matched folded, so the capital form finds it too.
    CHECK(canonical(gazetteer, "Asean") == "ASEAN");
    CHECK(canonical(gazetteer, "ASEAN") == "ASEAN");
}

TEST_CASE("gazetteer answers canonical names, surnames and all names of an entry", "[gazetteer]") {
    const Gazetteer gazetteer = fixture();
    const auto* myanmar = gazetteer.find_canonical("myanmar");
    REQUIRE(myanmar != nullptr);
    CHECK(myanmar->type == ActorType::place);
    CHECK(gazetteer.find_canonical("Burma") == nullptr);  // an alias, not a canonical name

    const auto* putin = gazetteer.find_by_surname("Putin");
    REQUIRE(putin != nullptr);
    CHECK(putin->name == "Vladimir Putin");
    CHECK(gazetteer.find_by_surname("Lavrov") == nullptr);

    const auto names = gazetteer.all_names_for(*gazetteer.find_canonical("Naypyidaw"));
    CHECK(names == std::vector<std::string>{"Naypyidaw", "Naypyitaw", "Nay Pyi Taw"});

    // "Association of South-East Asian Nations" folds to six words.
    CHECK(gazetteer.max_alias_words() == 6);
    CHECK(gazetteer.max_words_starting_with("association") == 6);
    CHECK(gazetteer.max_words_starting_with("naypyitaw") == 1);
    CHECK(gazetteer.max_words_starting_with("atlantis") == 0);
}

TEST_CASE("two people sharing a surname resolve the surname to neither", "[gazetteer]") {
    newsdex::test::TempDir dir;
    Gazetteer gazetteer;
    gazetteer.load_file(dir.write("bush.json", R"([
        {"name": "George W. Bush", "type": "person", "surname": "Bush"},
        {"name": "George H. W. Bush", "type": "person", "surname": "Bush"}])"));
    // Within one user file the later entry wins; the built-in rule (neither) is checked below.
    CHECK(gazetteer.find_by_surname("Bush") != nullptr);

    const auto builtin_dir = dir / "data" / "common" / "data" / "gazetteer";
    dir.write("data/common/data/gazetteer/people.json", R"([
        {"name": "George W. Bush", "type": "person", "surname": "Bush"},
        {"name": "George H. W. Bush", "type": "person", "surname": "Bush"}])");
    ScopedEnv env("NEWSDEX_DATA_DIR", (dir / "data").string());
    const Gazetteer builtin = Gazetteer::load_builtin();
    CHECK(builtin.size() == 2);
    CHECK(builtin.find_by_surname("Bush") == nullptr);
}

TEST_CASE("British and American spellings, hyphens and spaces find the same entry", "[gazetteer]") {
    newsdex::test::TempDir dir;
    Gazetteer gazetteer;
    gazetteer.load_file(dir.write("spellings.json", R"([
        {"name": "Organization for Security and Co-operation in Europe", "type": "org", "aliases": ["OSCE"]},
        {"name": "Lincoln Center", "type": "place"},
        {"name": "Time Warner", "type": "org"},
        {"name": "Ministry of Defence", "type": "org"},
        {"name": "Ministry of Defense", "type": "org"}])"));
    const std::string osce = "Organization for Security and Co-operation in Europe";
    CHECK(canonical(gazetteer, "Organisation for Security and Cooperation in Europe") == osce);
    CHECK(canonical(gazetteer, "Organization for Security and Co-Operation in Europe") == osce);
    CHECK(canonical(gazetteer, "Lincoln Centre") == "Lincoln Center");
    CHECK(canonical(gazetteer, "TimeWarner") == "Time Warner");
    CHECK(Gazetteer::spelling_key("centres for co operation") == "centersforcooperation");
    // Two entries spelt alike keep their own exact names and share no variant.
    CHECK(canonical(gazetteer, "Ministry of Defence") == "Ministry of Defence");
    CHECK(canonical(gazetteer, "Ministry of Defense") == "Ministry of Defense");
    CHECK(canonical(gazetteer, "Ministry-of-Defence").empty() == false);
    CHECK(canonical(gazetteer, "MinistryofDefense").empty());
    // Words that only end like a British spelling are left alone by exact matches.
    CHECK(canonical(gazetteer, "Organisation for Security").empty());
}

TEST_CASE("entries of a user file win over earlier ones sharing a name or alias", "[gazetteer]") {
    newsdex::test::TempDir dir;
    Gazetteer gazetteer = fixture();
    REQUIRE(canonical(gazetteer, "Burma") == "Myanmar");
    gazetteer.load_file(dir.write("user.json", R"([
        {"name": "Burma Campaign UK", "type": "org", "aliases": ["Burma"]},
        {"name": "Russia", "type": "org", "aliases": ["Russian Team"]}])"));
    CHECK(canonical(gazetteer, "Burma") == "Burma Campaign UK");
    CHECK(canonical(gazetteer, "Myanmar") == "Myanmar");  // the built-in entry keeps its other names
    // Same canonical name: the user's entry replaces the earlier one entirely.
    const auto* russia = gazetteer.find_canonical("Russia");
    REQUIRE(russia != nullptr);
    CHECK(russia->type == ActorType::org);
    CHECK_FALSE(gazetteer.find("Russian Federation"));
    CHECK(canonical(gazetteer, "Russian Team") == "Russia");
}

TEST_CASE("malformed gazetteer files throw an error naming the file", "[gazetteer]") {
    newsdex::test::TempDir dir;
    struct Row {
        const char* content;
        const char* reason;
    };
    const Row rows[] = {
        {"[{\"name\": \"X\", \"type\": \"place\"", "invalid JSON"},
        {"{\"name\": \"X\"}", "expected a JSON array"},
        {"[{\"type\": \"place\"}]", "\"name\" must be a non-empty string"},
        {"[{\"name\": \"X\", \"type\": \"city\"}]", "unknown type \"city\""},
        {"[{\"name\": \"X\", \"type\": \"place\", \"aliases\": \"Y\"}]", "\"aliases\" must be an array"},
        {"[{\"name\": \"X\", \"type\": \"place\", \"demonyms\": [1]}]", "\"demonyms\" must hold non-empty strings"},
        {"[{\"name\": \"X\", \"type\": \"place\", \"ambiguous\": \"yes\"}]", "\"ambiguous\" must be true or false"},
        {"[{\"name\": \"X\", \"type\": \"person\", \"surname\": 7}]", "\"surname\" must be a string"},
        {"[{\"name\": \"...\", \"type\": \"place\"}]", "has no letters"},
    };
    for (const auto& row : rows) {
        INFO(row.content);
        const auto file = dir.write("bad.json", row.content);
        Gazetteer gazetteer;
        try {
            gazetteer.load_file(file);
            FAIL("no exception");
        } catch (const std::runtime_error& error) {
            const std::string message = error.what();
            CHECK(message.find(file.string() + ": ") == 0);
            CHECK(message.find(row.reason) != std::string::npos);
        }
        CHECK(gazetteer.size() == 0);
    }
    CHECK_THROWS_AS(Gazetteer().load_file(dir / "missing.json"), std::runtime_error);
}

TEST_CASE("load_builtin reads every json file of the data directory in sorted order", "[gazetteer]") {
    newsdex::test::TempDir dir;
    dir.write("data/common/data/gazetteer/b.json",
              R"([{"name": "Myanmar", "type": "place", "aliases": ["Burma"], "demonyms": ["Burmese"]}])");
    dir.write("data/common/data/gazetteer/a.json",
              R"([{"name": "Myanmar", "type": "place", "aliases": ["Union of Myanmar"]}])");
    dir.write("data/common/data/gazetteer/notes.md", "not a gazetteer");
    ScopedEnv env("NEWSDEX_DATA_DIR", (dir / "data").string());
    const Gazetteer gazetteer = Gazetteer::load_builtin();
    // The same actor in two built-in files is one entry with the names of both.
    CHECK(gazetteer.size() == 1);
    CHECK(canonical(gazetteer, "Burma") == "Myanmar");
    CHECK(canonical(gazetteer, "Union of Myanmar") == "Myanmar");
    CHECK(gazetteer.find_canonical("Myanmar")->aliases ==
          std::vector<std::string>{"Union of Myanmar", "Burma"});

    ScopedEnv missing("NEWSDEX_DATA_DIR", (dir / "nowhere").string());
    CHECK_THROWS_AS(Gazetteer::load_builtin(), std::runtime_error);
}

TEST_CASE("the built-in gazetteer gives Naypyitaw and Naypyidaw one canonical name", "[gazetteer][data]") {
    const Gazetteer gazetteer = Gazetteer::load_builtin();
    REQUIRE(gazetteer.size() > 1000);
    const std::string naypyidaw = canonical(gazetteer, "Naypyidaw");
    CHECK_FALSE(naypyidaw.empty());
    CHECK(canonical(gazetteer, "Naypyitaw") == naypyidaw);
    CHECK(canonical(gazetteer, "Nay Pyi Taw") == naypyidaw);
    CHECK(canonical(gazetteer, "Burmese") == "Myanmar");
    CHECK(canonical(gazetteer, "us").empty());
    CHECK(canonical(gazetteer, "who").empty());
}
