#pragma once
/// Where the built-in data files (gazetteers, boilerplate rules, word lists, models) are read
/// from: the one place that resolves the data directory.

#include <filesystem>
#include <string_view>

namespace newsdex {

/// The root of the built-in data files: $NEWSDEX_DATA_DIR when set and not empty, else the
/// NEWSDEX_DATA_DIR fixed at build time (the source tree).
[[nodiscard]] std::filesystem::path data_root();

/// `relative` (e.g. "indexer/clean/boilerplate.rules") under data_root().
[[nodiscard]] std::filesystem::path data_path(std::string_view relative);

}  // namespace newsdex
