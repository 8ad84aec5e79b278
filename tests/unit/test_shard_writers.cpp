// The shard writers: where each document lands must not depend on how many threads wrote it.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include "indexer/write/shard_writers.hpp"
#include "tests/support/temp_dir.hpp"

using newsdex::DocumentPlace;
using newsdex::ShardWriters;
using newsdex::test::TempDir;

namespace {

// The ids ("Q" terms) each part holds, keyed by the part's file name.
using Layout = std::map<std::string, std::vector<std::string>>;

struct Written {
    Layout layout;
    std::vector<std::string> parts;
    bool places_match = true;  // every document is in the part add() said
};

Written write_documents(unsigned threads, int count) {
    TempDir work;
    ShardWriters writers(work.path(), 2, threads);
    std::vector<std::pair<std::string, DocumentPlace>> placed;
    for (int i = 0; i < count; ++i) {
        Xapian::Document document;
        const std::string id = "Q" + std::to_string(i);
        document.add_boolean_term(id);
        placed.emplace_back(id, writers.add(document));
    }
    writers.finish();

    Written written;
    for (const auto& part : writers.parts()) {
        written.parts.push_back(part.filename().string());
        Xapian::Database db(part.string());
        auto& ids = written.layout[part.filename().string()];
        for (auto it = db.allterms_begin("Q"); it != db.allterms_end("Q"); ++it) ids.push_back(*it);
    }
    for (const auto& [id, place] : placed) {
        Xapian::Database db(writers.part_path(place).string());
        if (db.postlist_begin(id) == db.postlist_end(id)) written.places_match = false;
    }
    return written;
}

}  // namespace

TEST_CASE("shard writers put each document in the same part with 0, 1 or 2 threads", "[shard_writers]") {
    // Past two parts per shard, with a last part left unfinished.
    constexpr int count = 2 * 2 * static_cast<int>(ShardWriters::documents_per_part) + 300;
    const Written inline_writes = write_documents(0, count);
    const Written one_thread = write_documents(1, count);
    const Written two_threads = write_documents(2, count);

    CHECK(inline_writes.parts.size() == 6);
    CHECK(inline_writes.places_match);
    CHECK(one_thread.places_match);
    CHECK(two_threads.places_match);
    CHECK(inline_writes.parts == two_threads.parts);
    CHECK(inline_writes.layout == one_thread.layout);
    CHECK(inline_writes.layout == two_threads.layout);

    std::size_t total = 0;
    for (const auto& [part, ids] : inline_writes.layout) total += ids.size();
    CHECK(total == static_cast<std::size_t>(count));
}
