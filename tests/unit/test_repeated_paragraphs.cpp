#include "indexer/clean/repeated_paragraphs.hpp"

#include "tests/support/paths.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace {

/// The paragraphs of a plain-text article after its headline, split on blank lines.
std::vector<std::string> body_paragraphs(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::vector<std::string> paragraphs;
    std::string line;
    std::getline(in, line);  // headline
    std::string current;
    while (std::getline(in, line)) {
        if (line.empty()) {
            if (!current.empty()) paragraphs.push_back(current);
            current.clear();
        } else {
            current += current.empty() ? line : " " + line;
        }
    }
    if (!current.empty()) paragraphs.push_back(current);
    return paragraphs;
}

std::vector<std::size_t> repeat_indices(const std::vector<std::string>& paragraphs) {
    std::vector<std::size_t> indices;
    for (const newsdex::RepeatedParagraph& repeat : newsdex::find_repeated_paragraphs(paragraphs)) {
        indices.push_back(repeat.index);
    }
    return indices;
}

const std::string aide =
    "According to a presidential aide, Russia and Myanmar were in agreement on international and regional "
    "issues, that the SAC understood the reasons for Russia\u2019s \u201Cspecial military operation\u201D.";

}  // namespace

TEST_CASE("paragraph key keeps only lower-cased words", "[repeated_paragraphs]") {
    const std::vector<std::pair<std::string, std::string>> table = {
        {"It\u2019s  over!", "it s over"},
        {"it's over", "it s over"},
        {"\u201CS\u00E3o Paulo\u201D \u2014 2-0.", "sao paulo 2 0"},
        {"\u0419\u043E\u0448\u043A\u0430-\u041E\u043B\u0430", "\u0439\u043E\u0448\u043A\u0430 \u043E\u043B\u0430"},
        {"...", ""},
    };
    for (const auto& [text, key] : table) {
        INFO(text);
        CHECK(newsdex::paragraph_key(text) == key);
    }
}

TEST_CASE("repeated paragraphs: the seed 001 aide paragraph appears twice and the second goes", "[repeated_paragraphs][seeds]") {
    const auto paragraphs = body_paragraphs(newsdex::test::shared_corpus() / "seeds" / "001_644cae95aa9a28a1.txt");
    std::vector<std::size_t> aide_positions;
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        if (paragraphs[i].rfind("According to a presidential aide", 0) == 0) aide_positions.push_back(i);
    }
    REQUIRE(aide_positions.size() == 2);
    const auto repeats = newsdex::find_repeated_paragraphs(paragraphs);
    REQUIRE(repeats.size() == 1);
    CHECK(repeats[0].index == aide_positions[1]);
    CHECK(repeats[0].first_index == aide_positions[0]);
    CHECK(repeats[0].similarity == 1.0);
}

TEST_CASE("repeated paragraphs ignore case, punctuation, white space, quotes and accents", "[repeated_paragraphs]") {
    const std::vector<std::string> paragraphs = {
        aide,
        "A different paragraph about the junta and its friends in Moscow and Beijing this week.",
        "according to a presidential aide Russia and Myanmar were in agreement on international and regional "
        "issues that the SAC understood the reasons for Russia's \"special military operation\"",
        "ACCORDING TO A PRESIDENTIAL AIDE, RUSSIA AND MYANMAR WERE IN AGREEMENT ON INTERNATIONAL AND REGIONAL "
        "ISSUES, THAT THE SAC UNDERSTOOD THE REASONS FOR RUSSIA\u2019S \u201CSPECIAL MILITARY OPERATION.\u201D",
    };
    const auto repeats = newsdex::find_repeated_paragraphs(paragraphs);
    REQUIRE(repeats.size() == 2);
    CHECK(repeats[0].index == 2);
    CHECK(repeats[0].first_index == 0);
    CHECK(repeats[1].index == 3);
    CHECK(repeats[1].first_index == 0);
}

TEST_CASE("near repeats differ by at most two words with similarity of at least 0.9", "[repeated_paragraphs]") {
    // 20 words each; rows: (variant, is it a near repeat of the base?)
    const std::string base =
        "The two nations have recently created direct banking and financial channels to promote more significant "
        "bilateral trade between their capitals.";
    const std::vector<std::pair<std::string, bool>> table = {
        {"The two nations have recently created direct banking and financial channels to promote more significant "
         "bilateral trade between both capitals.",
         true},  // one word substituted
        {"The two nations have created direct banking and financial channels to promote more significant "
         "bilateral trade between their capitals.",
         true},  // one word deleted
        {"The two nations have recently created new direct banking and financial channels to promote much more "
         "significant bilateral trade between their capitals.",
         true},  // two words inserted
        {"Both nations have recently created direct banking and payment channels to promote more significant "
         "bilateral trade between our capitals.",
         false},  // three words changed
        {"The two nations have recently created direct banking and financial channels to promote more significant "
         "bilateral trade between their 2 capitals.",
         false},  // a number added: a different statement
    };
    for (const auto& [variant, repeat] : table) {
        INFO(variant);
        const auto repeats = newsdex::find_repeated_paragraphs(std::vector<std::string>{base, variant});
        CHECK(repeats.size() == (repeat ? 1U : 0U));
        if (repeat && !repeats.empty()) {
            CHECK(repeats[0].similarity >= 0.9);
            CHECK(repeats[0].similarity < 1.0);
        }
    }
}

TEST_CASE("near repeats of 15 to 19 words allow a single differing word", "[repeated_paragraphs]") {
    const std::string base = "Russia continues to be the main source of arms for the military of Myanmar today.";  // 15 words
    const std::string one = "Russia continues to be the main source of weapons for the military of Myanmar today.";
    const std::string two = "Russia continues to be the chief source of weapons for the military of Myanmar today.";
    CHECK(repeat_indices({base, one}) == std::vector<std::size_t>{1});
    CHECK(repeat_indices({base, two}).empty());
}

TEST_CASE("short lines may recur: headings, answers and fixture lists are kept", "[repeated_paragraphs][bbc]") {
    CHECK(repeat_indices({"Yes.", "Did he say that?", "Yes."}).empty());
    // BBC sport/190 lists "Winners meet in final match" three times, once per group.
    const auto paragraphs = body_paragraphs(newsdex::test::shared_corpus() / "bbc" / "sport" / "190.txt");
    REQUIRE(paragraphs.size() == 11);
    CHECK(repeat_indices(paragraphs).empty());
    // Eight words and more: an exact repeat.
    CHECK(repeat_indices({"Russia is the junta's primary source of weapons.", "Other text.",
                          "Russia is the junta\u2019s primary source of weapons!"}) == std::vector<std::size_t>{2});
}

TEST_CASE("paragraphs that share a length but not their words are not repeats", "[repeated_paragraphs]") {
    std::minstd_rand random(42);  // fixed seed: the same paragraphs every run
    std::vector<std::string> paragraphs;
    for (int i = 0; i < 200; ++i) {
        std::string paragraph;
        for (int w = 0; w < 20; ++w) {
            const auto n = random() % 676;  // two letters: no digits, so only the words decide
            paragraph += std::string{static_cast<char>('a' + n / 26), static_cast<char>('a' + n % 26), ' '};
        }
        paragraphs.push_back(paragraph);
    }
    CHECK(repeat_indices(paragraphs).empty());
    paragraphs.push_back(paragraphs[17]);
    CHECK(repeat_indices(paragraphs) == std::vector<std::size_t>{200});
}
