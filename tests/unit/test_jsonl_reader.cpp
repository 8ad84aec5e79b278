#include <catch2/catch.hpp>

#include <sstream>

#include "indexer/read/jsonl_reader.hpp"

using namespace newsdex;

namespace {

struct Read {
    std::vector<Article> articles;
    std::string diagnostics;
    std::size_t rejected = 0;
};

Read read_all(const std::string& text) {
    std::istringstream in(text);
    std::ostringstream sink;
    Diagnostics diagnostics("news-index", sink);
    JsonlReader reader(in, "in.jsonl", diagnostics);
    Read read;
    while (auto article = reader.next()) read.articles.push_back(std::move(*article));
    read.diagnostics = sink.str();
    read.rejected = diagnostics.rejected();
    return read;
}

}  // namespace

TEST_CASE("jsonl reader reads the documented fields and ignores unknown ones", "[reader]") {
    Read read = read_all(
        R"({"id": 7, "title": "T", "body": "p1\n\np2\nline3", "date": "2022-08-11", "source": "S", "author": "A", "url": "u", "lang": "en", "x": {"y": 1}})"
        "\n");
    REQUIRE(read.articles.size() == 1);
    const Article& a = read.articles[0];
    CHECK(a.id == "7");
    CHECK(a.title == "T");
    CHECK(a.paragraphs == std::vector<std::string>{"p1", "p2", "line3"});
    CHECK(a.date_text == "2022-08-11");
    CHECK(a.source == "S");
    CHECK(a.author == "A");
    CHECK(a.url == "u");
    CHECK(a.lang == "en");
    CHECK(a.origin.file == "in.jsonl");
    CHECK(a.origin.line == 1);
}

TEST_CASE("jsonl reader takes text when there is no body, and epoch numbers as dates", "[reader]") {
    Read read = read_all(R"({"title": "T", "text": "words", "date": 1660210200})" "\n");
    REQUIRE(read.articles.size() == 1);
    CHECK(read.articles[0].paragraphs == std::vector<std::string>{"words"});
    REQUIRE(read.articles[0].date_epoch);
    CHECK(*read.articles[0].date_epoch == 1660210200);
}

TEST_CASE("jsonl reader reports the line of a malformed record and goes on", "[reader]") {
    struct Case {
        std::string line;
        std::string message;
    };
    auto [line, message] = GENERATE(values<Case>({
        {R"({"title": "cut)", "malformed JSON"},
        {R"({"title": 5, "body": "b"})", "field \"title\" must be a string, not number"},
        {R"({"title": "t", "body": null})", "missing field \"body\" (or \"text\")"},
        {R"({"title": "t", "body": ["a"]})", "field \"body\" must be a string, not array"},
        {R"({"title": "t"})", "missing field \"body\" (or \"text\")"},
        {R"([1, 2])", "expected a JSON object, not array"},
        {R"({"title": "t", "body": "b", "date": true})", "field \"date\" must be a string or a number"},
        {std::string(100, '[') + std::string(100, ']'), "nested deeper than 64"},
    }));
    Read read = read_all("{\"title\": \"good\", \"body\": \"b\"}\n" + line + "\n{\"title\": \"after\", \"body\": \"b\"}\n");
    CHECK(read.articles.size() == 2);
    CHECK(read.rejected == 1);
    CHECK_THAT(read.diagnostics, Catch::StartsWith("news-index: in.jsonl:2: "));
    CHECK_THAT(read.diagnostics, Catch::Contains(message));
}

TEST_CASE("jsonl reader repairs invalid UTF-8 inside a record with a warning", "[reader]") {
    Read read = read_all("{\"title\": \"caf\xE9\", \"body\": \"b\"}\n");
    REQUIRE(read.articles.size() == 1);
    CHECK(read.articles[0].title == "caf\xEF\xBF\xBD");
    CHECK_THAT(read.diagnostics, Catch::Contains("in.jsonl:1: warning: invalid UTF-8"));
}
