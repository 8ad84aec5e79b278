// Issue 14: every data file that decides what a document holds is part of the settings
// fingerprint, so that editing one re-indexes the articles indexed before.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>

#include "indexer/article_processor.hpp"
#include "tests/support/paths.hpp"
#include "tests/support/run_tool.hpp"
#include "tests/support/scoped_env.hpp"
#include "tests/support/temp_dir.hpp"

using namespace newsdex;
using namespace newsdex::test;
namespace fs = std::filesystem;

namespace {

bool is_code(const fs::path& file) {
    const std::string extension = file.extension().string();
    return extension == ".cpp" || extension == ".hpp" || file.filename() == "CMakeLists.txt" || extension == ".md";
}

// The data files shipped beside the code of the stages that build documents.
std::set<fs::path> shipped_data_files(const fs::path& root) {
    std::set<fs::path> files;
    for (const char* folder : {"indexer/clean", "indexer/extract", "common/data"}) {
        for (const auto& entry : fs::recursive_directory_iterator(root / folder)) {
            if (entry.is_regular_file() && !is_code(entry.path())) files.insert(fs::relative(entry.path(), root));
        }
    }
    return files;
}

nlohmann::json index_seeds(const fs::path& db) {
    ToolRun run = run_tool(tool("news-index"),
                           {"--db", db.string(), "--json", "--no-progress", (source_dir() / "corpus" / "seeds").string()});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    return nlohmann::json::parse(run.out);
}

}  // namespace

TEST_CASE("issue 14: every data file beside the cleaning and extraction code is in the settings fingerprint",
          "[e2e][fingerprint]") {
    IndexerOptions options;
    std::set<fs::path> fingerprinted;
    for (const auto& file : ProcessingData::load(options).files) fingerprinted.insert(fs::relative(file, source_dir()));
    for (const auto& file : shipped_data_files(source_dir())) {
        INFO(file.string());
        CHECK(fingerprinted.count(file) == 1);
    }
}

TEST_CASE("issue 14: editing the recogniser's cue word list re-indexes articles indexed before", "[e2e][fingerprint]") {
    TempDir dir;
    const fs::path data = dir / "data";
    for (const auto& file : shipped_data_files(source_dir())) {
        fs::create_directories((data / file).parent_path());
        fs::copy_file(source_dir() / file, data / file);
    }
    ScopedEnv data_dir("NEWSDEX_DATA_DIR", data.string());
    const fs::path db = dir / "db";
    CHECK(index_seeds(db)["indexed"] == 5);
    CHECK(index_seeds(db)["unchanged"] == 5);

    const fs::path cue_words = RecognizerFiles::builtin().cue_words;
    REQUIRE(cue_words.string().starts_with(data.string()));
    std::ofstream(cue_words, std::ios::app) << "# a comment is an edit too\n";
    const nlohmann::json rerun = index_seeds(db);
    CHECK(rerun["unchanged"] == 0);
    CHECK(rerun["replaced"] == 5);
    CHECK(rerun["documents"] == 5);
}
