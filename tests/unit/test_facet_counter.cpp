#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/facet_dictionary.hpp"
#include "common/schema.hpp"
#include "indexer/write/facet_dictionary_writer.hpp"
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

// A glass database of `docs` in `dir`, committed; with `numbering`, its documents hold their
// facet values' numbers too, as news-index writes them (flushed to the dictionary's files).
Xapian::Database shard(const TempDir& dir, const std::string& name, const std::vector<Doc>& docs,
                       FacetDictionaryWriter* numbering = nullptr) {
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
        if (numbering) numbering->add_ids(document);
        db.add_document(document);
    }
    if (numbering) numbering->flush();
    db.commit();
    return Xapian::Database((dir / name).string());
}

using Counts = std::vector<std::pair<std::string, std::size_t>>;

// Runs the counter over every document of `db`, as the counting pass does.
std::map<std::string, Counts> count(const Xapian::Database& db, const std::vector<std::string>& facets,
                                    std::size_t limit, bool stories, std::size_t* counted = nullptr,
                                    const FacetDictionaries& dictionaries = {}, std::size_t* by_number = nullptr) {
    FacetCounter counter(facets, limit, stories, nullptr, dictionaries);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query::MatchAll);
    counter.attach(enquire);
    enquire.get_mset(0, 0, db.get_doccount());
    if (counted) *counted = counter.counted();
    if (by_number) *by_number = counter.counted_by_number();
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

// ---- issue 20, item 3: facets from the dictionary's numbers --------------------------------

namespace {

const std::vector<std::string> every_facet = {"person", "org", "place", "actor", "country", "region",
                                              "source", "day",    "week",  "month", "year"};

// Articles of every shape: several of one name in one article (as two types too), no actors,
// no source, undated, one cluster twice, shared names across types and facets.
std::vector<Doc> varied_docs(int variant) {
    using schema::GeoLevel;
    const std::string v = std::to_string(variant);
    return {
        {"20220811d", "a" + v, {{P, "Alice"}, {L, "Paris"}, {O, "Paris"}}, "BBC",
         {{GeoLevel::country, "France"}, {GeoLevel::region, "Ile-de-France"}}},
        {"20220801m", "b" + v, {{P, "Alice"}, {O, "ACME"}, {P, "Zoe " + v}}, "BBC"},
        {"", "a" + v, {{L, "Paris"}, {P, "Bob"}}, "", {{GeoLevel::country, "France"}}},
        {"20210115d", "d" + v, {}, "AUN News"},
        {"20210101y", "e" + v, {{L, "Georgia"}, {O, "Georgia"}}, "Source " + v,
         {{GeoLevel::country, "Georgia"}, {GeoLevel::country, "United States"}, {GeoLevel::region, "Georgia"}}},
    };
}

// Every facet, counted as articles and as stories, with `dictionaries` and by name alone: the
// same counts. Returns how many documents were counted by number (as articles).
std::size_t same_as_by_name(const Xapian::Database& db, const FacetDictionaries& dictionaries) {
    std::size_t by_number = 0;
    for (bool stories : {false, true}) {
        for (const auto& facets : {every_facet, std::vector<std::string>{"actor"}, std::vector<std::string>{"source"},
                                   std::vector<std::string>{"month"}, std::vector<std::string>{"country", "week"},
                                   std::vector<std::string>{"org", "region"}}) {
            INFO("stories " << stories << ", " << facets.size() << " facets from " << facets.front());
            std::size_t counted_numbers = 0, counted_names = 0, numbered = 0;
            const auto numbers = count(db, facets, 100, stories, &counted_numbers, dictionaries, &numbered);
            const auto names = count(db, facets, 100, stories, &counted_names);
            CHECK(numbers == names);
            CHECK(counted_numbers == counted_names);
            if (!stories) by_number = numbered;
        }
    }
    return by_number;
}

}  // namespace

