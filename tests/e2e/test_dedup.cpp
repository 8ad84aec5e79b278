// Issue "Deduplicate": near-duplicate clusters on generated ground truth, incremental joining,
// collapsing, and an index that does not depend on the number of threads.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>

#include <xapian.h>

#include "common/schema.hpp"

#include "benchmarks/cluster_metrics.hpp"
#include "benchmarks/index_clusters.hpp"
#include "tests/support/index_contents.hpp"
#include "tests/support/paths.hpp"
#include "tests/support/run_tool.hpp"
#include "tests/support/temp_dir.hpp"

using namespace newsdex;
using namespace newsdex::test;
using nlohmann::json;

namespace {

// A generated corpus with planted exact and near copies, and its truth file.
const TempDir& generated() {
    static TempDir dir;
    static bool made = false;
    if (!made) {
        ToolRun run = run_tool(tool("generate-corpus"), {"--count", "3000", "--seed", "11", "--model-from",
                                                         (shared_corpus() / "bbc").string(), "--out",
                                                         (dir / "corpus.jsonl").string(), "--truth",
                                                         (dir / "truth.jsonl").string()});
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        made = true;
    }
    return dir;
}

json index(const std::filesystem::path& db, const std::vector<std::string>& extra, const std::string& input = {}) {
    std::vector<std::string> args{"--db", db.string(), "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    ToolRun run = run_tool(tool("news-index"), args, input);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    return json::parse(run.out);
}

json search(const std::filesystem::path& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db.string(), "--json"});
    ToolRun run = run_tool(tool("news-search"), args);
    INFO(run.err);
    REQUIRE(run.exit_code <= 1);
    return json::parse(run.out);
}

std::string article_line(const std::string& id, const std::string& source, const std::vector<std::string>& paragraphs) {
    std::string body;
    for (const auto& paragraph : paragraphs) body += (body.empty() ? "" : "\n\n") + paragraph;
    return json{{"id", id}, {"title", "Budget row deepens"}, {"source", source}, {"body", body}}.dump() + "\n";
}

const std::vector<std::string> story{
    "The finance minister faced fresh criticism on Tuesday after figures showed the deficit had widened for a third month running, despite promises of restraint.",
    "Opposition leaders said the government had lost control of spending and called for an emergency statement to parliament before the end of the week.",
    "Officials insisted that the shortfall reflected one-off payments to flood-hit regions and would be recovered by higher tax receipts in the spring.",
    "Economists were divided, with some warning that borrowing costs could rise sharply if investors began to doubt the credibility of the plan.",
    "The minister is due to set out revised forecasts next month, when independent auditors will also publish their assessment of the public finances.",
};

}  // namespace

TEST_CASE("near copies in a generated corpus are clustered with high pairwise precision and recall", "[e2e][dedup]") {
    TempDir db;
    json summary = index(db.path(), {(generated() / "corpus.jsonl").string()});
    CHECK(summary["duplicates"].get<int>() > 50);
    CHECK(summary["near_duplicate_clusters"].get<int>() > 50);
    std::ifstream truth(generated() / "truth.jsonl");
    PairwiseScores scores = pairwise_scores(clusters_in_index(Xapian::Database(db.path().string())), read_true_clusters(truth));
    WARN("pairwise precision " << scores.precision << ", recall " << scores.recall << " over " << scores.true_pairs
                               << " true pairs");
    CHECK(scores.true_pairs > 200);
    CHECK(scores.precision >= 0.99);
    CHECK(scores.recall >= 0.95);
}

TEST_CASE("a near copy added by a later run joins the existing cluster", "[e2e][dedup]") {
    TempDir db;
    json first = index(db.path(), {"-"}, article_line("original", "Daily Ledger", story));
    CHECK(first["indexed"] == 1);

    // Republished elsewhere: two paragraphs swapped, a word changed, web furniture added.
    std::vector<std::string> copy = story;
    std::swap(copy[1], copy[2]);
    copy[3].replace(copy[3].find("sharply"), 7, "steeply");
    copy.push_back("Share this article");
    json second = index(db.path(), {"-"}, article_line("republished", "Evening Wire", copy));
    CHECK(second["indexed"] == 1);
    CHECK(second["near_duplicates"] == 1);
    CHECK(second["near_duplicate_clusters"] == 1);

    json members = search(db.path(), {"--cluster", "republished"});
    REQUIRE(members["members"].size() == 2);
    json collapsed = search(db.path(), {"deficit"});
    REQUIRE(collapsed["results"].size() == 1);
    CHECK(collapsed["results"][0]["duplicates"] == 1);
    CHECK(search(db.path(), {"--no-collapse", "deficit"})["results"].size() == 2);
}

namespace {

// The article id of every document, in docid order: docids break ranking ties, so they must
// not depend on the number of threads either.
std::vector<std::string> ids_by_docid(const std::filesystem::path& db) {
    Xapian::Database index(db.string());
    std::vector<std::string> ids;
    for (auto it = index.postlist_begin(""); it != index.postlist_end(""); ++it) {
        const Xapian::Document document = index.get_document(*it);
        auto term = document.termlist_begin();
        term.skip_to(std::string(schema::id_prefix));
        ids.push_back(std::to_string(*it) + " " + (term != document.termlist_end() ? *term : std::string()));
    }
    return ids;
}

}  // namespace

