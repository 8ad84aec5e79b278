#include "indexer/clean/boilerplate_rules.hpp"

#include "tests/support/paths.hpp"
#include "tests/support/scoped_env.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

/// A rule file written to a fresh temporary directory, removed again at the end of the test.
class TempRuleFile {
public:
    explicit TempRuleFile(const std::string& content) {
        static int counter = 0;
        m_dir = std::filesystem::temp_directory_path() /
                ("newsdex-rules-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
        std::filesystem::create_directories(m_dir);
        std::ofstream(path(), std::ios::binary) << content;
    }
    ~TempRuleFile() {
        std::error_code ignored;
        std::filesystem::remove_all(m_dir, ignored);
    }
    TempRuleFile(const TempRuleFile&) = delete;
    TempRuleFile& operator=(const TempRuleFile&) = delete;
    [[nodiscard]] std::filesystem::path path() const { return m_dir / "user.rules"; }

private:
    std::filesystem::path m_dir;
};

const newsdex::BoilerplateRules& builtin() {
    static const newsdex::BoilerplateRules rules = newsdex::BoilerplateRules::load_builtin();
    return rules;
}

std::string describe(const std::optional<newsdex::RuleMatch>& match) {
    if (!match) return "no match";
    return std::string(match->action == newsdex::RuleAction::tail ? "tail: " : "drop: ") + match->rule;
}

}  // namespace

TEST_CASE("rule key folds case, accents and quotes and strips punctuation at both ends", "[boilerplate_rules]") {
    const std::vector<std::pair<std::string, std::string>> table = {
        {"Share post:", "share post"},
        {"SHARE  POST", "share post"},
        {"  Share.  ", "share"},
        {"\u201CRead more \u00BB\u201D", "read more"},
        {"\u2192 Related articles \u25B6", "related articles"},
        {"Caf\u00E9 \u2014 Comments", "cafe - comments"},
        {"2022/267", "2022/267"},
        {"$5 (about \u00A33)", "$5 (about \u00A33"},
        {"...", ""},
    };
    for (const auto& [text, key] : table) {
        INFO(text);
        CHECK(newsdex::rule_key(text) == key);
    }
}

TEST_CASE("built-in rules drop the web furniture of the seed articles", "[boilerplate_rules][seeds]") {
    REQUIRE(builtin().size() > 50);
    const std::vector<std::string> furniture = {
        "Share post:", "Share.", "Share this", "Comments are closed.", "Please enter your comment!",
        "Please enter your name here", "No comments yet", "Leave a reply", "Subscribe to our newsletter",
        "Sign up for our daily briefing", "0", "2022/267", "17", "Advertisement", "ADVERTISEMENT",
        "Click here to subscribe", "Follow us on Twitter", "Photo: Reuters", "Image: AFP/Getty",
        "We use cookies to improve your experience on our site.", "Accept all cookies",
        "\u00A9 2024 AUN News. All rights reserved.", "Facebook Twitter WhatsApp Email",
        "You have read 3 of 5 free articles this month.", "Tags: Myanmar, Russia",
    };
    for (const std::string& paragraph : furniture) {
        const auto match = builtin().match(paragraph);
        INFO(paragraph << " -> " << describe(match));
        CHECK(match.has_value());
    }
}

TEST_CASE("built-in tail markers are reported as tail rules", "[boilerplate_rules]") {
    const std::vector<std::string> markers = {
        "More like this", "Related articles", "Related stories", "Read more", "Comments", "3 Comments",
        "You may also like", "Recommended", "About Author", "About the author", "Leave a Reply",
    };
    for (const std::string& paragraph : markers) {
        const auto match = builtin().match(paragraph);
        INFO(paragraph << " -> " << describe(match));
        REQUIRE(match.has_value());
        CHECK(match->action == newsdex::RuleAction::tail);
    }
}

