// The readers under hostile input (hardening issue): bounded lines, size and paragraph limits,
// binary and UTF-16 files, and the JSON Lines edge cases.
#include <catch2/catch.hpp>

#include <sstream>

#include "indexer/read/jsonl_reader.hpp"
#include "indexer/read/record_fields.hpp"
#include "indexer/read/text_reader.hpp"

using namespace newsdex;
using namespace std::string_literals;

namespace {

struct Lines {
    std::vector<std::string> lines;
    std::vector<bool> truncated;
    std::size_t consumed = 0;
};

Lines read_lines(const std::string& text, std::size_t max_bytes) {
    std::istringstream in(text);
    Lines read;
    std::string line;
    bool truncated = false;
    while (std::size_t n = read_bounded_line(in, line, max_bytes, truncated)) {
        read.lines.push_back(line);
        read.truncated.push_back(truncated);
        read.consumed += n;
    }
    return read;
}

struct Read {
    std::vector<Article> articles;
    std::string diagnostics;
    std::size_t rejected = 0;
    std::size_t warnings = 0;
};

Read read_jsonl(const std::string& text, ReaderLimits limits = {}) {
    std::istringstream in(text);
    std::ostringstream sink;
    Diagnostics diagnostics("news-index", sink);
    JsonlReader reader(in, "in.jsonl", diagnostics, limits);
    Read read;
    while (auto article = reader.next()) read.articles.push_back(std::move(*article));
    read.diagnostics = sink.str();
    read.rejected = diagnostics.rejected();
    read.warnings = diagnostics.warnings();
    return read;
}

Read read_text(const std::string& bytes, ReaderLimits limits = {}) {
    std::ostringstream sink;
    Diagnostics diagnostics("news-index", sink);
    Read read;
    if (auto article = read_text_article(bytes, {"a.txt", 0}, diagnostics, limits)) read.articles.push_back(*article);
    read.diagnostics = sink.str();
    read.rejected = diagnostics.rejected();
    read.warnings = diagnostics.warnings();
    return read;
}

std::string utf16le(const std::string& ascii) {
    std::string bytes = "\xFF\xFE";
    for (char c : ascii) {
        bytes += c;
        bytes += '\0';
    }
    return bytes;
}

}  // namespace

TEST_CASE("bounded line reader splits lines and keeps at most its bound of each", "[reader][limits]") {
    struct Case {
        std::string text;
        std::size_t max_bytes;
        std::vector<std::string> lines;
        std::vector<bool> truncated;
    };
    auto [text, max_bytes, lines, truncated] = GENERATE(values<Case>({
        {"", 10, {}, {}},
        {"a\nbb\n", 10, {"a", "bb"}, {false, false}},
        {"a\nbb", 10, {"a", "bb"}, {false, false}},
        {"\n\n", 10, {"", ""}, {false, false}},
        {"abcdef\nxy\n", 3, {"abc", "xy"}, {true, false}},
        {"abc\n", 3, {"abc"}, {false}},
        {"abcd", 3, {"abc"}, {true}},
        {"a\r\nb\r\n", 10, {"a\r", "b\r"}, {false, false}},
    }));
    Lines read = read_lines(text, max_bytes);
    CHECK(read.lines == lines);
    CHECK(read.truncated == truncated);
    CHECK(read.consumed == text.size());
}

