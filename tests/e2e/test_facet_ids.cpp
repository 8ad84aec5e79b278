// Issue 20 (item 3): facets counted from the numbers of the index's facet dictionary. On the BBC
// corpus the counts must equal those counted from the documents' names, for every facet, with and
// without collapsing; an index partly written without numbers, a dictionary that grows over two
// runs, and a stub over segments of two indexes must all count the same.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <set>

#include <xapian.h>

#include "common/facet_column.hpp"
#include "common/facet_dictionary.hpp"
#include "common/facet_totals.hpp"
#include "common/schema.hpp"
#include "searcher/facets/facet_counter.hpp"
#include "searcher/facets/match_walker.hpp"
#include "searcher/open_index.hpp"
#include "searcher/options.hpp"
#include "searcher/render/render_json.hpp"
#include "searcher/search.hpp"
#include "tests/support/paths.hpp"
#include "tests/support/run_tool.hpp"
#include "tests/support/scoped_env.hpp"
#include "tests/support/shared_indexes.hpp"
#include "tests/support/temp_dir.hpp"

using namespace newsdex;
using namespace newsdex::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> every_facet = {"person", "org", "place", "actor", "country", "region",
                                              "source", "day",    "week",  "month", "year"};

// The answer of news-search --json (less its time) for `query` with every facet in full, the
// facets counted from dictionary numbers (read from the facet columns, or with `columns` false
// from each document's value) or, with `from_names`, from names only.
json facet_answer(const fs::path& db, const std::string& query, bool collapse, bool from_names, bool columns = true) {
    const OpenIndex index = open_index(db);
    SearchOptions options;
    options.db = db;
    if (!query.empty()) options.query = {query};
    options.facets = every_facet;
    options.facet_limit = 1'000'000;
    options.limit = 3;
    options.snippet_length = 0;
    options.collapse = collapse;
    options.facets_from_names = from_names;
    options.facet_columns = columns;
    json answer = json::parse(render_search_json(run_search(index, options)));
    answer.erase("took_ms");
    return answer;
}

// Checks that every query's facets are the same counted either way.
void check_same_facets(const fs::path& db, const std::vector<std::string>& queries) {
    for (const auto& query : queries) {
        for (bool collapse : {true, false}) {
            INFO("query \"" << query << "\", collapse " << collapse);
            const json by_number = facet_answer(db, query, collapse, false);
            const json by_value = facet_answer(db, query, collapse, false, false);
            const json by_name = facet_answer(db, query, collapse, true);
            CHECK(by_number["facets"]["actor"].size() > 0);
            CHECK(by_number == by_name);
            CHECK(by_value == by_name);
        }
    }
}

// How many documents of `db` hold numbers of a dictionary the index opens with, and how many of
// those numbers are beyond it (which must never happen).
struct Numbered {
    std::size_t documents = 0;
    std::size_t numbered = 0;
    std::size_t beyond = 0;
};

Numbered count_numbered(const fs::path& db) {
    const OpenIndex index = open_index(db);
    Numbered out;
    for (auto it = index.db.postlist_begin(""); it != index.db.postlist_end(""); ++it) {
        ++out.documents;
        const std::string packed = index.db.get_document(*it).get_value(schema::slot_facet_ids);
        const auto tag = schema::facet_ids_tag(packed);
        for (const auto& dictionary : index.facet_dictionaries) {
            if (!tag || dictionary->tag() != *tag) continue;
            ++out.numbered;
            (void)schema::for_each_facet_id(packed, [&](schema::FacetIdKind kind, std::uint32_t id) {
                if (id >= (kind == schema::FacetIdKind::cluster ? dictionary->clusters() : dictionary->size())) ++out.beyond;
                return true;
            });
        }
    }
    return out;
}

void index_ok(const fs::path& db, const std::vector<std::string>& inputs) {
    std::vector<std::string> args{"--db", db.string(), "--no-progress"};
    args.insert(args.end(), inputs.begin(), inputs.end());
    ToolRun run = run_tool(tool("news-index"), args);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
}

std::vector<std::string> names_of(const fs::path& db) {
    auto dictionary = FacetDictionary::open(db);
    REQUIRE(dictionary);
    std::vector<std::string> names;
    for (std::uint32_t id = 0; id < dictionary->size(); ++id) names.emplace_back(dictionary->name(id));
    return names;
}

