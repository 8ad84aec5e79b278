#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/schema.hpp"
#include "searcher/facets/facet_counter.hpp"
#include "tests/support/temp_dir.hpp"

using namespace newsdex;
using newsdex::test::TempDir;

namespace {

constexpr auto P = ActorType::person;
constexpr auto O = ActorType::org;
constexpr auto L = ActorType::place;

struct Doc {
    std::string month;
    std::string cluster;
    std::vector<schema::PackedActor> actors;
    std::string source;
    std::vector<schema::PackedGeo> geo = {};
};

// A glass database of `docs` in `dir`, committed.
Xapian::Database shard(const TempDir& dir, const std::string& name, const std::vector<Doc>& docs) {
    Xapian::WritableDatabase db((dir / name).string(), Xapian::DB_CREATE);
    for (const Doc& doc : docs) {
        Xapian::Document document;
        document.add_value(schema::slot_month, doc.month);
        document.add_value(schema::slot_cluster, doc.cluster);
        if (!doc.actors.empty()) document.add_value(schema::slot_actors, schema::pack_actors(doc.actors));
        if (!doc.source.empty()) document.add_value(schema::slot_source, doc.source);
        if (!doc.geo.empty()) document.add_value(schema::slot_places, schema::pack_geo(doc.geo));
        db.add_document(document);
    }
    db.commit();
    return Xapian::Database((dir / name).string());
}

using Counts = std::vector<std::pair<std::string, std::size_t>>;

// Runs the counter over every document of `db`, as the counting pass does.
std::map<std::string, Counts> count(const Xapian::Database& db, const std::vector<std::string>& facets,
                                    std::size_t limit, bool stories, std::size_t* counted = nullptr) {
    FacetCounter counter(facets, limit, stories);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query::MatchAll);
    counter.attach(enquire);
    enquire.get_mset(0, 0, db.get_doccount());
    if (counted) *counted = counter.counted();
    std::map<std::string, Counts> out;
    for (const auto& [name, values] : counter.results()) {
        for (const auto& value : values) out[name].emplace_back(value.value, value.count);
    }
    return out;
}

}  // namespace

TEST_CASE("facets count every match, dates in order, actors by type then by count", "[facets]") {
    TempDir dir;
    Xapian::Database db = shard(dir, "db", {
        {"2022-08", "a", {{P, "Alice"}, {L, "Paris"}}, "BBC"},
        {"2022-08", "b", {{P, "Alice"}, {O, "ACME"}}, "BBC"},
        {"unknown", "c", {{L, "Paris"}, {P, "Bob"}}, ""},
        {"2021-01", "d", {}, "AUN News"},
    });
    std::size_t counted = 0;
    auto counts = count(db, {"month", "person", "actor", "source", "org"}, 10, false, &counted);
    CHECK(counted == 4);
    // Every month from the first to the last, the empty ones too, then "unknown".
    Counts months{{"2021-01", 1}};
    for (const char* empty : {"2021-02", "2021-03", "2021-04", "2021-05", "2021-06", "2021-07", "2021-08", "2021-09",
                              "2021-10", "2021-11", "2021-12", "2022-01", "2022-02", "2022-03", "2022-04", "2022-05",
                              "2022-06", "2022-07"}) {
        months.emplace_back(empty, 0);
    }
    months.insert(months.end(), {{"2022-08", 2}, {"unknown", 1}});
    CHECK(counts["month"] == months);
    CHECK(counts["person"] == Counts{{"Alice", 2}, {"Bob", 1}});
    CHECK(counts["actor"] == Counts{{"Alice", 2}, {"Paris", 2}, {"ACME", 1}, {"Bob", 1}});
    CHECK(counts["org"] == Counts{{"ACME", 1}});
    CHECK(counts["source"] == Counts{{"BBC", 2}, {"AUN News", 1}});

    auto top = count(db, {"actor", "place"}, 1, false);
    CHECK(top["actor"] == Counts{{"Alice", 2}});
    CHECK(top["place"] == Counts{{"Paris", 2}});
}

TEST_CASE("facets over stories count each cluster once, across shards", "[facets]") {
    TempDir dir;
    Xapian::Database first = shard(dir, "first", {
        {"2022-08", "story-1", {{P, "Alice"}}, ""},
        {"2022-09", "story-2", {{P, "Bob"}}, ""},
    });
    Xapian::Database second = shard(dir, "second", {
        {"2022-08", "story-1", {{P, "Alice"}}, ""},
        {"2022-09", "story-3", {{P, "Alice"}}, ""},
        {"2022-09", "story-2", {{P, "Bob"}}, ""},
    });
    Xapian::Database both;
    both.add_database(first);
    both.add_database(second);

    std::size_t counted = 0;
    auto stories = count(both, {"month", "person"}, 10, true, &counted);
    CHECK(counted == 3);
    CHECK(stories["month"] == Counts{{"2022-08", 1}, {"2022-09", 2}});
    CHECK(stories["person"] == Counts{{"Alice", 2}, {"Bob", 1}});

    auto articles = count(both, {"month", "person"}, 10, false, &counted);
    CHECK(counted == 5);
    CHECK(articles["month"] == Counts{{"2022-08", 2}, {"2022-09", 3}});
    CHECK(articles["person"] == Counts{{"Alice", 3}, {"Bob", 2}});
}

TEST_CASE("country and region facets count the countries and regions of the places, not the actors", "[facets]") {
    using schema::GeoLevel;
    TempDir dir;
    Xapian::Database db = shard(dir, "db", {
        {"2022-08", "a", {{L, "Portland"}}, "", {{GeoLevel::country, "United States"}, {GeoLevel::region, "Oregon"}}},
        {"2022-08", "b", {{L, "Tokyo"}, {L, "Portland"}}, "",
         {{GeoLevel::country, "Japan"}, {GeoLevel::country, "United States"}, {GeoLevel::region, "Tokyo"},
          {GeoLevel::region, "Maine"}}},
        {"2022-09", "c", {{P, "Alice"}}, "", {}},
    });
    auto counts = count(db, {"country", "region", "actor"}, 10, false);
    CHECK(counts["country"] == Counts{{"United States", 2}, {"Japan", 1}});
    CHECK(counts["region"] == Counts{{"Maine", 1}, {"Oregon", 1}, {"Tokyo", 1}});
    CHECK(counts["actor"] == Counts{{"Portland", 2}, {"Alice", 1}, {"Tokyo", 1}});
    CHECK_THROWS_WITH(FacetCounter({"continent"}, 10), Catch::Contains("country, region"));
}
