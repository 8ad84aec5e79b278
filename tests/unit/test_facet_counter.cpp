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
    std::string date;  ///< the date key: "20220811d", "20220801m"; empty when undated
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
        if (!doc.date.empty()) {
            document.add_value(schema::slot_date, doc.date.substr(0, 8));
            document.add_value(schema::slot_date_key, doc.date);
        }
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
    for (Period period : counter.periods()) {
        const Timeline timeline = make_timeline({period, {"q"}, {counter.date_counts()}, std::nullopt, stories});
        for (const auto& row : timeline.rows) out[timeline.period].emplace_back(row.period, row.counts[0]);
        for (const auto& group : timeline.coarser) {
            for (const auto& row : group.rows) out[timeline.period].emplace_back(group.precision + " only " + row.period, row.counts[0]);
        }
        if (timeline.unknown.counts[0] > 0) out[timeline.period].emplace_back("unknown", timeline.unknown.counts[0]);
    }
    return out;
}

}  // namespace

TEST_CASE("facets count every match, dates in order, actors by type then by count", "[facets]") {
    TempDir dir;
    Xapian::Database db = shard(dir, "db", {
        {"20220811d", "a", {{P, "Alice"}, {L, "Paris"}}, "BBC"},
        {"20220801m", "b", {{P, "Alice"}, {O, "ACME"}}, "BBC"},
        {"", "c", {{L, "Paris"}, {P, "Bob"}}, ""},
        {"20210115d", "d", {}, "AUN News"},
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
    // The article known only to August 2022 has no week: it is counted apart, not spread.
    auto weeks = count(db, {"week"}, 10, false)["week"];
    REQUIRE(weeks.size() == 85);  // 2021-W02 .. 2021-W52, 2022-W01 .. 2022-W32, month only, undated
    CHECK(weeks.front() == std::pair<std::string, std::size_t>{"2021-W02", 1});
    CHECK(weeks[50] == std::pair<std::string, std::size_t>{"2021-W52", 0});
    CHECK(weeks[82] == std::pair<std::string, std::size_t>{"2022-W32", 1});
    CHECK(weeks[83] == std::pair<std::string, std::size_t>{"month only 2022-08", 1});
    CHECK(weeks[84] == std::pair<std::string, std::size_t>{"unknown", 1});
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
        {"20220801d", "story-1", {{P, "Alice"}}, ""},
        {"20220901d", "story-2", {{P, "Bob"}}, ""},
    });
    Xapian::Database second = shard(dir, "second", {
        {"20220801d", "story-1", {{P, "Alice"}}, ""},
        {"20220902d", "story-3", {{P, "Alice"}}, ""},
        {"20220901d", "story-2", {{P, "Bob"}}, ""},
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

TEST_CASE("date facets of documents indexed before the date key read the precision from the stored data", "[facets]") {
    TempDir dir;
    {
        Xapian::WritableDatabase db((dir / "old").string(), Xapian::DB_CREATE);
        for (const auto& [day, precision] : std::vector<std::pair<std::string, std::string>>{{"20220811", "day"},
                                                                                             {"20220801", "month"}}) {
            schema::StoredArticle stored;
            stored.id = day + precision;
            stored.date_precision = precision;
            Xapian::Document document;
            document.add_value(schema::slot_date, day);
            document.set_data(schema::encode(stored));
            db.add_document(document);
        }
        db.commit();
    }
    auto weeks = count(Xapian::Database((dir / "old").string()), {"week"}, 10, false)["week"];
    CHECK(weeks == Counts{{"2022-W32", 1}, {"month only 2022-08", 1}});
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