// The segment directories an index's stub lists, as absolute paths.
std::vector<fs::path> segments_of(const fs::path& db) {
    std::ifstream stub(db / "XAPIANDB");
    std::vector<fs::path> segments;
    for (std::string backend, name; stub >> backend >> name;) segments.push_back(fs::absolute(db / name));
    return segments;
}

// How a FacetCounter over `index` counts the month facet of every article (shard by shard when
// `shard_by_shard`): documents counted, and of those, counted from numbers. The month alone reads
// a short slot per document without facet columns, and numbers with them.
std::pair<std::size_t, std::size_t> month_counted(const OpenIndex& index, bool shard_by_shard = false) {
    FacetCounter counter({"month"}, 10, false, nullptr, index.facet_dictionaries, index.facet_columns);
    const Xapian::doccount matches = counter.count(
        index.db, Xapian::Query::MatchAll, [](Xapian::Enquire& enquire) { enquire.set_query(Xapian::Query::MatchAll); },
        shard_by_shard);
    CHECK(matches == counter.counted());
    return {counter.counted(), counter.counted_by_number()};
}

}  // namespace

TEST_CASE("issue 20: on the BBC corpus every facet counted from dictionary numbers equals its count from names",
          "[e2e][facet_ids]") {
    const fs::path db = bbc_index().path();
    const Numbered numbered = count_numbered(db);
    CHECK(numbered.documents == 2124);
    CHECK(numbered.numbered == numbered.documents);
    CHECK(numbered.beyond == 0);
    check_same_facets(db, {"", "government", "\"prime minister\"", "Blair OR Brown", "economy -growth", "oil AND price"});
    // news-index --check compares every document's numbers with its names (see test_nothing_lost
    // for the sanitizer option).
    const ScopedEnv xapian_check("ASAN_OPTIONS", with_asan_option("new_delete_type_mismatch=0"));
    ToolRun check = run_tool(tool("news-index"), {"--check", "--db", db.string()});
    INFO(check.out << check.err);
    CHECK(check.exit_code == 0);
}

TEST_CASE("issue 20: an index partly written before facet numbers counts the same facets", "[e2e][facet_ids]") {
    TempDir dir;
    const fs::path db = dir / "bbc";
    fs::copy(bbc_index().path(), db, fs::copy_options::recursive);
    // As an older news-index wrote them: every other document without its numbers.
    std::size_t stripped = 0;
    for (const fs::path& segment : segments_of(db)) {
        Xapian::WritableDatabase writable(segment.string(), Xapian::DB_OPEN);
        std::vector<Xapian::docid> odd;
        for (auto it = writable.postlist_begin(""); it != writable.postlist_end(""); ++it) {
            if (*it % 2 == 1) odd.push_back(*it);
        }
        for (Xapian::docid docid : odd) {
            Xapian::Document document = writable.get_document(docid);
            document.remove_value(schema::slot_facet_ids);
            writable.replace_document(docid, document);
            ++stripped;
        }
        writable.commit();
    }
    REQUIRE(stripped > 1000);
    const Numbered numbered = count_numbered(db);
    CHECK(numbered.numbered == numbered.documents - stripped);
    check_same_facets(db, {"", "election"});
    CHECK(facet_answer(db, "", true, false) == facet_answer(bbc_index().path(), "", true, true));

    // Without its dictionary, every document is counted by name.
    fs::remove(db / std::string(facet_dictionary_format::values.names_file));
    CHECK(count_numbered(db).numbered == 0);
    CHECK(facet_answer(db, "", true, false) == facet_answer(bbc_index().path(), "", true, false));
}

TEST_CASE("issue 20: a second run numbers its new names after the first run's, whose numbers stay",
          "[e2e][facet_ids]") {
    TempDir dir;
    const fs::path corpus = shared_corpus() / "bbc";
    const fs::path db = dir / "db";
    index_ok(db, {(corpus / "business").string(), (corpus / "tech").string()});
    const std::vector<std::string> first = names_of(db);
    REQUIRE(first.size() > 1000);
    index_ok(db, {(corpus / "politics").string(), (corpus / "sport").string()});
    const std::vector<std::string> second = names_of(db);
    REQUIRE(second.size() > first.size());
    CHECK(std::equal(first.begin(), first.end(), second.begin()));
    // Each name once.
    std::vector<std::string> sorted = second;
    std::sort(sorted.begin(), sorted.end());
    CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
    const Numbered numbered = count_numbered(db);
    CHECK(numbered.numbered == numbered.documents);
    CHECK(numbered.beyond == 0);
    check_same_facets(db, {"", "minister"});
}

