#include "common/html_entities.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

TEST_CASE("html entity decoder turns named and numeric references into characters", "[html_entities]") {
    struct Row {
        std::string input;
        std::string expected;
    };
    const std::vector<Row> table = {
        {"no references at all", "no references at all"},
        {"Marsh &amp; McLennan", "Marsh & McLennan"},
        {"&lt;b&gt;bold&lt;/b&gt;", "<b>bold</b>"},
        {"&quot;quoted&quot; and &apos;single&apos;", "\"quoted\" and 'single'"},
        {"a&nbsp;b", "a\u00A0b"},
        {"Myanmar&rsquo;s &ldquo;friend&rdquo; &mdash; Russia &ndash; 2022&hellip;",
         "Myanmar\u2019s \u201Cfriend\u201D \u2014 Russia \u2013 2022\u2026"},
        {"&lsquo;quote&rsquo; &bdquo;Zitat&ldquo; &laquo;citation&raquo;",
         "\u2018quote\u2019 \u201EZitat\u201C \u00ABcitation\u00BB"},
        {"caf&eacute; S&atilde;o Paulo &Oslash;resund Stra&szlig;e", "caf\u00E9 S\u00E3o Paulo \u00D8resund Stra\u00DFe"},
        {"&euro;5 &pound;6 &copy; &trade; &deg;C", "\u20AC5 \u00A36 \u00A9 \u2122 \u00B0C"},
        {"&Omega; &alpha;&beta;", "\u03A9 \u03B1\u03B2"},
        {"fianc&#233;e", "fianc\u00E9e"},        // as in BBC politics/174
        {"pass&#233;.", "pass\u00E9."},          // as in BBC tech/161
        {"it&#8217;s", "it\u2019s"},
        {"it&#x2019;s &#X2019;", "it\u2019s \u2019"},
        {"&#146;Windows-1252&#148;", "\u2019Windows-1252\u201D"},
        {"&#65;&#x42;", "AB"},
        {"&#0; &#xD800; &#1114112;", "\uFFFD \uFFFD \uFFFD"},
        {"&#128512;", "\U0001F600"},
    };
    for (const Row& row : table) {
        INFO(row.input);
        CHECK(newsdex::decode_html_entities(row.input) == row.expected);
    }
}

TEST_CASE("html entity decoder leaves anything it does not know as written", "[html_entities]") {
    const std::vector<std::string> unchanged = {
        "AT&T and R&D",        // bare ampersands
        "&bogus; &Amp;",       // unknown names (names are case-sensitive)
        "&amp no semicolon",   // a reference must end with ';'
        "&#; &#x; &#xZZ;",     // numeric references without digits
        "&#12a;",              // a decimal reference with a letter
        "&;",                  // empty name
        "trailing &",
    };
    for (const std::string& text : unchanged) {
        INFO(text);
        CHECK(newsdex::decode_html_entities(text) == text);
    }
}

TEST_CASE("html entity decoder decodes one level only", "[html_entities]") {
    CHECK(newsdex::decode_html_entities("&amp;lt;") == "&lt;");
    CHECK(newsdex::decode_html_entities("&amp;amp;") == "&amp;");
}
