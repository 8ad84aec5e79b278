#include "indexer/clean/cleaner.hpp"

#include "common/article.hpp"
#include "common/unicode_text.hpp"
#include "common/utf8.hpp"
#include "indexer/clean/source_boilerplate.hpp"
#include "tests/support/text_articles.hpp"
#include "tests/support/paths.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

namespace {

std::filesystem::path seed(const std::string& name) { return newsdex::test::shared_corpus() / "seeds" / name; }

const newsdex::Cleaner& cleaner() {
    static const newsdex::Cleaner instance(newsdex::BoilerplateRules::load_builtin());
    return instance;
}

/// The checks every seed must pass after cleaning: no furniture in the title or any kept paragraph.
void check_no_furniture(const newsdex::Article& article) {
    const std::vector<std::string> never = {
        "Share post:", "More like this", "Share.", "About Author", "Comments are closed.", "Please enter your comment!",
        "Please enter your name here", "No comments yet", "News by AUN News correspondent", "AUN News",
        // the teaser headlines after "More like this" in seed 000
        "Defying the Norms", "Despite conflict and court rulings", "Policy Evaluation", "Escalating Diplomatic Crisis",
    };
    for (const std::string& text : never) {
        INFO("furniture: " << text);
        CHECK(article.title.find(text) == std::string::npos);
        for (const std::string& paragraph : article.paragraphs) {
            INFO("paragraph: " << paragraph);
            CHECK(paragraph.find(text) == std::string::npos);
        }
    }
    for (const std::string& paragraph : article.paragraphs) {
        CHECK(paragraph != "0");
        CHECK(paragraph != "Comments");
        CHECK(paragraph != "2022/267");
        CHECK(paragraph.find('\n') == std::string::npos);
    }
}

std::size_t count_starting_with(const newsdex::Article& article, const std::string& prefix) {
    return static_cast<std::size_t>(std::count_if(article.paragraphs.begin(), article.paragraphs.end(),
                                                  [&](const std::string& p) { return p.rfind(prefix, 0) == 0; }));
}

const newsdex::Removal* find_removal(const std::vector<newsdex::Removal>& removals, const std::string& text) {
    const auto found = std::find_if(removals.begin(), removals.end(),
                                    [&](const newsdex::Removal& removal) { return removal.text == text; });
    return found == removals.end() ? nullptr : &*found;
}

}  // namespace

TEST_CASE("removal reasons have their contract names", "[cleaner]") {
    CHECK(newsdex::to_string(newsdex::RemovalReason::repeated) == "repeated");
    CHECK(newsdex::to_string(newsdex::RemovalReason::boilerplate) == "boilerplate");
    CHECK(newsdex::to_string(newsdex::RemovalReason::tail) == "tail");
    CHECK(newsdex::to_string(newsdex::RemovalReason::title) == "title");
    CHECK(newsdex::to_string(newsdex::RemovalReason::source_line) == "source-line");
}

TEST_CASE("cleaner strips seed 000: site name, headline repeat, Source line and related-articles tail", "[cleaner][seeds]") {
    newsdex::Article article = newsdex::test::read_text_file(seed("000_22dd8a7c27f56fa9.txt"));
    REQUIRE(article.source.empty());
    const auto removals = cleaner().clean(article);

    check_no_furniture(article);
    CHECK(article.title == "Russia and Myanmar\u2019s solidarity as Pariahs");
    CHECK(article.source == "AUN News");
    CHECK(article.paragraphs.size() == 36);
    CHECK(article.paragraphs.front().rfind("AUGUST 11TH, BRUSSELS (IPS)", 0) == 0);
    CHECK(article.paragraphs.back().rfind("Jan Servaes served as", 0) == 0);
    CHECK(count_starting_with(article, "The two nations \u201Chave an exact recognize the takeover formallyellent foundation") == 1);

    const newsdex::Removal* source_line = find_removal(removals, "Source: AUN News");
    REQUIRE(source_line != nullptr);
    CHECK(source_line->reason == newsdex::RemovalReason::source_line);
    const newsdex::Removal* headline = find_removal(removals, "Russia and Myanmar's solidarity as Pariahs");
    REQUIRE(headline != nullptr);
    CHECK(headline->reason == newsdex::RemovalReason::title);
    const newsdex::Removal* site = find_removal(removals, "AUN News");
    REQUIRE(site != nullptr);
    CHECK(site->reason == newsdex::RemovalReason::title);
    CHECK(find_removal(removals, "Share post:")->reason == newsdex::RemovalReason::boilerplate);
    CHECK(find_removal(removals, "More like this")->reason == newsdex::RemovalReason::tail);
    // In article order: the site name from the headline, then the paragraphs from the top.
    REQUIRE(removals.size() == 13);
    CHECK(removals[0].text == "AUN News");
    CHECK(removals[1].text == "Russia and Myanmar's solidarity as Pariahs");
    CHECK(removals[2].text == "Source: AUN News");
    CHECK(removals.back().text.rfind("News by AUN News correspondent Thursday, May 02, 2024", 0) == 0);
}