TEST_CASE("1, 2 and 8 writer threads give the same docids and the same answers", "[e2e][dedup][threads]") {
    TempDir one, two, eight;
    const std::string corpus = (generated() / "corpus.jsonl").string();
    // Small checkpoints, so that several segments are compacted and merged in each run.
    json a = index(one.path(), {"--threads", "1", "--commit-every", "1000", corpus});
    json b = index(two.path(), {"--threads", "2", "--commit-every", "1000", corpus});
    json c = index(eight.path(), {"--threads", "8", "--commit-every", "1000", corpus});
    for (const json* other : {&b, &c}) {
        CHECK(a["documents"] == (*other)["documents"]);
        CHECK(a["duplicates"] == (*other)["duplicates"]);
        CHECK(a["near_duplicates"] == (*other)["near_duplicates"]);
    }
    const std::vector<std::string> docids = ids_by_docid(one.path());
    CHECK(docids.size() == a["documents"].get<std::size_t>());
    CHECK(ids_by_docid(two.path()) == docids);
    CHECK(ids_by_docid(eight.path()) == docids);
    for (const std::vector<std::string>& query : std::vector<std::vector<std::string>>{
             {"minister"}, {"government", "plan"}, {"\"the government\""}, {"--sort", "date", ""}, {""},
             {"--facet", "month", "--facet", "actor", "--limit", "0", "police"}}) {
        json x = search(one.path(), query), y = search(two.path(), query), z = search(eight.path(), query);
        x.erase("took_ms");
        y.erase("took_ms");
        z.erase("took_ms");
        INFO(query.back());
        CHECK(x == y);
        CHECK(x == z);
    }
}

namespace {

// Every document of an index by article id: its cluster, the copies recorded on it and all
// its terms, so two indexes compare whatever their docids.
}  // namespace

TEST_CASE("copies and new versions of articles still being compacted at a checkpoint reach the index",
          "[e2e][dedup][checkpoint]") {
    // Each checkpoint's segment is compacted while the next articles are written: copies of its
    // articles arriving then are applied once it is listed, and older versions never reach it. The generated
    // corpus, with an exact copy (new id) of every 7th article 600 lines later and a changed
    // version (same id) of every 11th article 700 lines later, so that with a checkpoint every
    // 500 documents many land while their original's segment is still being compacted.
    std::ifstream in(generated() / "corpus.jsonl");
    std::vector<json> articles;
    for (std::string line; std::getline(in, line);) articles.push_back(json::parse(line));
    std::multimap<std::size_t, json> inserted;  // line to write after -> article
    for (std::size_t i = 0; i < articles.size(); ++i) {
        if (i % 7 == 0) {
            json copy = articles[i];
            copy["id"] = "copy-of-" + articles[i]["id"].get<std::string>();
            inserted.emplace(i + 600, copy);
        }
        if (i % 11 == 0) {
            json changed = articles[i];
            changed["body"] = changed["body"].get<std::string>() + "\nCorrection: an earlier version misspelt qwzrevised.";
            inserted.emplace(i + 700, changed);
        }
    }
    TempDir input;
    std::ofstream out(input / "corpus.jsonl");
    for (std::size_t i = 0; i < articles.size(); ++i) {
        out << articles[i].dump() << '\n';
        auto [first, last] = inserted.equal_range(i);
        for (auto it = first; it != last; ++it) out << it->second.dump() << '\n';
    }
    out.close();

    TempDir once, often;
    const std::string corpus = (input / "corpus.jsonl").string();
    json a = index(once.path(), {"--threads", "2", "--commit-every", "1000000", corpus});
    json b = index(often.path(), {"--threads", "2", "--commit-every", "500", corpus});
    CHECK(b["documents"] == a["documents"]);
    CHECK(b["duplicates"] == a["duplicates"]);
    CHECK(b["older_versions"] == a["older_versions"]);
    // Issue 21: a later version in the same input wins without the older one being indexed.
    CHECK(a["older_versions"].get<int>() > 200);
    CHECK(a["replaced"] == 0);
    CHECK(index_differences(once.path(), often.path()) == "");
}

TEST_CASE("a run stopped by --strict while a checkpoint is compacted keeps only listed checkpoints, and a re-run completes",
          "[e2e][dedup][checkpoint][strict]") {
    // A bad record far enough in that checkpoints (every 500 new documents) have been listed
    // and another is being compacted when --strict stops the run.
    std::ifstream in(generated() / "corpus.jsonl");
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    REQUIRE(lines.size() > 2400);
    TempDir input;
    {
        std::ofstream out(input / "corpus.jsonl");
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (i == 2400) out << "{\"id\": \"bad\", \"title\": 5, \"body\": \"x\"}\n";
            out << lines[i] << '\n';
        }
    }
    const std::string corpus = (input / "corpus.jsonl").string();
    TempDir stopped, clean;
    ToolRun strict = run_tool(tool("news-index"), {"--db", stopped.path().string(), "--threads", "2", "--strict",
                                                   "--commit-every", "500", corpus});
    INFO(strict.err);
    CHECK(strict.exit_code == 2);
    const std::size_t kept = documents_by_id(stopped.path()).size();
    CHECK(kept >= 500);
    CHECK(kept % 500 == 0);  // whole checkpoints only: the one being compacted was not listed
    CHECK(kept < 2400);

    ToolRun rerun = run_tool(tool("news-index"), {"--db", stopped.path().string(), "--threads", "2",
                                                  "--commit-every", "500", corpus});
    CHECK(rerun.exit_code == 1);  // the bad record is rejected
    ToolRun once = run_tool(tool("news-index"), {"--db", clean.path().string(), corpus});
    CHECK(once.exit_code == 1);
    CHECK(documents_by_id(stopped.path()) == documents_by_id(clean.path()));
}