TEST_CASE("built-in rules leave real short paragraphs alone", "[boilerplate_rules][bbc]") {
    const std::vector<std::string> text = {
        "Cech, Ferreira, Carvalho, Terry, Gallas, Tiago, Makelele, Lampard, Cole, Drogba, Gudjohnsen.",
        "Arsenal v Stoke",
        "Winners meet in final match",
        "2000 GMT",
        "2005",
        "Fostering collaboration",
        "A bear hug or a chokehold?",
        "No escape route?",
        "Sources: Al Jazeera, Moscow Times, Irrawaddy, Reuters, and Myanmar-now.",
        "Kelly Holmes will start 2005 with a series of races in Britain.",
        "The emergence of the first proper virus for mobile phones was also seen in 2004.",
        "You can hear more on this story on the BBC World Service's Go Digital programme.",
        "Share prices rose 3% on Friday.",
        "Comments from the minister were welcomed by unions.",
        "Click Online is a BBC programme.",
        "Related charges were dropped last year.",
    };
    for (const std::string& paragraph : text) {
        const auto match = builtin().match(paragraph);
        INFO(paragraph << " -> " << describe(match));
        CHECK_FALSE(match.has_value());
    }
}

TEST_CASE("rules only look at short paragraphs", "[boilerplate_rules]") {
    const std::string long_paragraph =
        "Read more about how the ceasefire collapsed, why both armies blamed each other for the first shot, "
        "what the United Nations envoy said when she arrived in the capital on Tuesday, and how the markets "
        "reacted to the news over the following week.";
    REQUIRE(long_paragraph.size() > newsdex::BoilerplateRules::max_paragraph_chars);
    CHECK_FALSE(builtin().match(long_paragraph).has_value());
    CHECK(builtin().match("Read more about the ceasefire").has_value());  // short: a link, drop-prefix
}

TEST_CASE("rule matches name the file, line and rule that fired", "[boilerplate_rules]") {
    newsdex::BoilerplateRules rules;
    rules.add_text("# comment\n\ndrop   Share post\ntail more like this\n", "/somewhere/site.rules");
    const auto share = rules.match("Share post:");
    REQUIRE(share.has_value());
    CHECK(share->action == newsdex::RuleAction::drop);
    CHECK(share->rule == "site.rules:3: drop   Share post");
    const auto more = rules.match("MORE LIKE THIS");
    REQUIRE(more.has_value());
    CHECK(more->rule == "site.rules:4: tail more like this");
    CHECK_FALSE(rules.match("Share").has_value());
}

TEST_CASE("each rule kind matches the way the rule file documents", "[boilerplate_rules]") {
    newsdex::BoilerplateRules rules;
    rules.add_text(
        "drop exact words\n"
        "drop-prefix starts here\n"
        "drop-contains inner phrase\n"
        "drop-re item \\d+ of \\d+\n"
        "tail-re (see|view) also\n",
        "kinds.rules");
    CHECK(rules.size() == 5);
    CHECK(rules.match("Exact words!").has_value());
    CHECK_FALSE(rules.match("exact words and more").has_value());
    CHECK(rules.match("Starts here, then goes on").has_value());
    CHECK_FALSE(rules.match("Starts hereafter").has_value());  // a prefix ends at a word boundary
    CHECK(rules.match("Here is the inner phrase in a line").has_value());
    CHECK_FALSE(rules.match("the innerphrase is glued").has_value());
    CHECK(rules.match("Item 3 of 12").has_value());
    CHECK_FALSE(rules.match("Item 3 of 12 follows").has_value());  // regexes are anchored
    const auto tail = rules.match("View also");
    REQUIRE(tail.has_value());
    CHECK(tail->action == newsdex::RuleAction::tail);
}

TEST_CASE("a tail rule wins over a drop rule for the same paragraph", "[boilerplate_rules]") {
    newsdex::BoilerplateRules rules;
    rules.add_text("drop read more\ntail read more\ndrop-re comments?\ntail-re comments\n", "both.rules");
    CHECK(rules.match("Read more")->action == newsdex::RuleAction::tail);
    CHECK(rules.match("Comments")->action == newsdex::RuleAction::tail);
    CHECK(rules.match("Comment")->action == newsdex::RuleAction::drop);
}