TEST_CASE("issue 20: a stub over segments of two indexes counts each document by its own dictionary",
          "[e2e][facet_ids]") {
    TempDir dir;
    const fs::path corpus = shared_corpus() / "bbc";
    const fs::path one = dir / "one", two = dir / "two";
    index_ok(one, {(corpus / "business").string(), (corpus / "entertainment").string()});
    index_ok(two, {(corpus / "politics").string()});
    const fs::path stub = dir / "both.stub";
    {
        std::ofstream out(stub);
        for (const auto& db : {one, two}) {
            for (const auto& segment : segments_of(db)) out << "glass " << segment.string() << '\n';
        }
    }
    const OpenIndex index = open_index(stub);
    CHECK(index.facet_dictionaries.size() == 2);
    // Xapian shows a spy each segment's own docids: columns are read counting shard by shard.
    REQUIRE(index.facet_columns.size() == index.db.size());
    REQUIRE(index.db.size() >= 2);
    CHECK(month_counted(index, true) == std::pair<std::size_t, std::size_t>{index.db.get_doccount(), index.db.get_doccount()});
    CHECK(month_counted(index, false).first == index.db.get_doccount());
    const Numbered numbered = count_numbered(stub);
    CHECK(numbered.numbered == numbered.documents);
    check_same_facets(stub, {"", "market"});

    // A copy of an index written on after the copy has the same tag: with both listed, neither
    // dictionary can be trusted, and every document is counted by name.
    const fs::path copy = dir / "copy";
    fs::copy(two, copy, fs::copy_options::recursive);
    index_ok(copy, {(corpus / "tech").string()});
    const fs::path twins = dir / "twins.stub";
    {
        std::ofstream out(twins);
        for (const auto& db : {two, copy}) {
            for (const auto& segment : segments_of(db)) out << "glass " << segment.string() << '\n';
        }
    }
    CHECK(open_index(twins).facet_dictionaries.empty());
    check_same_facets(twins, {""});
}

TEST_CASE("issue 20: news-index writes a facet column per segment, read only while the segment is at its revision",
          "[e2e][facet_ids]") {
    TempDir dir;
    const fs::path db = dir / "bbc";
    fs::copy(bbc_index().path(), db, fs::copy_options::recursive);
    const std::vector<fs::path> segments = segments_of(db);
    REQUIRE_FALSE(segments.empty());
    for (const fs::path& segment : segments) CHECK(fs::exists(segment / FacetColumn::file_name));
    {
        // The month alone reads a short slot per document without columns; with them, numbers.
        const OpenIndex index = open_index(db);
        REQUIRE_FALSE(index.facet_columns.empty());
        CHECK(month_counted(index) == std::pair<std::size_t, std::size_t>{2124, 2124});
    }
    {
        // The numbers come from the column, not the documents: a column of the same revision that
        // gives no document a value makes every document counted by name.
        const fs::path column = segments.front() / FacetColumn::file_name;
        std::string bytes;
        {
            std::ifstream in(column, std::ios::binary);
            bytes.assign(std::istreambuf_iterator<char>(in), {});
        }
        REQUIRE(bytes.size() > 32);
        const std::uint32_t last = facet_dictionary_format::read_end(bytes.data() + 16);
        std::string blank = bytes.substr(0, 20) + std::string(12, '\0') + std::string(4 * (std::size_t{last} + 1), '\0');
        std::ofstream(column, std::ios::binary | std::ios::trunc) << blank;
        {
            const OpenIndex index = open_index(db);
            REQUIRE_FALSE(index.facet_columns.empty());
            CHECK(month_counted(index) == std::pair<std::size_t, std::size_t>{2124, 0});
        }
        {
            // news-index --check finds such a column.
            const ScopedEnv xapian_check("ASAN_OPTIONS", with_asan_option("new_delete_type_mismatch=0"));
            ToolRun check = run_tool(tool("news-index"), {"--check", "--db", db.string()});
            INFO(check.out << check.err);
            CHECK(check.exit_code != 0);
            CHECK((check.out + check.err).find("facet column disagrees") != std::string::npos);
        }
        std::ofstream(column, std::ios::binary | std::ios::trunc) << bytes;
    }
    // A writer moved the segment on (one article deleted, one changed): the column is of an older
    // revision and is not read; the facets still count what the index holds.
    const fs::path segment = segments.front();
    {
        Xapian::WritableDatabase writable(segment.string(), Xapian::DB_OPEN);
        auto it = writable.postlist_begin("");
        const Xapian::docid first = *it;
        const Xapian::docid second = *++it;
        writable.delete_document(first);
        Xapian::Document changed = writable.get_document(second);
        changed.remove_value(schema::slot_facet_ids);
        writable.replace_document(second, changed);
        writable.commit();
    }
    {
        const OpenIndex index = open_index(db);
        CHECK(index.facet_columns.empty());
        CHECK(month_counted(index) == std::pair<std::size_t, std::size_t>{2123, 0});
    }
    check_same_facets(db, {"", "election"});
    // The next run of news-index writes the column of the new revision.
    const fs::path empty = dir / "empty.jsonl";
    std::ofstream(empty).put('\n');
    ToolRun run = run_tool(tool("news-index"), {"--db", db.string(), "--no-progress", empty.string()});
    INFO(run.err);
    const OpenIndex index = open_index(db);
    REQUIRE_FALSE(index.facet_columns.empty());
    CHECK(month_counted(index) == std::pair<std::size_t, std::size_t>{2123, 2122});
    check_same_facets(db, {"", "election"});

    // A damaged column (cut short, or of another revision's length) is never read.
    const fs::path column = segment / FacetColumn::file_name;
    fs::resize_file(column, fs::file_size(column) - 3);
    CHECK(open_index(db).facet_columns.empty());
    std::ofstream(column, std::ios::binary | std::ios::trunc) << "NDXFIDS1";
    CHECK(open_index(db).facet_columns.empty());
    check_same_facets(db, {""});
}

