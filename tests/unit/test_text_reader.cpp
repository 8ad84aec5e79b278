#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "indexer/read/text_reader.hpp"
#include "tests/support/paths.hpp"

using namespace newsdex;

namespace {

std::string file_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace

TEST_CASE("text reader takes the first non-empty line as the headline and splits paragraphs on blank lines",
          "[reader]") {
    std::ostringstream sink;
    Diagnostics diagnostics("news-index", sink);
    auto article = read_text_article("\n\n  Headline here  \nFirst line\nstill first\n\n\nSecond\n", {"a.txt", 0}, diagnostics);
    REQUIRE(article);
    CHECK(article->title == "Headline here");
    REQUIRE(article->paragraphs.size() == 2);
    CHECK(article->paragraphs[0] == "First line\nstill first");
    CHECK(article->paragraphs[1] == "Second");
    CHECK(sink.str().empty());
}

TEST_CASE("text reader accepts CRLF and lone CR line ends", "[reader]") {
    std::ostringstream sink;
    Diagnostics diagnostics("news-index", sink);
    auto crlf = read_text_article("Title\r\n\r\nOne\r\n\r\nTwo\r\n", {"a.txt", 0}, diagnostics);
    auto cr = read_text_article("Title\r\rOne\r\rTwo\r", {"b.txt", 0}, diagnostics);
    for (const auto& article : {crlf, cr}) {
        REQUIRE(article);
        CHECK(article->title == "Title");
        CHECK(article->paragraphs == std::vector<std::string>{"One", "Two"});
    }
}

TEST_CASE("text reader rejects a file with no text", "[reader]") {
    std::ostringstream sink;
    Diagnostics diagnostics("news-index", sink);
    CHECK_FALSE(read_text_article("", {"empty.txt", 0}, diagnostics));
    CHECK_FALSE(read_text_article(" \n\t\n", {"blank.txt", 0}, diagnostics));
    CHECK(diagnostics.rejected() == 2);
    CHECK_THAT(sink.str(), Catch::StartsWith("news-index: empty.txt: no text"));
}

TEST_CASE("text reader repairs the invalid UTF-8 of BBC sport/199 with a warning naming the byte", "[reader][bbc]") {
    std::ostringstream sink;
    Diagnostics diagnostics("news-index", sink);
    auto article = read_text_article(file_bytes(test::shared_corpus() / "bbc" / "sport" / "199.txt"),
                                     {"bbc/sport/199.txt", 0}, diagnostics);
    REQUIRE(article);
    CHECK(diagnostics.warnings() == 1);
    CHECK_THAT(sink.str(), Catch::StartsWith("news-index: bbc/sport/199.txt: warning: invalid UTF-8 at byte "));
    std::string all = article->title;
    for (const auto& p : article->paragraphs) all += p;
    CHECK(all.find("\xEF\xBF\xBD") != std::string::npos);
}

TEST_CASE("text reader reads every seed with its headline", "[reader][seeds]") {
    std::ostringstream sink;
    Diagnostics diagnostics("news-index", sink);
    auto article = read_text_article(file_bytes(test::shared_corpus() / "seeds" / "001_644cae95aa9a28a1.txt"),
                                     {"001.txt", 0}, diagnostics);
    REQUIRE(article);
    CHECK(article->title == "Myanmar and Russia: the Vladivostok meeting signals a rapprochement");
    CHECK(article->paragraphs.front() == "0");
    CHECK(article->paragraphs.back() == "Comments are closed.");
}
