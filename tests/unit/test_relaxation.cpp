// Issue 17: relaxed matching ranks by the number of query words a document holds, then BM25.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "common/analyzer.hpp"
#include "searcher/match/coverage_weight.hpp"
#include "searcher/match/relaxation.hpp"
#include "tests/support/temp_dir.hpp"

using namespace newsdex;

namespace {

// An index of one document per text, with the id as its data.
Xapian::Database index_of(const test::TempDir& dir, const std::vector<std::pair<std::string, std::string>>& texts) {
    Xapian::WritableDatabase db(dir.path().string(), Xapian::DB_CREATE);
    Xapian::TermGenerator generator = make_term_generator("en");
    for (const auto& [id, text] : texts) {
        Xapian::Document document;
        generator.set_document(document);
        generator.index_text(text);
        document.set_data(id);
        db.add_document(document);
    }
    db.commit();
    return Xapian::Database(dir.path().string());
}

std::vector<Xapian::Query> words(std::initializer_list<const char*> stems) {
    std::vector<Xapian::Query> out;
    for (const char* stem : stems) out.emplace_back(std::string("Z") + stem);
    return out;
}

}  // namespace

TEST_CASE("a coverage weight is the number of words held times a constant, plus BM25", "[relaxation]") {
    test::TempDir dir;
    Xapian::Database db = index_of(dir, {{"three", "oil price falls again"}, {"two", "oil price rises"},
                                         {"one", "oil oil oil oil"}, {"none", "gold rises"}});
    const Xapian::Query query = relaxed_query(words({"oil", "price", "fall"}), Xapian::Query());
    Xapian::Enquire covered(db), bm25(db);
    covered.set_query(query);
    covered.set_weighting_scheme(CoverageWeight());
    bm25.set_query(query);
    std::map<std::string, double> plain;
    Xapian::MSet reference = bm25.get_mset(0, 10);
    for (auto it = reference.begin(); it != reference.end(); ++it) plain[it.get_document().get_data()] = it.get_weight();

    Xapian::MSet ranked = covered.get_mset(0, 10);
    std::vector<std::string> order;
    for (auto it = ranked.begin(); it != ranked.end(); ++it) {
        const std::string id = it.get_document().get_data();
        order.push_back(id);
        INFO(id);
        CHECK(bm25_in_weight(it.get_weight()) == Approx(plain[id]).epsilon(1e-9));
    }
    // More words first, whatever BM25 says of "oil oil oil oil".
    CHECK(order == std::vector<std::string>{"three", "two", "one"});
    CHECK(words_in_weight(ranked.begin().get_weight()) == 3);

    // A cutoff keeps the documents with enough words.
    covered.set_cutoff(0, min_weight_for_words(2));
    CHECK(covered.get_mset(0, 10).size() == 2);
}

TEST_CASE("relaxation asks for as many words as the wanted-th best result holds, at least half", "[relaxation]") {
    test::TempDir dir;
    Xapian::Database db = index_of(dir, {{"a", "alpha beta gamma delta"}, {"b", "alpha beta gamma"},
                                         {"c", "alpha beta gamma"}, {"d", "alpha beta"}, {"e", "alpha"}});
    const auto four = words({"alpha", "beta", "gamma", "delta", "epsilon"});
    const Xapian::Query query = relaxed_query(four, Xapian::Query());
    CHECK(least_words(5) == 3);
    CHECK(least_words(2) == 1);
    CHECK(choose_min_words(db, query, 5, false, 3).value_or(0) == 3);  // a, b, c hold 3 or more
    CHECK(choose_min_words(db, query, 5, false, 1).value_or(0) == 4);  // a holds 4 of 5: never all
    CHECK(choose_min_words(db, query, 5, false, 5).value_or(0) == 3);  // never fewer than half
    CHECK_FALSE(choose_min_words(db, relaxed_query(words({"zeta", "eta"}), Xapian::Query()), 2, false, 3));
    // Filters narrow without weighing.
    const Xapian::Query only_e = relaxed_query(four, Xapian::Query(Xapian::Query::OP_VALUE_GE, 0, "z"));
    CHECK_FALSE(choose_min_words(db, only_e, 5, false, 3));
}

TEST_CASE("among documents with every word, the proximity boost puts those with the words together first",
          "[relaxation]") {
    test::TempDir dir;
    Xapian::Database db = index_of(dir, {{"apart", "prime time for the minister of the office, prime time"},
                                         {"together", "the prime minister spoke"}, {"one", "prime"}});
    const auto both = words({"prime", "minist"});
    const std::vector<std::string> terms{"Zprime", "Zminist"};
    const Xapian::Query boost(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), 2);
    Xapian::Enquire enquire(db);
    enquire.set_query(relaxed_query(both, Xapian::Query(), boost));
    enquire.set_weighting_scheme(CoverageWeight());
    Xapian::MSet ranked = enquire.get_mset(0, 10);
    REQUIRE(ranked.size() == 3);
    CHECK(ranked.begin().get_document().get_data() == "together");
    CHECK(words_in_weight(ranked.begin().get_weight()) == 2);
    CHECK(words_in_weight((ranked.begin() + 2).get_weight()) == 1);
}