TEST_CASE("issue 20: the facets' match walker finds exactly the documents Xapian's matcher finds", "[e2e][facet_ids]") {
    const Xapian::Database db(bbc_index().path().string());
    Xapian::QueryParser parser;
    parser.set_database(db);
    parser.set_stemmer(Xapian::Stem("en"));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_default_op(Xapian::Query::OP_AND);
    const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PURE_NOT;
    std::vector<Xapian::Query> queries{Xapian::Query::MatchAll, Xapian::Query::MatchNothing, Xapian::Query("nosuchterm")};
    for (const char* text : {"government", "Blair OR Brown", "economy -growth", "oil AND price AND NOT opec", "NOT film",
                             "(music OR film) AND (award OR prize) -oscar", "market growth rate", "\"prime minister\""}) {
        queries.push_back(parser.parse_query(text, flags));
    }
    queries.emplace_back(Xapian::Query::OP_AND_MAYBE, parser.parse_query("election", flags), parser.parse_query("labour", flags));
    queries.emplace_back(Xapian::Query::OP_FILTER, parser.parse_query("tax", flags), Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("Zrise"), Xapian::Query("Zcut")));
    queries.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, parser.parse_query("sport", flags), 2.0);
    std::size_t walked = 0;
    for (const Xapian::Query& query : queries) {
        INFO(query.get_description());
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_docid_order(Xapian::Enquire::ASCENDING);
        std::vector<Xapian::docid> expected;
        const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
        for (auto it = mset.begin(); it != mset.end(); ++it) expected.push_back(*it);
        std::sort(expected.begin(), expected.end());
        auto walker = MatchWalker::make(db, query);
        if (query.get_description().find("PHRASE") != std::string::npos) {
            CHECK(walker == nullptr);  // only the matcher knows where words stand
            continue;
        }
        REQUIRE(walker != nullptr);
        std::vector<Xapian::docid> found;
        walker->for_each([&](Xapian::docid docid) { found.push_back(docid); });
        CHECK(found == expected);
        ++walked;
    }
    CHECK(walked == queries.size() - 1);
}

namespace {

// The bytes of `file`.
std::string read_bytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// The month facet of news-search --json for `query`, every article counted.
json month_facet(const fs::path& db, const std::string& query) {
    const OpenIndex index = open_index(db);
    SearchOptions options;
    options.db = db;
    if (!query.empty()) options.query = {query};
    options.facets = {"month"};
    options.limit = 0;
    options.collapse = false;
    return json::parse(render_search_json(run_search(index, options)))["facets"]["month"];
}

// The sum of every "count" in `j`: a timeline's articles, dated at any precision or not.
std::size_t sum_of_counts(const json& j) {
    std::size_t sum = 0;
    if (j.is_object()) {
        for (const auto& [key, value] : j.items()) {
            sum += key == "count" && value.is_number() ? value.get<std::size_t>() : sum_of_counts(value);
        }
    } else if (j.is_array()) {
        for (const auto& value : j) sum += sum_of_counts(value);
    }
    return sum;
}

}  // namespace

