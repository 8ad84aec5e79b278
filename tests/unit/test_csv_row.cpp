// Issue 18: CSV records as RFC 4180 has them, read back by the tests' strict reader.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "searcher/render/csv_row.hpp"
#include "searcher/render/xml_text.hpp"
#include "tests/support/strict_csv.hpp"

using namespace newsdex;

TEST_CASE("csv fields are quoted only when they hold a comma, a quote or a line break", "[csv]") {
    struct Row {
        std::string field;
        std::string written;
    };
    const std::vector<Row> rows{
        {"plain", "plain"},
        {"", ""},
        {"a, b", "\"a, b\""},
        {"say \"hi\"", "\"say \"\"hi\"\"\""},
        {"two\nlines", "\"two\nlines\""},
        {"cr\rhere", "\"cr\rhere\""},
        {" leading space", " leading space"},
        {"Zürich — naïve", "Zürich — naïve"},
        {"'single'", "'single'"},
    };
    for (const Row& row : rows) {
        INFO(row.field);
        std::string out;
        append_csv_field(out, row.field);
        CHECK(out == row.written);
    }
}

TEST_CASE("csv records read back field for field with a strict reader", "[csv]") {
    const std::vector<std::vector<std::string>> records{
        {"id", "title", "body"},
        {"1", "Talks, at last: \"No deal\"", "First.\n\nSecond, \"quoted\"."},
        {"2", "", "\r\n"},
        {"3", "\"", ","},
    };
    std::string text;
    for (const auto& record : records) text += csv_row(record);
    CHECK(test::parse_strict_csv(text) == records);
}

TEST_CASE("the strict csv reader refuses what RFC 4180 does not allow", "[csv]") {
    for (const char* bad : {"a,b\n", "a,b", "a\"b,c\r\n", "\"a\"b,c\r\n", "\"open,c\r\n", "a,b\r\nc\r\n"}) {
        INFO(bad);
        CHECK_THROWS_AS(test::parse_strict_csv(bad), std::runtime_error);
    }
}

TEST_CASE("xml text escapes markup and drops the characters XML forbids", "[csv][xml]") {
    CHECK(xml_text("AT&T <b> \"q\" 'a'") == "AT&amp;T &lt;b&gt; &quot;q&quot; &apos;a&apos;");
    CHECK(xml_text(std::string("a\x01" "b\tc\nd\x1f", 8)) == "ab\tc\nd");
    CHECK(xml_text("Zürich") == "Zürich");
}
