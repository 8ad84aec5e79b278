#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/facet_dictionary.hpp"
#include "common/schema.hpp"
#include "indexer/write/facet_dictionary_writer.hpp"
#include "tests/support/temp_dir.hpp"

using namespace newsdex;
using newsdex::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> names_of(const FacetDictionary& dictionary) {
    std::vector<std::string> names;
    for (std::uint32_t id = 0; id < dictionary.size(); ++id) names.emplace_back(dictionary.name(id));
    return names;
}

// A dictionary in `dir` that holds `names`, flushed; returns its tag.
std::uint32_t write_names(const TempDir& dir, const std::vector<std::string>& names) {
    FacetDictionaryWriter writer(dir.path());
    for (const auto& name : names) (void)writer.id(name);
    writer.flush();
    return writer.tag();
}

void append(const fs::path& file, const std::string& bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::app);
    out << bytes;
}

}  // namespace

TEST_CASE("slot_facet_ids values round-trip, and malformed ones are refused", "[schema][facet_ids]") {
    using K = schema::FacetIdKind;
    const std::vector<schema::FacetId> ids{{K::source, 0}, {K::country, 127}, {K::region, 128}, {K::person, 16383},
                                           {K::org, 16384}, {K::place, UINT32_MAX}};
    const std::string packed = schema::pack_facet_ids(0xdeadbeef, ids);
    CHECK(schema::facet_ids_tag(packed) == 0xdeadbeefu);
    std::vector<std::pair<K, std::uint32_t>> read;
    CHECK(schema::for_each_facet_id(packed, [&](K kind, std::uint32_t id) {
        read.emplace_back(kind, id);
        return true;
    }));
    REQUIRE(read.size() == ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        CHECK(read[i].first == ids[i].kind);
        CHECK(read[i].second == ids[i].id);
    }
    // One byte per small number: the source and a person numbered below 16 take a byte each.
    CHECK(schema::pack_facet_ids(1, {{K::source, 3}, {K::person, 15}}).size() == 4 + 2);
    CHECK(schema::pack_facet_ids(7, {}).size() == 4);

    auto readable = [](const std::string& value) {
        return schema::for_each_facet_id(value, [](K, std::uint32_t) { return true; });
    };
    CHECK_FALSE(schema::facet_ids_tag("abc"));
    CHECK_FALSE(readable("abc"));                                  // no tag
    CHECK_FALSE(readable(std::string("abcd") + "\x80"));           // a varint cut short
    CHECK_FALSE(readable(std::string("abcd") + "\xff\xff\xff\xff\xff\x01"));  // beyond 32 bits
    CHECK(readable("abcd"));
    // A visitor that stops early stops the reading, which is not an error.
    int visited = 0;
    CHECK(schema::for_each_facet_id(packed, [&](K, std::uint32_t) { return ++visited < 2; }));
    CHECK(visited == 2);
}

TEST_CASE("the facet dictionary numbers names in order of first use, and keeps their numbers across runs",
          "[facet_ids]") {
    TempDir dir;
    std::uint32_t tag = 0;
    {
        FacetDictionaryWriter writer(dir.path());
        tag = writer.tag();
        CHECK(writer.id("Alice") == 0);
        CHECK(writer.id("Bob") == 1);
        CHECK(writer.id("Alice") == 0);
        CHECK(writer.id("") == 2);
        CHECK(writer.id("Zoë Ó Súilleabháin") == 3);
        // Nothing is on disk before flush().
        auto before = FacetDictionary::open(dir.path());
        REQUIRE(before);
        CHECK(before->size() == 0);
        writer.flush();
        writer.flush();  // nothing new: nothing written
    }
    auto dictionary = FacetDictionary::open(dir.path());
    REQUIRE(dictionary);
    CHECK(dictionary->tag() == tag);
    CHECK(names_of(*dictionary) == std::vector<std::string>{"Alice", "Bob", "", "Zoë Ó Súilleabháin"});
    {
        // A second run: the names it had keep their numbers, new ones come after.
        FacetDictionaryWriter writer(dir.path());
        CHECK(writer.tag() == tag);
        CHECK(writer.size() == 4);
        CHECK(writer.id("Carol") == 4);
        CHECK(writer.id("Bob") == 1);
        writer.flush();
    }
    // A reader opened before the second run still reads its four names.
    CHECK(dictionary->size() == 4);
    CHECK(dictionary->name(3) == "Zoë Ó Súilleabháin");
    auto later = FacetDictionary::open(dir.path());
    REQUIRE(later);
    CHECK(names_of(*later) == std::vector<std::string>{"Alice", "Bob", "", "Zoë Ó Súilleabháin", "Carol"});
}