TEST_CASE("issue 20: facets counted from dictionary numbers equal facets counted from names", "[facets][facet_ids]") {
    TempDir dir;
    FacetDictionaryWriter numbering(dir.path());
    Xapian::Database db = shard(dir, "db", varied_docs(1), &numbering);
    auto dictionary = FacetDictionary::open(dir.path());
    REQUIRE(dictionary);
    CHECK(same_as_by_name(db, {dictionary}) == 5);
    // The counts themselves, from numbers.
    auto counts = count(db, {"actor", "person", "country", "region", "source"}, 10, false, nullptr, {dictionary});
    CHECK(counts["actor"] == Counts{{"Paris", 3}, {"Alice", 2}, {"Georgia", 2}, {"ACME", 1}, {"Bob", 1}, {"Zoe 1", 1}});
    CHECK(counts["person"] == Counts{{"Alice", 2}, {"Bob", 1}, {"Zoe 1", 1}});
    CHECK(counts["country"] == Counts{{"France", 2}, {"Georgia", 1}, {"United States", 1}});
    CHECK(counts["region"] == Counts{{"Georgia", 1}, {"Ile-de-France", 1}});
    CHECK(counts["source"] == Counts{{"BBC", 2}, {"AUN News", 1}, {"Source 1", 1}});
    auto stories = count(db, {"actor"}, 2, true, nullptr, {dictionary});
    CHECK(stories["actor"] == Counts{{"Alice", 2}, {"Georgia", 2}});
}

TEST_CASE("issue 20: documents written before facet numbers, or numbered by a dictionary unknown, are counted by name",
          "[facets][facet_ids]") {
    TempDir dir;
    FacetDictionaryWriter numbering(dir.path());
    // An index written partly by an older news-index: one shard without numbers.
    Xapian::Database numbered = shard(dir, "numbered", varied_docs(1), &numbering);
    Xapian::Database old = shard(dir, "old", varied_docs(2));
    Xapian::Database both;
    both.add_database(numbered);
    both.add_database(old);
    auto dictionary = FacetDictionary::open(dir.path());
    REQUIRE(dictionary);
    CHECK(same_as_by_name(both, {dictionary}) == 5);

    // Numbers whose dictionary is not given (another index's) are never read.
    TempDir other;
    FacetDictionaryWriter other_numbering(other.path());
    Xapian::Database foreign = shard(other, "foreign", varied_docs(3), &other_numbering);
    Xapian::Database three;
    three.add_database(numbered);
    three.add_database(foreign);
    three.add_database(old);
    CHECK(same_as_by_name(three, {dictionary}) == 5);
    // Both dictionaries: each document by its own.
    auto other_dictionary = FacetDictionary::open(other.path());
    REQUIRE(other_dictionary);
    REQUIRE(other_dictionary->tag() != dictionary->tag());
    CHECK(same_as_by_name(three, {other_dictionary, dictionary}) == 10);
}

TEST_CASE("issue 20: numbers beyond the dictionary on disk are read by name, never as other names", "[facets][facet_ids]") {
    TempDir dir;
    Xapian::Database db;
    {
        FacetDictionaryWriter numbering(dir.path());
        db = shard(dir, "db", varied_docs(1), &numbering);
        // Numbered but never flushed: as if the dictionary had lost its tail. The clusters are
        // those of "db", so only the new names are beyond the dictionary.
        std::vector<Doc> docs = varied_docs(2);
        for (std::size_t i = 0; i < docs.size(); ++i) docs[i].cluster = varied_docs(1)[i].cluster;
        Xapian::Database more = shard(dir, "more", docs);
        Xapian::WritableDatabase renumbered((dir / "renumbered").string(), Xapian::DB_CREATE);
        for (auto it = more.postlist_begin(""); it != more.postlist_end(""); ++it) {
            Xapian::Document document = more.get_document(*it);
            numbering.add_ids(document);
            renumbered.add_document(document);
        }
        renumbered.commit();
    }
    Xapian::Database both;
    both.add_database(db);
    both.add_database(Xapian::Database((dir / "renumbered").string()));
    auto dictionary = FacetDictionary::open(dir.path());
    REQUIRE(dictionary);
    // Of "renumbered", the three documents naming only what "db" named are read by number.
    CHECK(same_as_by_name(both, {dictionary}) == 8);
}
