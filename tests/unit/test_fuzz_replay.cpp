// Replays each fuzz target's checked-in seed corpus (fuzz/corpus/<target>/) through the target
// function, so that every build checks them without clang or libFuzzer. A broken invariant
// aborts, and Catch2 reports the target and file of the crash.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "fuzz/fuzz_targets.hpp"
#include "tests/support/paths.hpp"

using namespace newsdex;

TEST_CASE("every fuzz target runs its whole seed corpus without a finding", "[fuzz]") {
    for (const fuzz::Target& target : fuzz::all_targets) {
        const std::filesystem::path directory = test::source_dir() / "fuzz" / "corpus" / std::string(target.name);
        INFO("target " << target.name);
        REQUIRE(std::filesystem::is_directory(directory));
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(directory)) files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        CHECK(files.size() >= 20);
        for (const auto& file : files) {
            INFO("seed " << file.filename().string());
            std::ifstream in(file, std::ios::binary);
            std::ostringstream bytes;
            bytes << in.rdbuf();
            const std::string data = bytes.str();
            CHECK(target.run(reinterpret_cast<const std::uint8_t*>(data.data()), data.size()) == 0);
        }
    }
}

TEST_CASE("fuzz targets accept an empty input", "[fuzz]") {
    for (const fuzz::Target& target : fuzz::all_targets) {
        INFO("target " << target.name);
        CHECK(target.run(nullptr, 0) == 0);
    }
}