TEST_CASE("cleaner on seed 000 with its source known from metadata still drops the Source line", "[cleaner][seeds]") {
    newsdex::Article article = newsdex::test::read_text_file(seed("000_22dd8a7c27f56fa9.txt"));
    article.source = "AUN News";
    const auto removals = cleaner().clean(article);
    CHECK(article.source == "AUN News");
    CHECK(article.title == "Russia and Myanmar\u2019s solidarity as Pariahs");
    CHECK(find_removal(removals, "AUN News")->rule == "site name after the headline (equals the source)");
    CHECK(find_removal(removals, "Source: AUN News")->reason == newsdex::RemovalReason::source_line);
    CHECK(article.paragraphs.size() == 36);
}

TEST_CASE("cleaner keeps the repeated aide paragraph of seed 001 once and drops its furniture", "[cleaner][seeds]") {
    newsdex::Article article = newsdex::test::read_text_file(seed("001_644cae95aa9a28a1.txt"));
    const auto removals = cleaner().clean(article);
    check_no_furniture(article);
    CHECK(article.paragraphs.size() == 21);
    CHECK(count_starting_with(article, "According to a presidential aide, Russia and Myanmar were in agreement") == 1);
    const auto repeated = std::count_if(removals.begin(), removals.end(), [](const newsdex::Removal& removal) {
        return removal.reason == newsdex::RemovalReason::repeated;
    });
    CHECK(repeated == 1);
    CHECK(find_removal(removals, "0")->reason == newsdex::RemovalReason::boilerplate);
    CHECK(find_removal(removals, "Share.")->reason == newsdex::RemovalReason::boilerplate);
    CHECK(find_removal(removals, "About Author")->reason == newsdex::RemovalReason::tail);
    CHECK(article.paragraphs.back().rfind("As Southeast Asian countries struggle", 0) == 0);
}

TEST_CASE("cleaner drops the comment form at the end of seed 002", "[cleaner][seeds]") {
    newsdex::Article article = newsdex::test::read_text_file(seed("002_4e6b91d72cce0c30.txt"));
    const auto removals = cleaner().clean(article);
    check_no_furniture(article);
    CHECK(article.paragraphs.size() == 16);
    CHECK(article.paragraphs.back() == "Ahmed Adel, Cairo-based geopolitics and political economy researcher.");
    CHECK(removals.size() == 2);
}

TEST_CASE("cleaner splits the line-per-paragraph seed 003 and drops the repeated lead bullet", "[cleaner][seeds]") {
    newsdex::Article article = newsdex::test::read_text_file(seed("003_41de00c8af1ba046.txt"));
    REQUIRE(article.paragraphs.size() == 1);  // no blank lines in this file
    const auto removals = cleaner().clean(article);
    check_no_furniture(article);
    CHECK(article.paragraphs.size() == 11);
    CHECK(article.paragraphs[1] == "Facts");
    CHECK(article.paragraphs[7] == "Sources: Al Jazeera, Moscow Times, Irrawaddy, Reuters, and Myanmar-now.");
    CHECK(article.source.empty());  // "Sources:" lists citations, it is not a Source line
    REQUIRE(removals.size() == 1);
    CHECK(removals[0].reason == newsdex::RemovalReason::repeated);
    CHECK(removals[0].rule == "repeat of paragraph 1");
}

TEST_CASE("cleaner cuts the comment section at the end of seed 004", "[cleaner][seeds]") {
    newsdex::Article article = newsdex::test::read_text_file(seed("004_5b07e82036b59744.txt"));
    const auto removals = cleaner().clean(article);
    check_no_furniture(article);
    CHECK(article.paragraphs.size() == 12);
    CHECK(article.paragraphs[1] == "Mutual Diplomatic Validation");
    CHECK(article.paragraphs.back().rfind("In conclusion, the deepening strategic partnership", 0) == 0);
    REQUIRE(removals.size() == 2);
    CHECK(removals[0].text == "Comments");
    CHECK(removals[0].reason == newsdex::RemovalReason::tail);
    CHECK(removals[1].text == "No comments yet");
    CHECK(removals[1].reason == newsdex::RemovalReason::tail);
}