TEST_CASE("issue 20: a query matching most of a segment is counted from the column's totals less the documents it does "
          "not match",
          "[e2e][facet_ids]") {
    TempDir dir;
    const fs::path db = dir / "bbc";
    fs::copy(bbc_index().path(), db, fs::copy_options::recursive);
    const std::vector<fs::path> segments = segments_of(db);
    REQUIRE(segments.size() == 1);
    {
        const OpenIndex index = open_index(db);
        REQUIRE(index.facet_columns.size() == 1);
        const FacetTotals* totals = index.facet_columns.column(0).totals();
        REQUIRE(totals != nullptr);
        CHECK(totals->documents() == index.db.get_doccount());
        // Each story's first document, and every document of no story.
        std::set<std::string> clusters;
        std::size_t stories = 0;
        for (auto it = index.db.postlist_begin(""); it != index.db.postlist_end(""); ++it) {
            const std::string cluster = index.db.get_document(*it).get_value(schema::slot_cluster);
            const bool first = cluster.empty() || clusters.insert(cluster).second;
            stories += first ? 1 : 0;
            CHECK(totals->first_of_story(*it) == first);
        }
        CHECK(totals->stories() == stories);
        CHECK(stories < totals->documents());  // the corpus has near copies
    }
    // Queries that most articles match, some with documents missing all over the segment (pure NOT,
    // AND_NOT), each counted the same from the totals as from the matches and from the names.
    const Xapian::Database whole(db.string());
    CHECK(whole.get_termfreq("Zthe") * 2 > whole.get_doccount());
    CHECK(whole.get_termfreq("Zsaid") * 2 > whole.get_doccount());
    check_same_facets(db, {"", "the", "said -market", "NOT film", "the OR growth", "said AND NOT (film OR music)"});

    // The totals are what is read: a column whose totals give one month 1000 more articles shows
    // them over every article and over "the", not over a query that few articles match.
    const json all_before = month_facet(db, "");
    const json the_before = month_facet(db, "the");
    const json few_before = month_facet(db, "film");
    const fs::path column = segments.front() / FacetColumn::file_name;
    const std::string bytes = read_bytes(column);
    const std::uint32_t last = facet_dictionary_format::read_end(bytes.data() + 16);
    const std::uint64_t values = facet_dictionary_format::read_end(bytes.data() + 24);
    const std::size_t totals_at = 32 + 4 * (std::size_t{last} + 1) + values;
    const std::size_t first_entry = totals_at + 28;
    REQUIRE(facet_dictionary_format::read_end(bytes.data() + first_entry) == static_cast<unsigned>(schema::FacetIdKind::date));
    std::string changed = bytes;
    const std::uint32_t documents = facet_dictionary_format::read_end(bytes.data() + first_entry + 8);
    const std::string more = [&] {
        std::string out;
        facet_dictionary_format::append_le(out, documents + 1000, 4);
        return out;
    }();
    changed.replace(first_entry + 8, 4, more);
    std::ofstream(column, std::ios::binary | std::ios::trunc) << changed;
    INFO(all_before.dump());
    CHECK(sum_of_counts(all_before) == whole.get_doccount());
    CHECK(sum_of_counts(month_facet(db, "")) == sum_of_counts(all_before) + 1000);
    CHECK(sum_of_counts(month_facet(db, "the")) == sum_of_counts(the_before) + 1000);
    CHECK(month_facet(db, "film") == few_before);
}

