// newsdex-write-floor: what Xapian's own writer costs per newsdex document, nothing else.
//
// Loads finished documents from a newsdex index into memory (terms, positions, values, data),
// then times only their adding into fresh databases of 1,000 documents each, as news-index's
// shard writers do (DB_NO_SYNC, one flush per part). Run once with positions and once without.
// No Xapian-based indexer can add these documents faster than this on one core, so it bounds
// how far news-index can go past the bare-Xapian baseline while it builds the index through
// Xapian's API.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

namespace newsdex {
namespace {

constexpr Xapian::doccount documents_per_part = 1000;

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

// Seconds to add `documents` into fresh parts under `directory`, commits included.
double seconds_to_add(const std::vector<Xapian::Document>& documents, const std::filesystem::path& directory) {
    std::filesystem::remove_all(directory);
    std::filesystem::create_directories(directory);
    const auto start = std::chrono::steady_clock::now();
    Xapian::WritableDatabase part;
    for (std::size_t i = 0; i < documents.size(); ++i) {
        if (i % documents_per_part == 0) {
            const std::string path = (directory / ("part-" + std::to_string(i / documents_per_part))).string();
            part = Xapian::WritableDatabase(path, Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
        }
        part.add_document(documents[i]);
        if ((i + 1) % documents_per_part == 0 || i + 1 == documents.size()) {
            part.commit();
            part.close();
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::filesystem::remove_all(directory);
    return seconds;
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
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "newsdex-write-floor: error: " << e.what() << '\n';
        return 2;
    }
    // As news-index's shard writers: one flush per part, when it is committed.
    ::setenv("XAPIAN_FLUSH_THRESHOLD", std::to_string(documents_per_part + 1).c_str(), 0);
    try {
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
        if (documents.empty()) {
            std::cerr << "newsdex-write-floor: error: no documents in " << db << '\n';
            return 2;
        }
        const std::size_t count = documents.size();
        const double positional = seconds_to_add(documents, work);
        documents = load(false);
        const double plain = seconds_to_add(documents, work);
        const auto per_document = [&](double seconds) { return seconds * 1000 / static_cast<double>(count); };
        nlohmann::ordered_json j = {{"documents", count},
                                    {"documents_per_part", documents_per_part},
                                    {"ms_per_document", per_document(positional)},
                                    {"ms_per_document_without_positions", per_document(plain)}};
        std::cout << j.dump() << '\n';
    } catch (const Xapian::Error& e) {
        std::cerr << "newsdex-write-floor: error: " << e.get_description() << '\n';
        return 2;
    }
    return 0;
}