TEST_CASE("the facet dictionary numbers a document's source, places and actors in their order", "[facet_ids]") {
    TempDir dir;
    FacetDictionaryWriter writer(dir.path());
    Xapian::Document document;
    document.add_value(schema::slot_source, "BBC");
    document.add_value(schema::slot_places,
                       schema::pack_geo({{schema::GeoLevel::region, "Oregon"}, {schema::GeoLevel::country, "United States"}}));
    document.add_value(schema::slot_actors,
                       schema::pack_actors({{ActorType::place, "Portland"}, {ActorType::person, "BBC"}, {ActorType::org, "ACME"}}));
    writer.add_ids(document);
    using K = schema::FacetIdKind;
    std::vector<std::pair<K, std::uint32_t>> read;
    const std::string packed = document.get_value(schema::slot_facet_ids);
    CHECK(schema::facet_ids_tag(packed) == writer.tag());
    CHECK(schema::for_each_facet_id(packed, [&](K kind, std::uint32_t id) {
        read.emplace_back(kind, id);
        return true;
    }));
    CHECK(read == std::vector<std::pair<K, std::uint32_t>>{
                      {K::source, 0}, {K::country, 1}, {K::region, 2}, {K::place, 3}, {K::person, 0}, {K::org, 4}});
    // A document without facet values still says it was numbered.
    Xapian::Document bare;
    writer.add_ids(bare);
    CHECK(bare.get_value(schema::slot_facet_ids).size() == 4);
}

TEST_CASE("a facet dictionary cut short by a crash keeps what was flushed, and files that disagree are replaced",
          "[facet_ids]") {
    TempDir dir;
    const std::uint32_t tag = write_names(dir, {"Alice", "Bob"});
    // A crash during the next flush: a name written without its end, half an end.
    append(dir / std::string(facet_dictionary_format::values.names_file), "Carol");
    append(dir / std::string(facet_dictionary_format::values.ends_file), std::string("\x0d\x00", 2));
    auto torn = FacetDictionary::open(dir.path());
    REQUIRE(torn);
    CHECK(names_of(*torn) == std::vector<std::string>{"Alice", "Bob"});
    {
        FacetDictionaryWriter writer(dir.path());
        CHECK(writer.tag() == tag);
        CHECK(writer.size() == 2);
        CHECK(writer.id("Dave") == 2);
        writer.flush();
    }
    auto repaired = FacetDictionary::open(dir.path());
    REQUIRE(repaired);
    CHECK(names_of(*repaired) == std::vector<std::string>{"Alice", "Bob", "Dave"});
    // An end past the names (damage): readers stop before it.
    append(dir / std::string(facet_dictionary_format::values.ends_file), std::string("\xff\xff\x00\x00", 4));
    auto damaged = FacetDictionary::open(dir.path());
    REQUIRE(damaged);
    CHECK(damaged->size() == 3);

    // Files of two different dictionaries: readers see none, and the writer starts a new one.
    TempDir other;
    { FacetDictionaryWriter writer(other.path()); }
    fs::copy_file(other / std::string(facet_dictionary_format::values.ends_file), dir / std::string(facet_dictionary_format::values.ends_file),
                  fs::copy_options::overwrite_existing);
    CHECK_FALSE(FacetDictionary::open(dir.path()));
    FacetDictionaryWriter fresh(dir.path());
    CHECK(fresh.size() == 0);
    CHECK(fresh.tag() != tag);
    CHECK(FacetDictionary::open(dir.path()));

    // No dictionary at all.
    TempDir empty;
    CHECK_FALSE(FacetDictionary::open(empty.path()));
}
