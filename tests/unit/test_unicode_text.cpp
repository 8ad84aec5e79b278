#include "common/unicode_text.hpp"

#include "tests/support/paths.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Row {
    std::string input;
    std::string expected;
};

std::size_t count_words(const std::string& text) {
    std::istringstream in(text);
    std::size_t words = 0;
    for (std::string word; in >> word;) ++words;
    return words;
}

}  // namespace

TEST_CASE("stored form decodes entities, drops invisible characters and collapses white space", "[unicode_text]") {
    const std::vector<Row> table = {
        {"Plain sentence.", "Plain sentence."},
        {"  padded \t and\n\nspread  ", "padded and spread"},
        {"a\u00A0b\u2009c\u3000d", "a b c d"},                         // NBSP, thin space, ideographic space
        {"zero\u200Bwidth\u200C \u200Djoin\u2060er\uFEFF", "zerowidth joiner"},
        {"soft\u00ADhyphen", "softhyphen"},
        {"bell\x07 and\x01 escape\x1B", "bell and escape"},
        {"C1\u0085next", "C1 next"},                                    // NEL is a line break
        {"Marsh &amp; McLennan&nbsp;&nbsp;Co", "Marsh & McLennan Co"},
        {"fianc&#233;e", "fianc\u00E9e"},
        {"e\u0301te\u0301", "\u00E9t\u00E9"},                           // NFC composes
        {"Myanmar\u2019s \u201Cfriend\u201D \u2014 ok", "Myanmar\u2019s \u201Cfriend\u201D \u2014 ok"},  // kept
        {"\u0419\u043E\u0448\u043A\u0430", "\u0419\u043E\u0448\u043A\u0430"},
        {"CASE Stays", "CASE Stays"},
        {" \t\n ", ""},
        {"", ""},
    };
    for (const Row& row : table) {
        INFO(row.input);
        CHECK(newsdex::normalize_stored(row.input) == row.expected);
    }
}

TEST_CASE("matching form folds quotes, dashes, Latin accents and compatibility forms", "[unicode_text]") {
    const std::vector<Row> table = {
        {"Myanmar\u2019s solidarity \u2014 AUN News", "Myanmar's solidarity - AUN News"},
        {"\u2018a\u2019 \u201Cb\u201D \u201Ec\u201F \u00ABd\u00BB \u2039e\u203A \u2032 \u2033", "'a' \"b\" \"c\" \"d\" 'e' ' \""},
        {"1\u20132 3\u20144 5\u20126 7\u20158 9\u221210 a\u2010b", "1-2 3-4 5-6 7-8 9-10 a-b"},
        {"S\u00E3o Paulo caf\u00E9 na\u00EFve", "Sao Paulo cafe naive"},
        {"\u00D8resund \u00F8l Stra\u00DFe \u1E9E", "Oresund ol Strasse SS"},
        {"\u00C6sir \u00E6ther \u0152uvre \u0153il", "AEsir aether OEuvre oeil"},
        {"\u0141\u00F3d\u017A \u0142za \u0110ak \u00F0 \u00DEor \u0131", "Lodz lza Dak d Thor i"},
        {"Nguy\u1EC5n T\u1EA5n D\u0169ng", "Nguyen Tan Dung"},
        {"e\u0301te\u0301 (decomposed)", "ete (decomposed)"},
        {"\uFB01nance \uFF21\uFF42\uFF43 \u2026 \u2122", "finance Abc ... TM"},
        {"a\u00A0b c\u200Bd", "a b cd"},
        // Non-Latin letters keep their marks: й stays й, Greek accents stay.
        {"\u0439 \u0419 \u0451 \u041C\u043E\u0441\u043A\u0432\u0430", "\u0439 \u0419 \u0451 \u041C\u043E\u0441\u043A\u0432\u0430"},
        {"\u0438\u0306", "\u0439"},                                   // decomposed й is recomposed
        {"\u03AC\u03BB\u03C6\u03B1", "\u03AC\u03BB\u03C6\u03B1"},
        {"\u1019\u103C\u1014\u103A\u1019\u102C", "\u1019\u103C\u1014\u103A\u1019\u102C"},  // Burmese
        {"\u4E2D\u6587 \uD55C\uAD6D\uC5B4", "\u4E2D\u6587 \uD55C\uAD6D\uC5B4"},
        // Spacing accents would decompose to space + mark: they are kept rather than split words.
        {"a\u00A8b", "a\u00A8b"},
    };
    for (const Row& row : table) {
        INFO(row.input);
        CHECK(newsdex::matching_form(row.input) == row.expected);
    }
}

TEST_CASE("matching form never changes letter case, so query operators survive", "[unicode_text]") {
    const std::vector<Row> table = {
        {"AND OR NOT NEAR", "AND OR NOT NEAR"},
        {"Russia AND \u00C9lys\u00E9e NOT Myanmar", "Russia AND Elysee NOT Myanmar"},
        {"\u00C9COLE \u00E9cole", "ECOLE ecole"},
        {"STRASSE Stra\u00DFe", "STRASSE Strasse"},
        {"\u0419\u041E \u0439\u043E", "\u0419\u041E \u0439\u043E"},
    };
    for (const Row& row : table) {
        INFO(row.input);
        CHECK(newsdex::matching_form(row.input) == row.expected);
    }
}

TEST_CASE("matching form keeps the number and order of words of every seed paragraph", "[unicode_text][seeds]") {
    std::size_t paragraphs = 0;
    for (const auto& entry : std::filesystem::directory_iterator(newsdex::test::shared_corpus() / "seeds")) {
        if (entry.path().extension() != ".txt") continue;
        std::ifstream in(entry.path());
        for (std::string line; std::getline(in, line);) {
            const std::string stored = newsdex::normalize_stored(line);
            if (stored.empty()) continue;
            ++paragraphs;
            const std::string folded = newsdex::matching_form(stored);
            INFO(stored);
            CHECK(count_words(folded) == count_words(stored));
            CHECK(newsdex::is_ascii(folded));  // the seeds hold only Latin text and punctuation
        }
    }
    CHECK(paragraphs > 100);
}

TEST_CASE("ASCII text comes back unchanged from the fast paths", "[unicode_text]") {
    const std::string text = "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn.";
    CHECK(newsdex::is_ascii(text));
    CHECK(newsdex::matching_form(text) == text);
    CHECK(newsdex::normalize_stored(text) == text);
    CHECK_FALSE(newsdex::is_ascii("caf\u00E9 is not ASCII but longer than eight bytes"));
    CHECK_FALSE(newsdex::is_ascii("\u00E9"));
}

TEST_CASE("case folding lower-cases for comparison keys", "[unicode_text]") {
    const std::vector<Row> table = {
        {"Share Post", "share post"},
        {"STRA\u00DFE", "strasse"},
        {"\u00C9COLE", "\u00E9cole"},
        {"\u0419\u041E", "\u0439\u043E"},
        {"\u03A3\u0391\u03A3", "\u03C3\u03B1\u03C3"},
    };
    for (const Row& row : table) {
        INFO(row.input);
        CHECK(newsdex::fold_case(row.input) == row.expected);
    }
}
