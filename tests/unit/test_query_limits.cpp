// Bounds on a query's size (issue 21): what counts as a word, and the messages naming the flags.
#include <catch2/catch.hpp>

#include "common/errors.hpp"
#include "searcher/parse/query_limits.hpp"

using namespace newsdex;

TEST_CASE("query words are counted as runs of bytes between white space", "[query_limits]") {
    CHECK(query_word_count("") == 0);
    CHECK(query_word_count("   \t\n") == 0);
    CHECK(query_word_count("opec") == 1);
    CHECK(query_word_count("  opec  -saudi\t\"oil price\" ") == 4);
    CHECK(query_word_count("person:\"Sergei Lavrov\" AND title:war") == 4);
}

TEST_CASE("a query within the limits passes, and one over them names the limit and its flag", "[query_limits]") {
    SearchOptions options;
    options.max_query_bytes = 20;
    options.max_query_words = 3;
    CHECK_NOTHROW(check_query_limits("oil price opec", options));
    CHECK_NOTHROW(check_query_limits("exactly twenty bytes", options));
    CHECK_THROWS_AS(check_query_limits("twenty-one bytes long", options), UsageError);
    CHECK_THROWS_WITH(check_query_limits("twenty-one bytes long", options),
                      Catch::Contains("21 bytes") && Catch::Contains("at most 20") && Catch::Contains("--max-query-bytes"));
    CHECK_THROWS_WITH(check_query_limits("a b c d", options),
                      Catch::Contains("4 words") && Catch::Contains("at most 3") && Catch::Contains("--max-query-words"));
}
