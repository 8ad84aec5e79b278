#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "searcher/facets/string_interner.hpp"

using namespace newsdex;

TEST_CASE("the interner numbers distinct strings in order of first sight", "[interner]") {
    StringInterner interner;
    CHECK(interner.intern("2022-08") == std::pair<std::uint32_t, bool>{0, true});
    CHECK(interner.intern("unknown") == std::pair<std::uint32_t, bool>{1, true});
    CHECK(interner.intern("2022-08") == std::pair<std::uint32_t, bool>{0, false});
    CHECK(interner.intern("") == std::pair<std::uint32_t, bool>{2, true});
    CHECK(interner.intern("") == std::pair<std::uint32_t, bool>{2, false});
    CHECK(interner.intern(std::string("a\0b", 3)).second);
    CHECK_FALSE(interner.intern(std::string("a\0b", 3)).second);
    CHECK(interner.intern(std::string("a\0c", 3)).second);
    CHECK(interner.size() == 5);
    CHECK(interner.key(1) == "unknown");
    CHECK(interner.key(3) == std::string("a\0b", 3));
}

TEST_CASE("the interner keeps every key exact as it grows", "[interner]") {
    // Every length from 0 to 40 bytes (each branch of the hash), keys differing in one byte.
    std::vector<std::string> keys;
    for (std::size_t length = 0; length <= 40; ++length) {
        for (char c : std::string("abcdefghijklmnopqrstuvwxyz0123456789")) {
            for (std::size_t at = 0; at < length; at += 7) {
                std::string key(length, 'x');
                key[at] = c;
                keys.push_back(key);
            }
        }
    }
    for (int i = 0; i < 50000; ++i) keys.push_back("gen-" + std::to_string(i));

    StringInterner interner;
    std::vector<std::uint32_t> ids;
    std::size_t distinct = 0;
    for (const auto& key : keys) {
        auto [id, added] = interner.intern(key);
        if (added) {
            CHECK(id == distinct);
            ++distinct;
        }
        ids.push_back(id);
    }
    CHECK(interner.size() == distinct);
    for (std::size_t i = 0; i < keys.size(); ++i) {
        auto [id, added] = interner.intern(keys[i]);
        REQUIRE_FALSE(added);
        REQUIRE(id == ids[i]);
        REQUIRE(interner.key(id) == keys[i]);
    }
}
