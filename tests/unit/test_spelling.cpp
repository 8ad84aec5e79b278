// Issue "Search experience": spelling suggestions from the index's own vocabulary.
#include <catch2/catch.hpp>

#include "common/analyzer.hpp"
#include "common/schema.hpp"
#include "searcher/spelling/spelling.hpp"
#include "tests/support/temp_dir.hpp"

using namespace newsdex;

namespace {

std::u32string u32(std::string_view utf8) {
    std::u32string out;
    for (Xapian::Utf8Iterator it(utf8.data(), utf8.size()); it != Xapian::Utf8Iterator(); ++it) out += static_cast<char32_t>(*it);
    return out;
}

// A small index whose words occur in `frequency` documents each.
Xapian::Database vocabulary(const test::TempDir& dir, const std::vector<std::pair<std::string, int>>& words) {
    Xapian::WritableDatabase db(dir.path().string(), Xapian::DB_CREATE);
    Xapian::TermGenerator generator = make_term_generator("en");
    for (const auto& [word, frequency] : words) {
        for (int i = 0; i < frequency; ++i) {
            Xapian::Document document;
            generator.set_document(document);
            generator.index_text(word);
            // The corrector reads written forms from the stored text, as the indexer stores it.
            schema::StoredArticle stored;
            stored.id = word + std::to_string(i);
            stored.paragraphs = {word};
            document.set_data(schema::encode(stored));
            db.add_document(document);
        }
    }
    db.commit();
    return Xapian::Database(dir.path().string());
}

}  // namespace

TEST_CASE("edit distance counts insertions, deletions, substitutions and swaps", "[spelling]") {
    struct Row {
        const char* a;
        const char* b;
        unsigned distance;
    };
    for (auto [a, b, distance] : {Row{"government", "government", 0}, Row{"governmnet", "government", 1},
                                  Row{"vladivostk", "vladivostok", 1}, Row{"gouvernment", "government", 1},
                                  Row{"stike", "strike", 1}, Row{"stike", "state", 2}, Row{"abc", "cab", 2},
                                  Row{"münchen", "munchen", 1}, Row{"", "abc", 3}}) {
        INFO(a << " / " << b);
        CHECK(edit_distance(u32(a), u32(b), 5) == distance);
        CHECK(edit_distance(u32(b), u32(a), 5) == distance);
    }
    CHECK(edit_distance(u32("completely"), u32("different"), 2) == 3);
}

TEST_CASE("a misspelt word is corrected to a close, more frequent index word", "[spelling]") {
    test::TempDir dir;
    Xapian::Database db = vocabulary(dir, {{"government", 20}, {"governor", 8}, {"strike", 6}, {"state", 40},
                                           {"governmet", 1}, {"the", 30}, {"then", 3}});
    SpellingCorrector corrector(db, Xapian::Stem("english"));
    struct Row {
        const char* typed;
        const char* expected;  // empty: no correction
    };
    for (auto [typed, expected] : {Row{"governmnet", "government"}, Row{"Governmnet", "government"},
                                   Row{"stike", "strike"},       // 1 edit beats the more frequent "state" at 2
                                   Row{"governmen", "government"},  // the corpus typo "governmet" is too rare
                                   Row{"government", ""},        // known words stay
                                   Row{"teh", "the"}, Row{"tehn", "then"}, Row{"xylophone", ""},
                                   Row{"te", ""},               // too short to correct
                                   Row{"thxx", ""}}) {          // 4 letters: at most 1 edit ("the", "then" are 2)
        INFO(typed);
        auto corrected = corrector.correct_word(typed);
        CHECK(corrected.value_or("") == expected);
    }
}

TEST_CASE("a query is corrected word by word, leaving operators and fields alone", "[spelling]") {
    test::TempDir dir;
    Xapian::Database db = vocabulary(dir, {{"government", 20}, {"strike", 6}});
    SpellingCorrector corrector(db, Xapian::Stem("english"));
    CHECK(corrector.correct_query("Governmnet stike").value_or("") == "Government strike");
    CHECK(corrector.correct_query("governmnet AND source:stike").value_or("") == "government AND source:stike");
    CHECK(corrector.correct_query("\"governmnet stike\"").value_or("") == "\"government strike\"");
    CHECK_FALSE(corrector.correct_query("government strike"));
    CHECK_FALSE(corrector.correct_query("stik* governmnet2"));
}