TEST_CASE("bounded line reader reads lines far longer than its buffer, keeping only the bound", "[reader][limits]") {
    const std::string long_line(300'000, 'x');
    Lines read = read_lines("first\n" + long_line + "\nlast\n", 100'000);
    REQUIRE(read.lines.size() == 3);
    CHECK(read.lines[1].size() == 100'000);
    CHECK(read.truncated == std::vector<bool>{false, true, false});
    CHECK(read.lines[2] == "last");

    Lines whole = read_lines(long_line + "\n", 1'000'000);
    CHECK(whole.lines == std::vector<std::string>{long_line});
    CHECK(whole.consumed == long_line.size() + 1);
}

TEST_CASE("jsonl reader rejects a line over --max-article-bytes and reads the next one", "[reader][limits]") {
    const std::string big = R"({"title": "big", "body": ")" + std::string(5000, 'w') + "\"}";
    Read read = read_jsonl("{\"title\": \"a\", \"body\": \"b\"}\n" + big + "\n{\"title\": \"c\", \"body\": \"d\"}\n",
                           {1000, 10});
    CHECK(read.articles.size() == 2);
    CHECK(read.rejected == 1);
    CHECK(read.diagnostics == "news-index: in.jsonl:2: record larger than 1000 bytes (--max-article-bytes)\n");
}

TEST_CASE("jsonl reader keeps the first --max-paragraphs lines of a body with one warning", "[reader][limits]") {
    std::string body;
    for (int i = 0; i < 25; ++i) body += "line " + std::to_string(i) + "\\n";
    Read read = read_jsonl("{\"title\": \"t\", \"body\": \"" + body + "\"}\n", {1 << 20, 10});
    REQUIRE(read.articles.size() == 1);
    CHECK(read.articles[0].paragraphs.size() == 10);
    CHECK(read.articles[0].paragraphs.back() == "line 9");
    CHECK(read.diagnostics == "news-index: in.jsonl:1: warning: 25 paragraphs; only the first 10 are kept "
                              "(--max-paragraphs)\n");
}

TEST_CASE("jsonl reader rejects a binary or UTF-16 stream once and reads no further", "[reader]") {
    struct Case {
        std::string bytes;
        std::string message;
    };
    auto [bytes, message] = GENERATE(values<Case>({
        {std::string(100, '\0') + "\n{\"title\": \"t\", \"body\": \"b\"}\n", "in.jsonl:1: binary file (NUL bytes)"},
        {utf16le("{\"title\": \"t\", \"body\": \"b\"}\n{\"title\": \"t\", \"body\": \"b\"}\n"), "in.jsonl:1: UTF-16 text"},
    }));
    Read read = read_jsonl(bytes);
    CHECK(read.articles.empty());
    CHECK(read.rejected == 1);
    CHECK_THAT(read.diagnostics, Catch::StartsWith("news-index: " + message));
}

TEST_CASE("jsonl reader handles the hostile record forms", "[reader]") {
    struct Case {
        std::string line;
        std::size_t articles;
        std::size_t rejected;
        std::size_t warnings;
        std::string message;
    };
    auto [line, articles, rejected, warnings, message] = GENERATE(values<Case>({
        {R"({"title": "a", "title": "b", "body": "x"})", 1, 0, 1, "duplicate key \"title\": the last value is used"},
        {R"({"title": "t", "body": "b", "x": 1, "x": 2})", 1, 0, 0, ""},
        {R"({"title": "t", "body": "b", "date": 1e300})", 1, 0, 0, ""},
        {R"({"title": "t", "body": "b", "date": -1e300})", 1, 0, 0, ""},
        {R"({"title": "t", "body": "b", "date": "9999-99-99"})", 1, 0, 0, ""},
        {R"({"title": " ", "body": "\n \n"})", 0, 1, 0, "no text: the title and the body are empty"},
        {R"({"title": "headline only", "body": ""})", 1, 0, 0, ""},
        {"{\"title\": \"t\", \"body\": \"a\0b\"}"s, 0, 1, 0, "binary data (NUL byte) in the record"},
        {"{\"title\": \"a\", \"body\": \"b\"}\r{\"title\": \"c\", \"body\": \"d\"}", 0, 1, 0, "not a lone CR"},
        {std::string(200'000, '['), 0, 1, 0, "nested deeper than 64"},
    }));
    // A first line keeps the stream from being taken as binary when the case holds a NUL.
    Read read = read_jsonl("{\"title\": \"first\", \"body\": \"b\"}\n" + line + "\n");
    CHECK(read.articles.size() == articles + 1);
    CHECK(read.rejected == rejected);
    CHECK(read.warnings == warnings);
    if (!message.empty()) CHECK_THAT(read.diagnostics, Catch::Contains("in.jsonl:2: ") && Catch::Contains(message));
}

TEST_CASE("jsonl reader keeps the last value of a repeated key and makes absurd dates date text", "[reader]") {
    Read read = read_jsonl("{\"title\": \"a\", \"title\": \"b\", \"body\": \"x\", \"date\": 1e300}\n");
    REQUIRE(read.articles.size() == 1);
    CHECK(read.articles[0].title == "b");
    CHECK(read.articles[0].date_text == "1e+300");
    CHECK_FALSE(read.articles[0].date_epoch);
}

TEST_CASE("jsonl reader warns about an empty file", "[reader]") {
    Read read = read_jsonl("");
    CHECK(read.diagnostics == "news-index: in.jsonl: warning: empty file: no records\n");
    CHECK(read_jsonl("\n\n").diagnostics.empty());
}

TEST_CASE("text reader rejects binary files and keeps text with a few bad bytes", "[reader]") {
    struct Case {
        std::string bytes;
        bool kept;
        std::string message;
    };
    std::string noise;
    for (int i = 0; i < 1000; ++i) noise += static_cast<char>(1 + (i * 37) % 255);
    auto [bytes, kept, message] = GENERATE_COPY(values<Case>({
        {std::string(64, '\0'), false, "a.txt: binary file (contains NUL bytes)"},
        {"Title\n\nText with a NUL \0 inside."s, false, "a.txt: binary file (contains NUL bytes)"},
        {noise, false, "a.txt: binary file ("},
        {"Caf\xE9\n\nText in Latin-1, na\xEFve and all.\n", true, "a.txt: warning: invalid UTF-8 at byte 3 (and 1 more)"},
        {"Title\n\nEscape \x1b[1mbold\x1b[0m and a bell \a.\n", true, ""},
    }));
    Read read = read_text(bytes);
    CHECK(read.articles.size() == (kept ? 1u : 0u));
    CHECK(read.rejected == (kept ? 0u : 1u));
    if (!message.empty()) CHECK_THAT(read.diagnostics, Catch::StartsWith("news-index: " + message));
}

TEST_CASE("text reader decodes UTF-16 with a byte order mark", "[reader]") {
    const std::string big_endian = "\xFE\xFF\0T\0i\0t\0l\0e\0\n\0\n\0c\0\xE9\xD8\x3D\xDE\x00\0\n"s;
    for (const std::string& bytes : {utf16le("Title\r\n\r\nBody text.\r\n"), big_endian}) {
        Read read = read_text(bytes);
        REQUIRE(read.articles.size() == 1);
        CHECK(read.articles[0].title == "Title");
        CHECK(read.diagnostics.empty());
    }
    CHECK(read_text(big_endian).articles[0].paragraphs == std::vector<std::string>{"c\xC3\xA9\xF0\x9F\x98\x80"});

    Read lone = read_text("\xFF\xFE" "T\0i\0\n\0\n\0\x00\xD8x\0"s);
    REQUIRE(lone.articles.size() == 1);
    CHECK(lone.articles[0].paragraphs == std::vector<std::string>{"\xEF\xBF\xBDx"});
    CHECK(lone.diagnostics == "news-index: a.txt: warning: invalid UTF-16 at byte 10, replaced with U+FFFD\n");
}

TEST_CASE("text reader keeps the first --max-paragraphs paragraphs with one warning", "[reader][limits]") {
    std::string text = "Headline\n\n";
    for (int i = 0; i < 30; ++i) text += "Paragraph " + std::to_string(i) + "\nwith two lines.\n\n";
    Read read = read_text(text, {1 << 20, 12});
    REQUIRE(read.articles.size() == 1);
    CHECK(read.articles[0].paragraphs.size() == 12);
    CHECK(read.articles[0].paragraphs.back() == "Paragraph 11\nwith two lines.");
    CHECK(read.diagnostics ==
          "news-index: a.txt: warning: 30 paragraphs; only the first 12 are kept (--max-paragraphs)\n");
}

TEST_CASE("text reader rejects an article over --max-article-bytes", "[reader][limits]") {
    Read read = read_text("Title\n\n" + std::string(2000, 'x'), {1000, 10});
    CHECK(read.articles.empty());
    CHECK(read.diagnostics == "news-index: a.txt: article larger than 1000 bytes (--max-article-bytes)\n");
}

TEST_CASE("split_body_lines counts every paragraph but keeps at most the limit", "[reader][limits]") {
    std::vector<std::string> paragraphs;
    CHECK(split_body_lines("a\n\nb\r\nc\rd\n \n", paragraphs, 3) == 4);
    CHECK(paragraphs == std::vector<std::string>{"a", "b", "c"});
}