TEST_CASE("cleaner removes nothing from the hand-checked BBC sample", "[cleaner][bbc]") {
    std::ifstream list(newsdex::test::test_data() / "bbc_clean_sample.txt");
    REQUIRE(list.is_open());
    std::size_t files = 0;
    std::vector<std::string> folders;
    for (std::string line; std::getline(list, line);) {
        if (line.empty() || line.front() == '#') continue;
        ++files;
        folders.push_back(line.substr(0, line.find('/')));
        const newsdex::Article original = newsdex::test::read_text_file(newsdex::test::shared_corpus() / "bbc" / line);
        newsdex::Article article = original;
        const auto removals = cleaner().clean(article);
        INFO(line);
        for (const newsdex::Removal& removal : removals) {
            INFO(newsdex::to_string(removal.reason) << ": " << removal.text << " <" << removal.rule << ">");
            CHECK(removal.reason == newsdex::RemovalReason::repeated);
        }
        CHECK(removals.empty());
        CHECK(article.title == newsdex::normalize_stored(original.title));
        REQUIRE(article.paragraphs.size() == original.paragraphs.size());
        for (std::size_t i = 0; i < article.paragraphs.size(); ++i) {
            CHECK(article.paragraphs[i] == newsdex::normalize_stored(original.paragraphs[i]));
        }
    }
    CHECK(files >= 50);
    std::sort(folders.begin(), folders.end());
    folders.erase(std::unique(folders.begin(), folders.end()), folders.end());
    CHECK(folders == std::vector<std::string>{"business", "entertainment", "politics", "sport", "tech"});
}

TEST_CASE("cleaner drops the lone full stop of BBC politics/174 and nothing else", "[cleaner][bbc]") {
    newsdex::Article article = newsdex::test::read_text_file(newsdex::test::shared_corpus() / "bbc" / "politics" / "174.txt");
    const std::size_t before = article.paragraphs.size();
    const auto removals = cleaner().clean(article);
    REQUIRE(removals.size() == 1);
    CHECK(removals[0].text == ".");
    CHECK(removals[0].reason == newsdex::RemovalReason::boilerplate);
    CHECK(removals[0].rule == "no letter or digit");
    CHECK(article.paragraphs.size() == before - 1);
    // Its "fianc&#233;e" is decoded in the stored text.
    CHECK(std::any_of(article.paragraphs.begin(), article.paragraphs.end(),
                      [](const std::string& p) { return p.find("fianc\u00E9e Annabella Holmes") != std::string::npos; }));
}

TEST_CASE("cleaner drops a footer learned from the source with the recurrence as the rule", "[cleaner]") {
    const std::string footer = "Follow AUN News on Telegram for daily updates from Myanmar.";
    newsdex::SourceBoilerplate learned;
    std::vector<newsdex::Article> articles;
    for (int i = 0; i < 8; ++i) {
        newsdex::Article article;
        article.source = "AUN News";
        article.title = "Headline " + std::to_string(i);
        article.paragraphs = {"Body text of article " + std::to_string(i) + " is here.", footer};
        learned.observe(article);
        articles.push_back(article);
    }
    const newsdex::Cleaner with_learning(newsdex::BoilerplateRules::load_builtin(), &learned);
    const auto removals = with_learning.clean(articles[3]);
    REQUIRE(removals.size() == 1);
    CHECK(removals[0].text == footer);
    CHECK(removals[0].reason == newsdex::RemovalReason::boilerplate);
    CHECK(removals[0].rule == "recurs in 8 articles of AUN News");
    CHECK(articles[3].paragraphs == std::vector<std::string>{"Body text of article 3 is here."});
}

TEST_CASE("cleaner normalises stored text and drops paragraphs that become empty", "[cleaner]") {
    newsdex::Article article;
    article.title = "  Caf\u00E9 &amp; bar\n reopens ";
    article.paragraphs = {"\u200B \u00A0", "The  caf&eacute; reopened\ton Monday.", "   "};
    const auto removals = cleaner().clean(article);
    CHECK(removals.empty());
    CHECK(article.title == "Caf\u00E9 & bar reopens");
    CHECK(article.paragraphs == std::vector<std::string>{"The caf\u00E9 reopened on Monday."});
}

TEST_CASE("cleaner results are the same when threads share one cleaner", "[cleaner][seeds]") {
    std::vector<newsdex::Article> inputs;
    for (const auto& entry : std::filesystem::directory_iterator(newsdex::test::shared_corpus() / "seeds")) {
        if (entry.path().extension() == ".txt") inputs.push_back(newsdex::test::read_text_file(entry.path()));
    }
    REQUIRE(inputs.size() == 5);
    std::vector<std::size_t> expected;
    for (newsdex::Article article : inputs) expected.push_back(cleaner().clean(article).size() * 1000 + article.paragraphs.size());

    std::vector<int> mismatches(3, 0);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < mismatches.size(); ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 20; ++round) {
                for (std::size_t i = 0; i < inputs.size(); ++i) {
                    newsdex::Article article = inputs[i];
                    const std::size_t got = cleaner().clean(article).size() * 1000 + article.paragraphs.size();
                    if (got != expected[i]) ++mismatches[t];
                }
            }
        });
    }
    for (std::thread& thread : threads) thread.join();
    CHECK(mismatches == std::vector<int>(3, 0));
}