TEST_CASE("a user rule file adds to the built-in rules", "[boilerplate_rules]") {
    const TempRuleFile file("# my site\ndrop Support independent journalism\ntail From our partners\n");
    newsdex::BoilerplateRules rules = newsdex::BoilerplateRules::load_builtin();
    const std::size_t builtin_size = rules.size();
    CHECK_FALSE(rules.match("Support independent journalism.").has_value());
    rules.add_file(file.path());
    CHECK(rules.size() == builtin_size + 2);
    CHECK(rules.match("Support independent journalism.").has_value());
    CHECK(rules.match("From our partners")->rule == "user.rules:3: tail From our partners");
    CHECK(rules.match("Share post:").has_value());  // built-in rules still apply
}

TEST_CASE("a malformed rule is reported as FILE:LINE and leaves the rules unchanged", "[boilerplate_rules]") {
    struct Row {
        std::string content;
        std::string message;
    };
    const std::vector<Row> table = {
        {"drop fine\nremove this\n", ":2: unknown rule kind 'remove'"},
        {"drop fine\n\n# c\ndrop\n", ":4: rule 'drop' has no pattern"},
        {"drop-re (unclosed\n", ":1: invalid regular expression '(unclosed'"},
        {"tail ...\n", ":1: pattern '...' has no letters or digits"},
    };
    for (const Row& row : table) {
        const TempRuleFile file(row.content);
        newsdex::BoilerplateRules rules;
        rules.add_text("drop kept rule\n", "first.rules");
        INFO(row.content);
        try {
            rules.add_file(file.path());
            FAIL("no exception");
        } catch (const std::runtime_error& error) {
            const std::string message = error.what();
            CHECK(message.find(file.path().string() + row.message) == 0);
        }
        CHECK(rules.size() == 1);
        CHECK(rules.match("Kept rule").has_value());
        CHECK_FALSE(rules.match("fine").has_value());
    }
}

TEST_CASE("a missing rule file is a runtime error naming the file", "[boilerplate_rules]") {
    newsdex::BoilerplateRules rules;
    CHECK_THROWS_WITH(rules.add_file("/nonexistent/dir/x.rules"),
                      Catch::Contains("/nonexistent/dir/x.rules") && Catch::Contains("cannot read"));
}

TEST_CASE("the built-in rule file is found through NEWSDEX_DATA_DIR", "[boilerplate_rules]") {
    {
        newsdex::test::ScopedEnv elsewhere("NEWSDEX_DATA_DIR", "/elsewhere/data");
        CHECK(newsdex::BoilerplateRules::builtin_path() == "/elsewhere/data/indexer/clean/boilerplate.rules");
        CHECK_THROWS_AS(newsdex::BoilerplateRules::load_builtin(), std::runtime_error);
    }
    CHECK(std::filesystem::exists(newsdex::BoilerplateRules::builtin_path()));
}

TEST_CASE("one rule set and its copy match the same way in several threads at once", "[boilerplate_rules]") {
    const newsdex::BoilerplateRules copy = builtin();
    const std::vector<std::string> paragraphs = {
        "Share post:", "Photo: Reuters", "More like this", "Item 3 of 12", "Arsenal v Stoke", "0", "Tags: x",
    };
    std::vector<std::string> expected;
    for (const std::string& paragraph : paragraphs) expected.push_back(describe(builtin().match(paragraph)));

    std::vector<int> mismatches(4, 0);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < mismatches.size(); ++t) {
        threads.emplace_back([&, t] {
            const newsdex::BoilerplateRules& rules = t % 2 == 0 ? builtin() : copy;
            for (int round = 0; round < 300; ++round) {
                for (std::size_t i = 0; i < paragraphs.size(); ++i) {
                    if (describe(rules.match(paragraphs[i])) != expected[i]) ++mismatches[t];
                }
            }
        });
    }
    for (std::thread& thread : threads) thread.join();
    CHECK(mismatches == std::vector<int>(4, 0));
    CHECK(expected[1] != "no match");
}
