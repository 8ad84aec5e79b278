#include <catch2/catch.hpp>

#include "indexer/read/article_id.hpp"

using namespace newsdex;

TEST_CASE("article ids come from the id, else the url, else the relative path, else a hash", "[reader]") {
    Article with_id;
    with_id.id = "given";
    with_id.url = "http://x";
    assign_article_id(with_id, "bbc/politics/001.txt", "bbc");
    CHECK(with_id.id == "given");

    Article with_url;
    with_url.url = "http://x/y";
    assign_article_id(with_url, "bbc/politics/001.txt", "bbc");
    CHECK(with_url.id == "http://x/y");

    Article in_directory;
    assign_article_id(in_directory, "bbc/politics/001.txt", "bbc");
    CHECK(in_directory.id == "politics/001");

    Article named_directly;
    assign_article_id(named_directly, "bbc/politics/001.txt", "");
    CHECK(named_directly.id == "001");

    Article from_stdin, same_text;
    from_stdin.title = same_text.title = "T";
    from_stdin.paragraphs = same_text.paragraphs = {"body"};
    assign_article_id(from_stdin, "", "");
    assign_article_id(same_text, "", "");
    CHECK(from_stdin.id.size() == 33);
    CHECK(from_stdin.id == same_text.id);
}
