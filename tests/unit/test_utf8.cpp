#include "common/utf8.hpp"

#include "tests/support/paths.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const std::string fffd = "\xEF\xBF\xBD";

}  // namespace

TEST_CASE("utf8 repair replaces each maximal ill-formed subpart with one U+FFFD and reports its offset", "[utf8]") {
    struct Row {
        std::string input;
        std::string text;
        std::vector<std::size_t> offsets;
    };
    const std::vector<Row> table = {
        {"plain ASCII", "plain ASCII", {}},
        {"caf\xC3\xA9 \xE2\x80\x99 \xF0\x9F\x98\x80", "caf\xC3\xA9 \xE2\x80\x99 \xF0\x9F\x98\x80", {}},
        {"a \xA3" "15.8m", "a " + fffd + "15.8m", {2}},                  // Latin-1 pound sign
        {"x\x80y", "x" + fffd + "y", {1}},                                // stray continuation byte
        {"x\x80\x80y", "x" + fffd + fffd + "y", {1, 2}},                  // each stray byte
        {"x\xE2\x80y", "x" + fffd + "y", {1}},                            // truncated 3-byte sequence
        {"end\xE2\x80", "end" + fffd, {3}},                               // truncated at the end
        {"\xC0\xAF", fffd + fffd, {0, 1}},                                // overlong '/'
        {"\xE0\x80\xAF", fffd + fffd + fffd, {0, 1, 2}},                  // overlong, 3 bytes
        {"\xED\xA0\x80", fffd + fffd + fffd, {0, 1, 2}},                  // surrogate U+D800
        {"\xF4\x90\x80\x80", fffd + fffd + fffd + fffd, {0, 1, 2, 3}},    // above U+10FFFF
        {"\xF5\x80", fffd + fffd, {0, 1}},                                // invalid lead byte
        {"\xFF", fffd, {0}},
        {"\xF0\x9F\x98", fffd, {0}},                                      // truncated 4-byte sequence
    };
    for (const Row& row : table) {
        const newsdex::Utf8Repair repaired = newsdex::repair_utf8(row.input);
        INFO("input of " << row.input.size() << " bytes: " << row.input);
        CHECK(repaired.text == row.text);
        CHECK(repaired.bad_offsets == row.offsets);
        CHECK_FALSE(repaired.had_bom);
        CHECK(newsdex::is_valid_utf8(repaired.text));
        CHECK(newsdex::is_valid_utf8(row.input) == row.offsets.empty());
    }
}

TEST_CASE("utf8 repair drops a leading BOM but keeps one inside the text", "[utf8]") {
    const newsdex::Utf8Repair repaired = newsdex::repair_utf8("\xEF\xBB\xBFHeadline\xEF\xBB\xBF");
    CHECK(repaired.had_bom);
    CHECK(repaired.text == "Headline\xEF\xBB\xBF");
    CHECK(repaired.bad_offsets.empty());

    const newsdex::Utf8Repair with_bad_byte = newsdex::repair_utf8("\xEF\xBB\xBF" "a\xA3");
    CHECK(with_bad_byte.had_bom);
    CHECK(with_bad_byte.text == "a" + fffd);
    CHECK(with_bad_byte.bad_offsets == std::vector<std::size_t>{4});  // offsets count the BOM
}

TEST_CASE("utf8 repair finds the stray Latin-1 byte in BBC sport/199", "[utf8][bbc]") {
    const std::string bytes = read_bytes(newsdex::test::shared_corpus() / "bbc" / "sport" / "199.txt");
    REQUIRE(bytes.size() > 1000);
    REQUIRE_FALSE(newsdex::is_valid_utf8(bytes));

    const newsdex::Utf8Repair repaired = newsdex::repair_utf8(bytes);
    CHECK(repaired.bad_offsets == std::vector<std::size_t>{257});
    CHECK(repaired.text.size() == bytes.size() + 2);  // one byte became three
    CHECK(repaired.text.find("Mutu, a " + fffd + "15.8m signing from Parma") != std::string::npos);
    CHECK(newsdex::is_valid_utf8(repaired.text));
}

TEST_CASE("utf8 repair passes the valid seed articles through unchanged", "[utf8][seeds]") {
    for (const auto& entry : std::filesystem::directory_iterator(newsdex::test::shared_corpus() / "seeds")) {
        if (entry.path().extension() != ".txt") continue;
        const std::string bytes = read_bytes(entry.path());
        const newsdex::Utf8Repair repaired = newsdex::repair_utf8(bytes);
        INFO(entry.path().filename().string());
        CHECK(repaired.text == bytes);
        CHECK(repaired.bad_offsets.empty());
    }
}
