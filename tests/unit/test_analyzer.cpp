// The analyser both programs share: the index form of text and the languages it stems.
#include <catch2/catch.hpp>

#include "common/analyzer.hpp"

using namespace newsdex;

TEST_CASE("issue 17: the index form puts initialisms written in small letters in capitals", "[analyzer]") {
    struct Row {
        const char* text;
        const char* indexed;
    };
    for (auto [text, indexed] : {Row{"the u.s. plan", "the U.S. plan"}, Row{"u.s", "U.S"}, Row{"U.S.", "U.S."},
                                 Row{"e.g. this", "E.G. this"}, Row{"x.y.z. end", "X.Y.Z. end"},
                                 Row{"u.s.-led talks", "U.S.-led talks"}, Row{"the u.n.'s envoy", "the U.N.'s envoy"},
                                 // Not initialisms: numbers, domains, words with dots, a lone letter.
                                 Row{"3.5 pct", "3.5 pct"}, Row{"bbc.co.uk", "bbc.co.uk"}, Row{"abc.de", "abc.de"},
                                 Row{"ab.c", "ab.c"}, Row{"a. b.", "a. b."}, Row{"plan a.", "plan a."},
                                 // The matching form still applies: quotes, dashes, accents.
                                 Row{"São Paulo’s u.s. office", "Sao Paulo's U.S. office"}}) {
        INFO(text);
        CHECK(index_form(text) == indexed);
    }
}

TEST_CASE("issue 17: a language is known by its code, with or without a region, or its stemmer's name",
          "[analyzer]") {
    for (const char* known : {"en", "fr", "pt-BR", "de_AT", "english", "RU"}) {
        INFO(known);
        CHECK(is_known_language(known));
    }
    for (const char* unknown : {"xx", "", "klingon", "e"}) {
        INFO(unknown);
        CHECK_FALSE(is_known_language(unknown));
    }
    CHECK_THAT(known_languages(), Catch::StartsWith("ar, hy, "));
}
