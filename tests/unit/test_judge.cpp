// Issue 14: deduplication is a stage that returns a verdict. One row per verdict kind, on an
// index of real BBC paragraphs, including the two risky cases: an article replaced by text that
// is now another article's copy, and a copy of a document still in an unlisted segment.
#include <catch2/catch.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/analyzer.hpp"
#include "indexer/dedup/content_hash.hpp"
#include "indexer/dedup/index_lookup.hpp"
#include "indexer/dedup/judge.hpp"
#include "indexer/dedup/minhash.hpp"
#include "indexer/write/amendments.hpp"
#include "indexer/write/document_builder.hpp"
#include "tests/support/paths.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/text_articles.hpp"

using namespace newsdex;
using newsdex::test::TempDir;

namespace {

// Distinct real texts: five BBC business articles; "edited" is the first with one sentence added.
struct Texts {
    Article one, two, three, four, five, edited;
};

const Texts& texts() {
    static const Texts t = [] {
        const auto bbc = test::shared_corpus() / "bbc" / "business";
        auto read = [&](const char* name) { return test::read_text_file(bbc / name); };
        Texts made{read("001.txt"), read("002.txt"), read("003.txt"), read("004.txt"), read("005.txt"), read("001.txt")};
        made.edited.paragraphs.push_back("Analysts said the figures would be revised next month.");
        return made;
    }();
    return t;
}

const MinHasher& hasher() {
    static const MinHasher h;
    return h;
}

// An article with `text`'s words under `id`, fingerprinted as the workers do; `record` stands
// for its record hash (a new record hash is a new version).
ProcessedArticle processed(const std::string& id, const std::string& record, const Article& text) {
    ProcessedArticle p;
    p.article = text;
    p.article.id = id;
    p.record_hash = record;
    p.content_hash = content_hash(p.article);
    const MinHashSignature signature = hasher().signature(p.article);
    p.band_terms = hasher().band_terms(signature);
    p.signature = serialise_signature(signature);
    return p;
}

// An index written as the writer writes it: documents with their cluster, copies recorded.
struct Indexed {
    ProcessedArticle article;
    std::string cluster;
    std::vector<std::string> copies;
};

Xapian::WritableDatabase make_index(const TempDir& dir, const std::vector<Indexed>& documents) {
    Xapian::WritableDatabase db((dir / "index").string(), Xapian::DB_CREATE);
    Xapian::TermGenerator generator;
    Stemmers stemmers;
    for (const auto& indexed : documents) {
        Xapian::Document document = build_document(indexed.article, generator, stemmers);
        document.add_value(schema::slot_cluster, indexed.cluster);
        document.add_boolean_term(schema::boolean_term(schema::cluster_prefix, indexed.cluster));
        std::vector<schema::SeenAs> copies;
        for (const auto& copy : indexed.copies) copies.push_back({copy, "", "", ""});
        if (!copies.empty()) add_copies(document, copies);
        db.add_document(document);
    }
    db.commit();
    return db;
}

Version indexed_version(const std::string& id, const std::string& record) {
    return {schema::id_term(id), record, std::nullopt};
}

struct Expected {
    Verdict::Kind kind;
    bool replaces = false;
    std::string cluster{};  // added only
    bool near_copy = false;
    std::vector<std::pair<Amendment::Kind, Version>> amendments{};
};

void check(const Verdict& verdict, const Expected& expected) {
    CHECK(verdict.kind == expected.kind);
    CHECK(verdict.replaces == expected.replaces);
    if (expected.kind == Verdict::Kind::added) {
        CHECK(verdict.cluster == expected.cluster);
        CHECK(verdict.near_copy == expected.near_copy);
    }
    REQUIRE(verdict.amendments.size() == expected.amendments.size());
    for (std::size_t i = 0; i < expected.amendments.size(); ++i) {
        CHECK(verdict.amendments[i].kind == expected.amendments[i].first);
        CHECK(verdict.amendments[i].target == expected.amendments[i].second);
        CHECK(verdict.amendments[i].target.run_number == expected.amendments[i].second.run_number);
    }
}

}  // namespace

