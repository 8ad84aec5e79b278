// Issue "Search experience": the snippeter picks the best passage and marks what the query matched.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "common/analyzer.hpp"
#include "searcher/search_result.hpp"
#include "searcher/snippets/snippeter.hpp"

using namespace newsdex;

namespace {

schema::StoredArticle article_of(std::vector<std::string> paragraphs) {
    schema::StoredArticle article;
    article.id = "a";
    article.title = "Title";
    article.paragraphs = std::move(paragraphs);
    return article;
}

// The snippet with the neutral markers shown as [ and ].
std::string shown(const std::string& snippet) {
    std::string out;
    for (char c : snippet) out += c == highlight_start ? '[' : c == highlight_end ? ']' : c;
    return out;
}

std::vector<std::string> spans(const std::string& snippet) {
    std::vector<std::string> found;
    std::size_t at = 0;
    while ((at = snippet.find(highlight_start, at)) != std::string::npos) {
        std::size_t end = snippet.find(highlight_end, at);
        found.push_back(snippet.substr(at + 1, end - at - 1));
        at = end;
    }
    return found;
}

std::string filler(int words) {
    std::string text;
    for (int i = 0; i < words; ++i) text += (i ? " " : "") + std::string("lorem");
    return text;
}

// The query as news-search parses it: the words' stems, wildcards over the stems.
Xapian::Query parsed(const std::string& text) {
    Xapian::QueryParser parser = make_query_parser(Xapian::Database(), "en");
    return parser.parse_query(text, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD);
}

std::string snippet_for(const std::string& query, const std::vector<std::string>& paragraphs, std::size_t length = 200) {
    return make_snippet(article_of(paragraphs), QueryWords(parsed(query), Xapian::Stem("english")), length);
}

}  // namespace

TEST_CASE("query words match as written, by their stem, and as possessives", "[snippeter]") {
    QueryWords words(parsed("elections Putin"), Xapian::Stem("english"));
    struct Row {
        const char* word;
        bool matches;
    };
    for (auto [word, expected] : {Row{"elections", true}, Row{"Election", true}, Row{"elected", true},
                                  Row{"Putin", true}, Row{"Putin’s", true}, Row{"putin's", true},
                                  // "Putinism" has the stem "putin": the index matches it too.
                                  Row{"Putinism", true}, Row{"select", false}, Row{"the", false}}) {
        INFO(word);
        CHECK(words.matches(word) == expected);
    }
}

TEST_CASE("words under NOT and filter terms are not highlighted", "[snippeter]") {
    Xapian::Query query(Xapian::Query::OP_FILTER, parsed("harbour -strike"), Xapian::Query("XSwire"));
    QueryWords words(query, Xapian::Stem("english"));
    CHECK(words.matches("harbours"));
    CHECK_FALSE(words.matches("strike"));
    CHECK_FALSE(words.matches("wire"));
}

TEST_CASE("the passage with the most matches is chosen", "[snippeter]") {
    std::string snippet = snippet_for("harbour", {"A harbour at the start. " + filler(60),
                                                  "Later the harbour, the old harbour and the new harbour met.",
                                                  filler(60)});
    CHECK(spans(snippet).size() == 3);
    CHECK_THAT(shown(snippet), Catch::Contains("the [harbour], the old [harbour] and the new [harbour] met"));
}

TEST_CASE("the passage with the most distinct query words beats one with more repeats", "[snippeter]") {
    std::string snippet = snippet_for("harbour strike", {"harbour harbour harbour harbour. " + filler(60),
                                                         "The harbour strike ended.", filler(60)});
    CHECK_THAT(shown(snippet), Catch::Contains("The [harbour strike] ended."));
}

TEST_CASE("a phrase is highlighted as one span, and a lone word of it is neither chosen nor marked", "[snippeter]") {
    std::string snippet = snippet_for("\"prime minister\"", {"The minister spoke first. " + filler(60),
                                                             "Then the prime minister, tired, left.", filler(60)});
    CHECK(spans(snippet) == std::vector<std::string>{"prime minister"});
    CHECK_THAT(shown(snippet), Catch::Contains("the [prime minister], tired"));
    CHECK_THAT(shown(snippet), !Catch::Contains("[minister] spoke"));
}

TEST_CASE("a phrase of stopwords is found whole", "[snippeter]") {
    std::string snippet = snippet_for("\"the state of the union\"",
                                      {"The union said the state was fine. " + filler(60),
                                       "He gave the State of the Union address.", filler(60)});
    CHECK(spans(snippet) == std::vector<std::string>{"the State of the Union"});
}

TEST_CASE("a phrase does not match across paragraphs, as in the index", "[snippeter]") {
    std::string snippet = snippet_for("\"prime minister\"", {"He was prime", "minister of nothing."});
    CHECK(spans(snippet).empty());
}

TEST_CASE("a phrase with punctuation inside is still one span", "[snippeter]") {
    std::string snippet = snippet_for("\"prime minister\"", {"The prime, minister said."});
    CHECK(spans(snippet) == std::vector<std::string>{"prime, minister"});
}

TEST_CASE("wildcards highlight the words they expand to", "[snippeter]") {
    std::string snippet = snippet_for("elect*", {"Elections were held and the elected council met."});
    CHECK(spans(snippet) == std::vector<std::string>{"Elections", "elected"});
}

TEST_CASE("snippets are cut at word boundaries with an ellipsis", "[snippeter]") {
    std::string snippet = snippet_for("harbour", {filler(100) + " the harbour " + filler(100)}, 80);
    CHECK_THAT(snippet, Catch::StartsWith("…lorem"));
    CHECK_THAT(snippet, Catch::EndsWith("lorem…"));
    CHECK(snippet.size() <= 80 + 2 * std::string("…").size() + 2);
    CHECK(spans(snippet) == std::vector<std::string>{"harbour"});
}

TEST_CASE("without a match the snippet is the start of the body", "[snippeter]") {
    CHECK(snippet_for("zebra", {"First words here. " + filler(100)}, 40) == "First words here. lorem lorem lorem…");
    CHECK(lead_passage("short", 40) == "short");
}

TEST_CASE("issue 17: a dateline is a place in capitals or an agency, then a dash, near the start", "[snippeter]") {
    struct Row {
        const char* paragraph;
        const char* after;  // what follows the dateline; the whole paragraph when there is none
    };
    for (auto [paragraph, after] :
         {Row{"HOUSTON, March 29 - The oil price rose.", "The oil price rose."},
          Row{"NEW YORK, Feb 26 -- Shares fell.", "Shares fell."},
          Row{"LONDON (Reuters) - Sterling firmed.", "Sterling firmed."},
          Row{"SALVADOR, Feb 26 – Cocoa rains.", "Cocoa rains."},
          Row{"Tony Blair - the prime minister - spoke.", "Tony Blair - the prime minister - spoke."},
          Row{"The plan was clear. BONN - later.", "The plan was clear. BONN - later."},
          Row{"A - B", "A - B"},
          Row{"No dash here at all.", "No dash here at all."}}) {
        INFO(paragraph);
        const std::string text = paragraph;
        CHECK(text.substr(dateline_length(text)) == after);
    }
}

TEST_CASE("issue 17: a lead starts after the dateline", "[snippeter]") {
    CHECK(snippet_for("zebra", {"HOUSTON, March 29 - The oil price rose on Monday."}) == "The oil price rose on Monday.");
}
