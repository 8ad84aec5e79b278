// Issue 20 (item 3): the totals written with a facet column, which let a query matching most of a
// segment be counted by the documents it does not match.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "common/facet_totals.hpp"
#include "common/schema.hpp"

using namespace newsdex;
using schema::FacetIdKind;

namespace {

constexpr std::uint32_t tag = 0x5eed;

std::vector<FacetTotals::Entry> entries_of(const FacetTotals& totals) {
    std::vector<FacetTotals::Entry> out;
    for (std::size_t i = 0; i < totals.size(); ++i) out.push_back(totals.entry(i));
    return out;
}

bool same(const FacetTotals::Entry& a, const FacetTotals::Entry& b) {
    return a.kind == b.kind && a.id == b.id && a.documents == b.documents && a.stories == b.stories;
}

}  // namespace

TEST_CASE("issue 20: facet totals count each number by documents and by stories", "[facet_totals]") {
    // Documents 1 and 3 are one story (cluster 0), document 2 has no cluster, document 4 is absent,
    // document 5 has no date.
    FacetTotals::Builder builder(5);
    builder.add(1, schema::pack_facet_ids(tag, {{FacetIdKind::cluster, 0}, {FacetIdKind::date, 7}, {FacetIdKind::person, 40}}));
    builder.add(2, schema::pack_facet_ids(tag, {{FacetIdKind::date, 7}, {FacetIdKind::person, 40}, {FacetIdKind::org, 41}}));
    builder.add(3, schema::pack_facet_ids(tag, {{FacetIdKind::cluster, 0}, {FacetIdKind::date, 8}, {FacetIdKind::person, 42}}));
    builder.add(5, schema::pack_facet_ids(tag, {{FacetIdKind::cluster, 1}, {FacetIdKind::person, 40}}));
    const std::string bytes = builder.encode(4);
    const auto totals = FacetTotals::read(bytes, 5);
    REQUIRE(totals);
    CHECK(totals->tag() == tag);
    CHECK(totals->documents() == 4);
    CHECK(totals->stories() == 3);
    CHECK(totals->ids_bound() == 43);
    CHECK(totals->clusters_bound() == 2);
    const std::vector<FacetTotals::Entry> expected{
        {FacetIdKind::date, 7, 2, 2},     {FacetIdKind::date, 8, 1, 0},    {FacetIdKind::date, FacetTotals::undated, 1, 1},
        {FacetIdKind::person, 40, 3, 3}, {FacetIdKind::person, 42, 1, 0}, {FacetIdKind::org, 41, 1, 1}};
    const std::vector<FacetTotals::Entry> entries = entries_of(*totals);
    REQUIRE(entries.size() == expected.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        INFO(i);
        CHECK(same(entries[i], expected[i]));
    }
    CHECK(totals->entries_of(FacetIdKind::date) == std::pair<std::size_t, std::size_t>{0, 3});
    CHECK(totals->entries_of(FacetIdKind::source) == std::pair<std::size_t, std::size_t>{3, 3});
    CHECK(totals->entries_of(FacetIdKind::person) == std::pair<std::size_t, std::size_t>{3, 5});
    CHECK(totals->entries_of(FacetIdKind::place) == std::pair<std::size_t, std::size_t>{6, 6});
    CHECK(totals->first_of_story(1));
    CHECK(totals->first_of_story(2));
    CHECK_FALSE(totals->first_of_story(3));
    CHECK_FALSE(totals->first_of_story(4));
    CHECK(totals->first_of_story(5));
    CHECK_FALSE(totals->first_of_story(6));
    CHECK(totals->cluster_of(1) == 0u);
    CHECK(totals->cluster_of(2) == std::nullopt);
    CHECK(totals->cluster_of(3) == 0u);
    CHECK(totals->cluster_of(4) == std::nullopt);
    CHECK(totals->cluster_of(5) == 1u);
    CHECK(totals->cluster_of(6) == std::nullopt);
    // Read against another column's length, the bytes do not fit.
    CHECK_FALSE(FacetTotals::read(bytes, 100));
    CHECK_FALSE(FacetTotals::read(bytes.substr(0, bytes.size() - 1), 5));
}

TEST_CASE("issue 20: facet totals are unusable unless every document has numbers of one dictionary", "[facet_totals]") {
    const std::string value = schema::pack_facet_ids(tag, {{FacetIdKind::date, 1}});
    {
        FacetTotals::Builder builder(2);
        builder.add(1, value);
        CHECK(FacetTotals::read(builder.encode(2), 2) == std::nullopt);  // document 2 has no value
        CHECK(FacetTotals::read(builder.encode(1), 2).has_value());
    }
    {
        FacetTotals::Builder builder(2);
        builder.add(1, value);
        builder.add(2, schema::pack_facet_ids(tag + 1, {{FacetIdKind::date, 1}}));  // another dictionary
        CHECK(FacetTotals::read(builder.encode(2), 2) == std::nullopt);
    }
    {
        FacetTotals::Builder builder(2);
        builder.add(1, value);
        builder.add(2, value + "\xff");  // a truncated varint
        CHECK(FacetTotals::read(builder.encode(2), 2) == std::nullopt);
    }
}
