// The index writer's in-memory filter of lookup terms: it may say "maybe" wrongly, never "no".
#include <catch2/catch.hpp>

#include <string>

#include "indexer/dedup/term_filter.hpp"

using newsdex::TermFilter;

TEST_CASE("a term filter never denies a term it was given, and rarely admits one it was not", "[term_filter]") {
    TermFilter filter;
    CHECK_FALSE(filter.may_contain("Qanything"));
    // Past the first generation's capacity (2^20 terms), so growth is exercised too.
    constexpr int added = 3'000'000;
    for (int i = 0; i < added; ++i) filter.add("XB" + std::to_string(i));
    int denied = 0;
    for (int i = 0; i < added; ++i) denied += filter.may_contain("XB" + std::to_string(i)) ? 0 : 1;
    CHECK(denied == 0);
    int admitted = 0;
    constexpr int others = 200'000;
    for (int i = 0; i < others; ++i) admitted += filter.may_contain("XH" + std::to_string(i)) ? 1 : 0;
    INFO("false positives: " << admitted << " of " << others);
    CHECK(admitted < others * 3 / 100);  // about 1% per generation, two generations here
}