TEST_CASE("the judge gives one verdict per kind of article", "[judge]") {
    const Texts& t = texts();
    TempDir dir;
    // The index: "a" (text one) and "f" (text three). The judge is not told what the input
    // holds (the next test is).
    Xapian::WritableDatabase index =
        make_index(dir, {{processed("a", "a1", t.one), "a", {}}, {processed("f", "f1", t.three), "f", {}}});
    const Version a1 = indexed_version("a", "a1"), f1 = indexed_version("f", "f1");

    struct Row {
        const char* what;
        ProcessedArticle article;
        Expected expected;
    };
    // Rows run in order against one judge: later rows see what earlier ones decided. The run
    // numbers its documents from 0: b1, f2, b2, e1, k1.
    const Version b2{schema::id_term("b"), "b2", 2}, f2{schema::id_term("f"), "f2", 1};
    std::vector<Row> rows;
    rows.push_back({"the indexed version again: unchanged", processed("a", "a1", t.one), {Verdict::Kind::unchanged}});
    rows.push_back({"a new article: added in a cluster of its own", processed("b", "b1", t.two),
                    {Verdict::Kind::added, false, "b"}});
    rows.push_back({"the same id with another record and new text: replaces the indexed version",
                    processed("f", "f2", t.four), {Verdict::Kind::added, true, "f", false, {{Amendment::Kind::retire, f1}}}});
    rows.push_back({"the new text of an article written this run: replaces the run's version",
                    processed("b", "b2", t.five),
                    {Verdict::Kind::added, true, "b", false, {{Amendment::Kind::retire, {schema::id_term("b"), "b1", 0}}}}});
    rows.push_back({"an exact copy of an indexed document under a new id: a copy recorded on it",
                    processed("c", "c1", t.one), {Verdict::Kind::copy, false, "", false, {{Amendment::Kind::record_copy, a1}}}});
    rows.push_back({"a copy recorded already: unchanged", processed("c", "c1", t.one), {Verdict::Kind::unchanged}});
    rows.push_back({"a near copy of an indexed document: added in its cluster", processed("e", "e1", t.edited),
                    {Verdict::Kind::added, false, "a", true}});
    rows.push_back({"an article replaced by text that is now another article's copy: a copy, its old version retired",
                    processed("a", "a2", t.five),
                    {Verdict::Kind::copy, true, "", false, {{Amendment::Kind::record_copy, b2}, {Amendment::Kind::retire, a1}}}});
    rows.push_back({"a copy of a document still in an unlisted segment: recorded on the run's document",
                    processed("h", "h1", t.four), {Verdict::Kind::copy, false, "", false, {{Amendment::Kind::record_copy, f2}}}});
    rows.push_back({"a retired version is nobody's original: its text is new again, near the run's edited copy",
                    processed("k", "k1", t.one), {Verdict::Kind::added, false, "a", true}});

    Judge judge(index, hasher());
    for (auto& row : rows) {
        INFO(row.what);
        check(judge.decide(row.article), row.expected);
    }
}

