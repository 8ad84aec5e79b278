#include "indexer/clean/boilerplate_filter.hpp"
#include "indexer/clean/paragraph_splitter.hpp"

#include "common/article.hpp"
#include "common/unicode_text.hpp"
#include "indexer/clean/source_boilerplate.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

const newsdex::BoilerplateRules& builtin() {
    static const newsdex::BoilerplateRules rules = newsdex::BoilerplateRules::load_builtin();
    return rules;
}

std::vector<newsdex::CleanParagraph> make_paragraphs(const std::vector<std::string>& texts) {
    std::vector<newsdex::CleanParagraph> paragraphs;
    for (const std::string& text : texts) paragraphs.push_back({text, newsdex::matching_form(text), std::nullopt});
    return paragraphs;
}

std::vector<std::string> kept(const std::vector<newsdex::CleanParagraph>& paragraphs) {
    std::vector<std::string> texts;
    for (const auto& paragraph : paragraphs) {
        if (paragraph.kept()) texts.push_back(paragraph.text);
    }
    return texts;
}

std::string body(int number) {
    return "Body paragraph " + std::to_string(number) +
           " carries enough real words to count as article text, as a paragraph of a news story does.";
}

}  // namespace

TEST_CASE("title suffix splits at the last separator only when the tail is short", "[boilerplate_filter]") {
    struct Row {
        std::string title;
        std::string head;  // empty: no split
        std::string segment;
    };
    const std::vector<Row> table = {
        {"Russia and Myanmar\u2019s solidarity as Pariahs \u2014 AUN News", "Russia and Myanmar\u2019s solidarity as Pariahs", "AUN News"},
        {"Myanmar junta chief meets Putin | Reuters", "Myanmar junta chief meets Putin", "Reuters"},
        {"Russia - Myanmar ties deepen - BBC News", "Russia - Myanmar ties deepen", "BBC News"},
        {"Taxes must be trusted - Kennedy", "Taxes must be trusted", "Kennedy"},
        {"Brexit - what happens next", "", ""},  // a one-word head is not a headline
        {"No separator here", "", ""},
        {"Up-to-date figures on well-being", "", ""},  // hyphens inside words are not separators
        {"Markets fall - analysts fear a long and deep recession across the region", "", ""},  // 11 words after
    };
    for (const Row& row : table) {
        INFO(row.title);
        const auto suffix = newsdex::split_title_suffix(row.title);
        if (row.head.empty()) {
            CHECK_FALSE(suffix.has_value());
        } else {
            REQUIRE(suffix.has_value());
            CHECK(suffix->head == row.head);
            CHECK(suffix->segment == row.segment);
        }
    }
}

TEST_CASE("outlet names are told apart from people and phrases after a headline dash", "[boilerplate_filter][bbc]") {
    const std::vector<std::pair<std::string, bool>> table = {
        {"AUN News", true},       {"BBC News", true},      {"Reuters", true},         {"The New York Times", true},
        {"Al Jazeera", true},     {"Daily Mail", true},    {"aun-news.com", true},    {"Myanmar-Now.org", true},
        {"Radio Free Asia", true},
        // the BBC's own headline attributions and phrases
        {"Kennedy", false},       {"TUC", false},          {"Tories", false},         {"Chirac", false},
        {"an Argentine in Brazil", false},                 {"what happens next", false},
        {"good news for savers", false},                   {"Ireland can win Grand Slam", false},
    };
    for (const auto& [segment, outlet] : table) {
        INFO(segment);
        CHECK(newsdex::looks_like_outlet_name(segment) == outlet);
    }
}

TEST_CASE("site name is cut from the headline when the source, URL or recurrence confirms it", "[boilerplate_filter]") {
    const newsdex::BoilerplateFilter filter(builtin());
    SECTION("equal to the known source") {
        newsdex::Article article;
        article.title = "Junta extends emergency rule - Irrawaddy";
        article.source = "The Irrawaddy";
        CHECK_FALSE(filter.strip_site_name(article).has_value());  // "Irrawaddy" is not "The Irrawaddy"
        article.source = "Irrawaddy";
        const auto removal = filter.strip_site_name(article);
        REQUIRE(removal.has_value());
        CHECK(article.title == "Junta extends emergency rule");
        CHECK(removal->text == "Irrawaddy");
        CHECK(removal->reason == newsdex::RemovalReason::title);
    }
    SECTION("matching the URL's host, and then it becomes the source") {
        newsdex::Article article;
        article.title = "Junta extends emergency rule | Mizzima";
        article.url = "https://www.mizzima.com/article/123";
        const auto removal = filter.strip_site_name(article);
        REQUIRE(removal.has_value());
        CHECK(removal->rule == "site name after the headline (matches the URL's host)");
        CHECK(article.title == "Junta extends emergency rule");
        CHECK(article.source == "Mizzima");
    }
    SECTION("recurring at the end of most headlines of the site") {
        newsdex::SourceBoilerplate learned;
        for (int i = 0; i < 6; ++i) {
            newsdex::Article seen;
            seen.title = "Story " + std::to_string(i) + " of the week - Frontier Myanmar";
            seen.origin.file = "/scrape/frontier/" + std::to_string(i) + ".txt";
            learned.observe(seen);
        }
        newsdex::Article article;
        article.title = "Story 7 of the week - Frontier Myanmar";
        article.origin.file = "/scrape/frontier/7.txt";
        CHECK_FALSE(newsdex::BoilerplateFilter(builtin()).strip_site_name(article).has_value());
        const auto removal = newsdex::BoilerplateFilter(builtin(), &learned).strip_site_name(article);
        REQUIRE(removal.has_value());
        CHECK(removal->rule == "site name after the headline (ends 6 headlines of the same site)");
        CHECK(article.source == "Frontier Myanmar");
    }
    SECTION("never a person quoted by the headline") {
        for (const std::string title : {"Taxes must be trusted - Kennedy", "Job cuts 'false economy' - TUC",
                                        "Wood - Ireland can win Grand Slam", "Tevez - an Argentine in Brazil"}) {
            newsdex::Article article;
            article.title = title;
            INFO(title);
            CHECK_FALSE(filter.strip_site_name(article).has_value());
            CHECK(article.title == title);
        }
    }
}

