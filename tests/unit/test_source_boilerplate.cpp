#include "indexer/clean/source_boilerplate.hpp"

#include "common/article.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

namespace {

const std::string footer = "Follow AUN News on Telegram for daily updates from Myanmar.";
const std::string quote = "\u201CWe will never give up,\u201D the spokesman added.";

newsdex::Article article(const std::string& source, int number, std::vector<std::string> extra = {}) {
    newsdex::Article result;
    result.source = source;
    result.title = "Story number " + std::to_string(number);
    result.origin.file = "/corpus/" + source + "/" + std::to_string(number) + ".txt";
    result.paragraphs = {"This is the body of story " + std::to_string(number) + " of " + source + ", with its own words."};
    for (std::string& paragraph : extra) result.paragraphs.push_back(std::move(paragraph));
    return result;
}

}  // namespace

TEST_CASE("source boilerplate learns a footer that recurs in many articles of one source", "[source_boilerplate]") {
    newsdex::SourceBoilerplate learned;
    for (int i = 0; i < 10; ++i) learned.observe(article("AUN News", i, i < 6 ? std::vector<std::string>{footer} : std::vector<std::string>{}));
    CHECK(learned.article_count("AUN News") == 10);
    CHECK(learned.recurrence("AUN News", footer) == std::optional<std::size_t>(6));
    CHECK(learned.is_boilerplate("aun news", footer));                      // sources compare case-insensitively
    CHECK(learned.is_boilerplate("AUN News", "follow aun news on telegram for daily updates from myanmar"));
    CHECK_FALSE(learned.is_boilerplate("AUN News", "This is the body of story 3 of AUN News, with its own words."));
    CHECK_FALSE(learned.is_boilerplate("Other Outlet", footer));
}

TEST_CASE("source boilerplate needs at least 5 articles and 2 percent of the source", "[source_boilerplate]") {
    newsdex::SourceBoilerplate learned;
    for (int i = 0; i < 300; ++i) {
        learned.observe(article("Big", i, i < 5 ? std::vector<std::string>{footer} : std::vector<std::string>{}));
        learned.observe(article("Small", i, i < 4 ? std::vector<std::string>{footer} : std::vector<std::string>{}));
    }
    CHECK_FALSE(learned.is_boilerplate("Big", footer));    // 5 of 300 is under 2%
    CHECK_FALSE(learned.is_boilerplate("Small", footer));  // 4 articles is under 5
    newsdex::SourceBoilerplate lower({40, 5, 0.01, 5, 0.3});
    for (int i = 0; i < 300; ++i) {
        lower.observe(article("Big", i, i < 5 ? std::vector<std::string>{footer} : std::vector<std::string>{}));
    }
    CHECK(lower.is_boilerplate("Big", footer));  // 5 of 300 is over 1%
}

TEST_CASE("a quote that outlets carry is not learned", "[source_boilerplate]") {
    newsdex::SourceBoilerplate learned;
    const std::string said = "The minister said the talks had gone well and would resume next week.";
    for (int i = 0; i < 10; ++i) {
        learned.observe(article("Wire A", i, {quote, said}));
        learned.observe(article("Wire B", i, {quote, said}));
    }
    CHECK_FALSE(learned.is_boilerplate("Wire A", quote));
    CHECK_FALSE(learned.is_boilerplate("Wire B", said));
}

TEST_CASE("a paragraph shared by two outlets is counted per source", "[source_boilerplate]") {
    newsdex::SourceBoilerplate learned;
    const std::string shared = "Prices of rice rose again in Yangon markets this week.";
    for (int i = 0; i < 4; ++i) {
        learned.observe(article("Outlet One", i, {shared}));
        learned.observe(article("Outlet Two", i, {shared}));
    }
    CHECK_FALSE(learned.is_boilerplate("Outlet One", shared));  // 8 articles in all, 4 per source
    CHECK_FALSE(learned.is_boilerplate("Outlet Two", shared));
}

TEST_CASE("articles with no source never learn and identical copies count once", "[source_boilerplate]") {
    newsdex::SourceBoilerplate learned;
    for (int i = 0; i < 10; ++i) learned.observe(article("", i, {footer}));
    CHECK_FALSE(learned.is_boilerplate("", footer));
    CHECK(learned.article_count("") == 0);

    const newsdex::Article copy = article("Copier", 1, {footer});
    for (int i = 0; i < 10; ++i) learned.observe(copy);
    CHECK(learned.article_count("Copier") == 1);
    CHECK_FALSE(learned.is_boilerplate("Copier", footer));
}

TEST_CASE("long paragraphs and one-word lines are never learned", "[source_boilerplate]") {
    std::string long_paragraph;
    for (int w = 0; w < 41; ++w) long_paragraph += "word" + std::string(1, static_cast<char>('a' + w % 26)) + " ";
    newsdex::SourceBoilerplate learned;
    for (int i = 0; i < 10; ++i) learned.observe(article("Site", i, {long_paragraph, "Analysis"}));
    CHECK_FALSE(learned.is_boilerplate("Site", long_paragraph));
    CHECK_FALSE(learned.is_boilerplate("Site", "Analysis"));
}

TEST_CASE("a site name that ends most headlines of a site recurs", "[source_boilerplate]") {
    newsdex::SourceBoilerplate learned;
    for (int i = 0; i < 8; ++i) {
        newsdex::Article a = article("", i);
        a.url = "https://www.aun-news.org/2024/story-" + std::to_string(i);
        a.title = "Story number " + std::to_string(i) + (i < 6 ? " \u2014 AUN News" : " - what happens next");
        learned.observe(a);
    }
    newsdex::Article probe = article("", 99);
    probe.url = "https://aun-news.org/other";
    CHECK(learned.title_suffix_recurrence(probe, "AUN News") == std::optional<std::size_t>(6));
    CHECK_FALSE(learned.title_suffix_recurrence(probe, "what happens next"));  // 2 headlines only
    probe.url = "https://elsewhere.example/other";
    CHECK_FALSE(learned.title_suffix_recurrence(probe, "AUN News"));  // another site
}

TEST_CASE("source boilerplate observes from several threads and answers from several threads", "[source_boilerplate]") {
    newsdex::SourceBoilerplate learned;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&learned, t] {
            for (int i = 0; i < 50; ++i) learned.observe(article("Threaded", t * 50 + i, {footer}));
        });
    }
    for (std::thread& thread : threads) thread.join();
    CHECK(learned.article_count("Threaded") == 200);
    CHECK(learned.recurrence("Threaded", footer) == std::optional<std::size_t>(200));

    std::vector<int> answers(4, 0);
    threads.clear();
    for (std::size_t t = 0; t < answers.size(); ++t) {
        threads.emplace_back([&learned, &answers, t] {
            for (int i = 0; i < 200; ++i) answers[t] += learned.is_boilerplate("Threaded", footer) ? 1 : 0;
        });
    }
    for (std::thread& thread : threads) thread.join();
    CHECK(answers == std::vector<int>(4, 200));
}
