// Fuzz target for the searcher's query path, over an index of the demo corpus.
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>

#include "common/errors.hpp"
#include "fuzz/fuzz_targets.hpp"
#include "indexer/pipeline.hpp"
#include "searcher/search.hpp"

#ifndef NEWSDEX_SOURCE_DIR
#error "NEWSDEX_SOURCE_DIR must be defined by the build"
#endif

namespace newsdex::fuzz {
namespace fs = std::filesystem;
namespace {

// The demo corpus indexed once per process into a temporary directory, removed at exit.
class DemoIndex {
public:
    DemoIndex() {
        std::string pattern = (fs::temp_directory_path() / "newsdex-fuzz-index-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot make a temporary directory");
        m_directory = pattern;
        IndexerOptions options;
        options.db = m_directory / "db";
        options.inputs = {(fs::path(NEWSDEX_SOURCE_DIR) / "corpus" / "seeds").string()};
        options.progress = false;
        std::ostream discard(nullptr);
        Diagnostics diagnostics("fuzz", discard);
        (void)run_pipeline(options, diagnostics, discard);
        m_index = std::make_unique<OpenIndex>(open_index(options.db));
        require(m_index->db.get_doccount() == 5, "the demo index holds the five seeds");
    }
    ~DemoIndex() {
        m_index.reset();
        std::error_code ignored;
        fs::remove_all(m_directory, ignored);
    }
    DemoIndex(const DemoIndex&) = delete;
    DemoIndex& operator=(const DemoIndex&) = delete;

    [[nodiscard]] const OpenIndex& index() const { return *m_index; }

private:
    fs::path m_directory;
    std::unique_ptr<OpenIndex> m_index;
};

}  // namespace

int search_query(const std::uint8_t* data, std::size_t size) {
    static const DemoIndex demo;
    // A command-line argument cannot hold a NUL byte: the query ends at the first one.
    std::string query(reinterpret_cast<const char*>(data), size);
    query = query.substr(0, query.find('\0'));

    SearchOptions options;
    options.query = {query};
    options.limit = 5;
    // The last byte varies the rest of the path: facets, date order, no collapsing.
    const unsigned variant = size > 0 ? data[size - 1] : 0;
    if (variant & 1) options.facets = {"month", "actor", "source"};
    if (variant & 2) options.sort = "date";
    if (variant & 4) options.collapse = false;
    try {
        SearchResult result = run_search(demo.index(), options);
        require(result.hits.size() <= options.limit, "no more hits than the limit");
        require(result.total >= result.hits.size(), "the total counts the hits shown");
    } catch (const UsageError&) {
        // A malformed query is the user's to fix: news-search prints one line and exits 2.
    }
    return 0;
}

}  // namespace newsdex::fuzz
