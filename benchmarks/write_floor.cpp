// newsdex-write-floor: what Xapian's own writer costs per newsdex document, nothing else.
//
// Loads finished documents from a newsdex index into memory (terms, positions, values, data),
// then times only their adding into fresh databases of 1,000 documents each, through
// news-index's own shard writer (DB_NO_SYNC, one flush per part). Run once with positions and once without.
// No Xapian-based indexer can add these documents faster than this on one core, so it bounds
// how far news-index can go past the bare-Xapian baseline while it builds the index through
// Xapian's API.
#include <time.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "common/cli/cli_support.hpp"
#include "common/errors.hpp"
#include "indexer/write/shard_writers.hpp"

namespace newsdex {
namespace {

// A standalone copy of `stored`, so that adding it reads nothing from the source index.
Xapian::Document copy_of(const Xapian::Document& stored, bool with_positions) {
    Xapian::Document copy;
    for (auto term = stored.termlist_begin(); term != stored.termlist_end(); ++term) {
        const std::string name = *term;
        if (with_positions) {
            for (auto position = term.positionlist_begin(); position != term.positionlist_end(); ++position) {
                copy.add_posting(name, *position, 0);
            }
        }
        copy.add_term(name, term.get_wdf());
    }
    for (auto value = stored.values_begin(); value != stored.values_end(); ++value) {
        copy.add_value(value.get_valueno(), *value);
    }
    copy.set_data(stored.get_data());
    return copy;
}

// Wall and CPU seconds of this process.
struct Timing {
    double seconds = 0;
    double cpu_seconds = 0;
};

double process_cpu_seconds() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

// Wall and CPU seconds to add `documents` through news-index's own shard writer, on this thread
// (one shard, no writer threads), commits included. On a busy machine the CPU time is the
// steadier figure: the wall time also counts the waits for a core.
Timing time_to_add(const std::vector<Xapian::Document>& documents, const std::filesystem::path& directory) {
    std::filesystem::remove_all(directory);
    std::filesystem::create_directories(directory);
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = process_cpu_seconds();
    {
        ShardWriters writer(directory, 1, 0);
        for (const auto& document : documents) writer.add(document);
        writer.finish();
    }
    const Timing timing{std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
                        process_cpu_seconds() - cpu_start};
    std::filesystem::remove_all(directory);
    return timing;
}

}  // namespace
}  // namespace newsdex

int main(int argc, char** argv) {
    using namespace newsdex;
    CLI::App app{"Time Xapian's writer alone on documents of a newsdex index.", "newsdex-write-floor"};
    std::string db, work;
    Xapian::doccount limit = 10000;
    app.add_option("--db", db, "newsdex index to take documents from")->required();
    app.add_option("--work", work, "Scratch directory for the throwaway parts")->required();
    app.add_option("--documents", limit, "Documents to load and add")->capture_default_str()->check(CLI::PositiveNumber);
    return run_cli(app, argc, argv, [&] {
        Xapian::Database index(db);
        // One set in memory at a time: tens of kilobytes per document.
        const auto load = [&](bool with_positions) {
            std::vector<Xapian::Document> documents;
            for (auto it = index.postlist_begin(""); it != index.postlist_end("") && documents.size() < limit; ++it) {
                documents.push_back(copy_of(index.get_document(*it), with_positions));
            }
            return documents;
        };
        std::vector<Xapian::Document> documents = load(true);
        if (documents.empty()) throw FatalError("no documents in " + db);
        const std::size_t count = documents.size();
        const Timing positional = time_to_add(documents, work);
        documents = load(false);
        const Timing plain = time_to_add(documents, work);
        const auto per_document = [&](double seconds) { return seconds * 1000 / static_cast<double>(count); };
        nlohmann::ordered_json j = {{"documents", count},
                                    {"documents_per_part", ShardWriters::documents_per_part},
                                    {"ms_per_document", per_document(positional.seconds)},
                                    {"ms_per_document_without_positions", per_document(plain.seconds)},
                                    {"cpu_ms_per_document", per_document(positional.cpu_seconds)},
                                    {"cpu_ms_per_document_without_positions", per_document(plain.cpu_seconds)}};
        std::cout << j.dump() << '\n';
        return ExitCode::ok;
    });
}
