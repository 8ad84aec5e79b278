#pragma once
/// One way for tests to reach files: the source tree, its test data, the shared corpora, the built tools.

#include <filesystem>
#include <string>

#ifndef NEWSDEX_SOURCE_DIR
#error "NEWSDEX_SOURCE_DIR must be defined by the build"
#endif

namespace newsdex::test {

/// The project's source tree.
inline std::filesystem::path source_dir() { return NEWSDEX_SOURCE_DIR; }

/// tests/data inside the source tree.
inline std::filesystem::path test_data() { return source_dir() / "tests" / "data"; }

/// ../shared/corpus beside the project (seeds/ and bbc/).
inline std::filesystem::path shared_corpus() { return source_dir() / ".." / "shared" / "corpus"; }

}  // namespace newsdex::test