TEST_CASE("Source lines are found only near the start or the end", "[boilerplate_filter]") {
    const newsdex::BoilerplateFilter filter(builtin());
    auto paragraphs = make_paragraphs({body(1), body(2), body(3), "Source: Wire A", body(4), body(5), body(6),
                                       body(7), "SOURCE : Mizzima.", "Sources: Reuters, AP and AFP."});
    std::string source;
    filter.remove_source_lines(paragraphs, source);
    CHECK(paragraphs[3].kept());        // in the middle: left alone
    CHECK_FALSE(paragraphs[8].kept());  // among the last three
    CHECK(paragraphs[8].removal->reason == newsdex::RemovalReason::source_line);
    CHECK(paragraphs[9].kept());        // a list of sources is not a Source line
    CHECK(source == "Mizzima");
}

TEST_CASE("the headline repeated in the first paragraphs is removed", "[boilerplate_filter]") {
    const newsdex::BoilerplateFilter filter(builtin());
    auto paragraphs = make_paragraphs({"RUSSIA AND MYANMAR'S SOLIDARITY AS PARIAHS!", body(1),
                                       "Russia and Myanmar\u2019s solidarity as Pariahs \u2014 AUN News", body(2)});
    filter.remove_headline_repeats("Russia and Myanmar\u2019s solidarity as Pariahs",
                                   "Russia and Myanmar\u2019s solidarity as Pariahs \u2014 AUN News", paragraphs);
    CHECK(kept(paragraphs) == std::vector<std::string>{body(1), body(2)});
    CHECK(paragraphs[0].removal->rule == "repeats the headline");
}

TEST_CASE("a tail marker near the end cuts, one early in the article is dropped alone", "[boilerplate_filter]") {
    const newsdex::BoilerplateFilter filter(builtin());
    auto paragraphs = make_paragraphs({body(1), "Read more", body(2), body(3), body(4), body(5), "Related stories",
                                       "Teaser one", "Teaser two"});
    CHECK_FALSE(newsdex::BoilerplateFilter::is_near_end(paragraphs, 1));
    CHECK(newsdex::BoilerplateFilter::is_near_end(paragraphs, 6));
    filter.apply_rules(paragraphs);
    CHECK(kept(paragraphs) == std::vector<std::string>{body(1), body(2), body(3), body(4), body(5)});
    CHECK(paragraphs[1].removal->reason == newsdex::RemovalReason::boilerplate);
    CHECK(paragraphs[1].removal->rule.find("(not near the end: dropped alone)") != std::string::npos);
    CHECK(paragraphs[6].removal->reason == newsdex::RemovalReason::tail);
    CHECK(paragraphs[8].removal->reason == newsdex::RemovalReason::tail);
    CHECK(paragraphs[8].removal->rule.rfind("after the marker in paragraph 7 (", 0) == 0);
}

TEST_CASE("near the end counts text as well as paragraphs", "[boilerplate_filter]") {
    // One long body paragraph, then a marker and many short teasers: the marker is early by
    // paragraph count, but two thirds of the text comes before it.
    std::vector<std::string> texts = {body(1) + " " + body(2) + " " + body(3) + " " + body(4), "More like this"};
    for (int i = 0; i < 6; ++i) texts.push_back("Teaser " + std::to_string(i));
    const auto paragraphs = make_paragraphs(texts);
    CHECK(newsdex::BoilerplateFilter::is_near_end(paragraphs, 1));
    CHECK_FALSE(newsdex::BoilerplateFilter::is_near_end(paragraphs, 0));  // nothing before it
}

TEST_CASE("paragraph preparation splits scraped line blocks but joins soft wraps", "[boilerplate_filter]") {
    struct Row {
        std::vector<std::string> raw;
        std::vector<std::string> expected;
    };
    const std::vector<Row> table = {
        {{"Please enter your comment!\nPlease enter your name here"},
         {"Please enter your comment!", "Please enter your name here"}},
        {{"Facts\n- First fact here.\n- Second fact here."}, {"Facts", "- First fact here.", "- Second fact here."}},
        {{"a sentence cut by the scraper, however this\nalso continues on the next line."},
         {"a sentence cut by the scraper, however this also continues on the next line."}},
        {{"This paragraph was wrapped by an editor at a fixed width of about\n"
          "seventy characters, so Every line is nearly as long as the others\n"
          "and the last one is short."},
         {"This paragraph was wrapped by an editor at a fixed width of about seventy characters, so Every line is "
          "nearly as long as the others and the last one is short."}},
        {{"  one &amp; only  ", "", " \u200B "}, {"one & only"}},
    };
    for (const Row& row : table) {
        INFO(row.raw.front());
        CHECK(newsdex::prepare_paragraphs(row.raw) == row.expected);
    }
}

TEST_CASE("URL host is lower-cased and loses www", "[boilerplate_filter]") {
    CHECK(newsdex::url_host("https://www.AUN-News.com/2024/x?y=1") == "aun-news.com");
    CHECK(newsdex::url_host("http://user@edition.cnn.com:8080/") == "edition.cnn.com");
    CHECK(newsdex::url_host("") == "");
}
