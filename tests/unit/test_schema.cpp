#include <catch2/catch.hpp>

#include "common/schema.hpp"

using namespace newsdex;

TEST_CASE("schema round-trips the stored article", "[schema]") {
    schema::StoredArticle article;
    article.id = "seeds/001";
    article.title = "Russia and Myanmar’s solidarity";
    article.paragraphs = {"One “quoted” paragraph.", "Two."};
    article.source = "AUN News";
    article.date = "2022-09";
    article.date_precision = "month";
    article.persons = {"Min Aung Hlaing"};
    article.places = {"Myanmar", "Russia"};
    article.also_seen = {{"copy", "Other", "http://o", "f.txt"}};
    schema::StoredArticle back = schema::decode(schema::encode(article));
    CHECK(back.id == article.id);
    CHECK(back.title == article.title);
    CHECK(back.paragraphs == article.paragraphs);
    CHECK(back.source == article.source);
    CHECK(back.date == article.date);
    CHECK(back.date_precision == "month");
    CHECK(back.persons == article.persons);
    CHECK(back.places == article.places);
    REQUIRE(back.also_seen.size() == 1);
    CHECK(back.also_seen[0].id == "copy");
    CHECK(schema::body_text(back) == "One “quoted” paragraph.\n\nTwo.");
    CHECK_THROWS(schema::decode("not json"));
}

TEST_CASE("schema packs actors into one value and unpacks them", "[schema]") {
    std::vector<schema::PackedActor> actors{{ActorType::person, "Sergei Lavrov"}, {ActorType::place, "Naypyidaw"}, {ActorType::org, "ASEAN"}};
    auto back = schema::unpack_actors(schema::pack_actors(actors));
    REQUIRE(back.size() == 3);
    CHECK(back[0].type == ActorType::person);
    CHECK(back[0].name == "Sergei Lavrov");
    CHECK(back[2].name == "ASEAN");
    CHECK(schema::unpack_actors("").empty());
}

TEST_CASE("schema packs an article's countries and regions into one value and reads them back", "[schema]") {
    using schema::GeoLevel;
    const std::string packed = schema::pack_geo({{GeoLevel::country, "United States"}, {GeoLevel::country, "Japan"},
                                                 {GeoLevel::region, "Oregon"}});
    std::vector<std::pair<GeoLevel, std::string>> back;
    schema::for_each_packed_geo(packed, [&](GeoLevel level, std::string_view name) { back.emplace_back(level, name); });
    REQUIRE(back.size() == 3);
    CHECK(back[0] == std::make_pair(GeoLevel::country, std::string("United States")));
    CHECK(back[1] == std::make_pair(GeoLevel::country, std::string("Japan")));
    CHECK(back[2] == std::make_pair(GeoLevel::region, std::string("Oregon")));
    CHECK(schema::unpack_actors(packed).empty());  // not actors
    std::size_t none = 0;
    schema::for_each_packed_geo("", [&](GeoLevel, std::string_view) { ++none; });
    schema::for_each_packed_geo(schema::pack_actors({{ActorType::place, "Paris"}}), [&](GeoLevel, std::string_view) { ++none; });
    CHECK(none == 0);
}

TEST_CASE("stored data keeps where each place rolled up and why", "[schema]") {
    schema::StoredArticle article;
    article.id = "a";
    article.places = {"Portland"};
    article.place_rollups = {{"Portland", "Oregon", "United States", "dateline \"PORTLAND, Ore.\""}};
    const auto back = schema::decode(schema::encode(article));
    REQUIRE(back.place_rollups.size() == 1);
    CHECK(back.place_rollups[0].region == "Oregon");
    CHECK(back.place_rollups[0].country == "United States");
    CHECK(back.place_rollups[0].why == "dateline \"PORTLAND, Ore.\"");
    CHECK(schema::decode(R"({"id": "old"})").place_rollups.empty());  // indexes made before geography
}

TEST_CASE("schema keeps every term within Xapian's length limit", "[schema]") {
    std::string long_id(1000, 'x');
    std::string term = schema::id_term(long_id);
    CHECK(term.size() <= 245);
    CHECK(term != schema::id_term(long_id + "y"));
    CHECK(schema::id_term("politics/001") == "Qpolitics/001");
    CHECK(schema::boolean_term(schema::person_prefix, "  Sergei   LAVROV ") == "XPsergei lavrov");
}

TEST_CASE("stored data decodes without the body whatever the body and the other fields hold", "[schema]") {
    schema::StoredArticle article;
    article.id = "a1";
    article.title = "A \"paragraphs\":[ trap, \\ and \\\"";
    article.orgs = {"ACME"};
    article.persons = {"Zoë \"Z\" Doe"};
    article.url = "https://example.org/?q=\"]\"";
    const std::vector<std::vector<std::string>> bodies{
        {},
        {"plain"},
        {"ends with a backslash \\", "\"quoted\" ] and [ brackets", "\\\"", "\"paragraphs\":[\"x\"]"},
        {"", "Zürich — naïve\n\tcafé"},
    };
    for (const auto& paragraphs : bodies) {
        article.paragraphs = paragraphs;
        const std::string data = schema::encode(article);
        schema::StoredArticle expected = schema::decode(data);
        expected.paragraphs.clear();
        schema::StoredArticle decoded = schema::decode_without_body(data);
        CHECK(decoded.id == expected.id);
        CHECK(decoded.title == expected.title);
        CHECK(decoded.url == expected.url);
        CHECK(decoded.persons == expected.persons);
        CHECK(decoded.orgs == expected.orgs);
        CHECK(decoded.paragraphs.empty());
    }
    CHECK_THROWS_AS(schema::decode_without_body("{\"paragraphs\":[\"open"), std::runtime_error);
}