TEST_CASE("issue 20: the match walker estimates the share of documents a query matches from its terms",
          "[e2e][facet_ids]") {
    const Xapian::Database db(bbc_index().path().string());
    const double documents = db.get_doccount();
    const double the = db.get_termfreq("Zthe") / documents;
    const double film = db.get_termfreq("Zfilm") / documents;
    auto walker_of = [&](const Xapian::Query& query) {
        auto walker = MatchWalker::make(db, query);
        REQUIRE(walker != nullptr);
        return walker;
    };
    CHECK(walker_of(Xapian::Query::MatchAll)->matches_everything());
    CHECK(walker_of(Xapian::Query::MatchAll)->fraction() == Approx(1.0));
    CHECK_FALSE(walker_of(Xapian::Query("Zthe"))->matches_everything());
    CHECK(walker_of(Xapian::Query("Zthe"))->fraction() == Approx(the));
    CHECK(walker_of(Xapian::Query::MatchNothing)->fraction() == 0.0);
    const Xapian::Query the_film(Xapian::Query::OP_AND, Xapian::Query("Zthe"), Xapian::Query("Zfilm"));
    CHECK(walker_of(the_film)->fraction() == Approx(the * film));
    const Xapian::Query the_or_film(Xapian::Query::OP_OR, Xapian::Query("Zthe"), Xapian::Query("Zfilm"));
    CHECK(walker_of(the_or_film)->fraction() == Approx(1 - (1 - the) * (1 - film)));
    const Xapian::Query not_film(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, Xapian::Query("Zfilm"));
    CHECK(walker_of(not_film)->fraction() == Approx(1 - film));
    CHECK_FALSE(walker_of(not_film)->matches_everything());
    // A walker read straight through (one posting list) finds what one read by at_least() finds.
    std::vector<Xapian::docid> straight;
    walker_of(Xapian::Query("Zfilm"))->for_each([&](Xapian::docid docid) { straight.push_back(docid); });
    std::vector<Xapian::docid> stepped;
    auto stepping = walker_of(Xapian::Query("Zfilm"));
    for (Xapian::docid docid = stepping->at_least(1); docid != MatchWalker::end; docid = stepping->at_least(docid + 1))
        stepped.push_back(docid);
    CHECK(straight.size() == db.get_termfreq("Zfilm"));
    CHECK(straight == stepped);
}

TEST_CASE("issue 20: counted from the totals, a story whose first article does not match is counted by its first "
          "match",
          "[e2e][facet_ids]") {
    TempDir dir;
    // Twenty business articles; the first, third and fifth each come again as a near copy, and
    // the first article of each of those stories alone names a "zorblax" and a "quuxit".
    std::string lines;
    auto record = [&](const std::string& id, const std::string& text, const std::string& extra) {
        const auto title_end = text.find('\n');
        lines += json{{"id", id},
                      {"title", text.substr(0, title_end)},
                      {"date", "2005-0" + std::to_string(1 + lines.size() % 9) + "-15"},
                      {"body", text.substr(title_end + 1) + extra}}
                     .dump() +
                 "\n";
    };
    auto text_of = [](int n) {
        char name[16];
        std::snprintf(name, sizeof name, "%03d.txt", n);
        std::ifstream in(shared_corpus() / "bbc" / "business" / name, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    for (int n = 20; n < 40; ++n) {
        const bool copied = n == 20 || n == 22 || n == 24;
        record("a" + std::to_string(n), text_of(n), copied ? "\n\nA zorblax spokesman said quuxit." : "");
    }
    for (int n : {20, 22, 24}) record("b" + std::to_string(n), text_of(n), "");
    const fs::path feed = dir.write("feed.jsonl", lines);
    const fs::path db = dir / "db";
    index_ok(db, {feed.string()});
    {
        const OpenIndex index = open_index(db);
        REQUIRE(index.facet_columns.size() == 1);
        const FacetTotals* totals = index.facet_columns.column(0).totals();
        REQUIRE(totals != nullptr);
        REQUIRE(totals->documents() == 23);
        REQUIRE(totals->stories() == 20);  // the copies were joined to their stories
        const auto walker = MatchWalker::make(index.db, Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query("Zsaid"),
                                                                      Xapian::Query("Zzorblax")));
        REQUIRE(walker != nullptr);
        CHECK(walker->fraction() > 0.5);  // counted from the totals
    }
    // "said -zorblax": the stories' first articles do not match, their copies do; "said -quuxit"
    // likewise, one copy short of the lost stories; "NOT zorblax" leaves every story counted.
    check_same_facets(db, {"said -zorblax", "NOT zorblax", "said"});
    const json answer = facet_answer(db, "said -zorblax", true, false);
    const json by_name = facet_answer(db, "said -zorblax", true, true);
    CHECK(answer["total"] == by_name["total"]);
    const Xapian::Database whole(db.string());
    Xapian::Enquire enquire(whole);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query("Zsaid"), Xapian::Query("Zzorblax")));
    enquire.set_collapse_key(schema::slot_cluster);
    CHECK(answer["total"] == enquire.get_mset(0, 100, 100).get_matches_lower_bound());
}