TEST_CASE("issue 21: a version this input replaces later keeps no copy, and a retired version's copy takes it over",
          "[judge]") {
    const Texts& t = texts();
    TempDir dir;
    // The index: "x" (text one), and "p" (text two) with the copy "q" from an earlier run.
    Xapian::WritableDatabase index =
        make_index(dir, {{processed("x", "x1", t.one), "x", {}}, {processed("p", "p1", t.two), "p", {"q"}}});
    // The input: a copy of x's text, then x's new version; p's new version. "q" is not in it.
    const std::vector<ProcessedArticle> input{processed("y", "y1", t.one), processed("x", "x2", t.three),
                                              processed("p", "p2", t.four)};
    LatestRecords latest;
    for (const auto& article : input) latest.observe(article.article, article.record_hash);

    Judge judge(index, hasher(), &latest);
    // y's text is x's first version, which this input replaces: y is a document of its own.
    Verdict y = judge.decide(input[0]);
    CHECK(y.kind == Verdict::Kind::added);
    CHECK(y.amendments.empty());
    Verdict x = judge.decide(input[1]);
    CHECK(x.kind == Verdict::Kind::added);
    REQUIRE(x.amendments.size() == 1);
    CHECK(x.amendments[0].kind == Amendment::Kind::retire);
    // p's old version had the copy q recorded, and q is not in the input: q takes the document over.
    Verdict p = judge.decide(input[2]);
    CHECK(p.kind == Verdict::Kind::added);
    REQUIRE(p.amendments.size() == 1);
    CHECK(p.amendments[0].kind == Amendment::Kind::hand_over);
    CHECK(p.amendments[0].target == indexed_version("p", "p1"));
    CHECK(p.amendments[0].copy.id == "q");
    // Until the writer applies it, q is known by its successor version; text two is q's.
    CHECK(judge.is_unchanged("q", p.amendments[0].successor_hash));
    Verdict again = judge.decide(processed("r", "r1", t.two));
    CHECK(again.kind == Verdict::Kind::copy);
    REQUIRE(again.amendments.size() == 1);
    CHECK(again.amendments[0].target.id_term == schema::id_term("q"));

    // Applied, the document is q's, with its own id and no longer its own copy.
    apply_amendments(index, p.amendments);
    index.commit();
    auto docid = find_document(index, {schema::id_term("q"), p.amendments[0].successor_hash, std::nullopt});
    REQUIRE(docid);
    const schema::StoredArticle stored = schema::decode(index.get_document(*docid).get_data());
    CHECK(stored.id == "q");
    CHECK(stored.also_seen.empty());
    CHECK(index.get_termfreq(schema::id_term("p")) == 0);
    CHECK(index.get_termfreq(schema::alias_id_term("q")) == 0);
}

TEST_CASE("issue 21: an id recorded as a copy that gets a document of its own is no longer the copy", "[judge]") {
    const Texts& t = texts();
    TempDir dir;
    Xapian::WritableDatabase index = make_index(dir, {{processed("k", "k1", t.one), "k", {"c"}}});
    Judge judge(index, hasher());
    // c comes back with a text of its own.
    Verdict c = judge.decide(processed("c", "c2", t.two));
    CHECK(c.kind == Verdict::Kind::added);
    REQUIRE(c.amendments.size() == 1);
    CHECK(c.amendments[0].kind == Amendment::Kind::forget_copy);
    CHECK(c.amendments[0].target == indexed_version("k", "k1"));
    CHECK(c.amendments[0].copy.id == "c");
    apply_amendments(index, c.amendments);
    index.commit();
    CHECK(index.get_termfreq(schema::alias_id_term("c")) == 0);
    auto docid = find_document(index, indexed_version("k", "k1"));
    REQUIRE(docid);
    CHECK(schema::decode(index.get_document(*docid).get_data()).also_seen.empty());
}

TEST_CASE("the judge's unchanged test sees versions retired and written in the run", "[judge]") {
    const Texts& t = texts();
    TempDir dir;
    Xapian::WritableDatabase index = make_index(dir, {{processed("a", "a1", t.one), "a", {}}});
    Judge judge(index, hasher());
    CHECK(judge.is_unchanged("a", "a1"));
    CHECK_FALSE(judge.is_unchanged("a", "a2"));
    (void)judge.decide(processed("a", "a2", t.two));
    CHECK(judge.is_unchanged("a", "a2"));
    CHECK_FALSE(judge.is_unchanged("a", "a1"));
    CHECK_FALSE(judge.is_unchanged("zz", "z1"));
}
