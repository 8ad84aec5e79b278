#pragma once
/// What an index holds, read through Xapian directly, for comparing two indexes.

#include <filesystem>
#include <map>
#include <string>

namespace newsdex::test {

/// Every document of the index at `db`, by article id: its cluster, the ids of the copies
/// recorded on it, and all its terms — equal for two indexes that answer every query alike.
[[nodiscard]] std::map<std::string, std::string> documents_by_id(const std::filesystem::path& db);

/// How the index at `got` differs from the one at `expected` (documents_by_id): empty when they
/// are the same, else the number of documents that differ and the first three of them.
[[nodiscard]] std::string index_differences(const std::filesystem::path& expected, const std::filesystem::path& got);

}  // namespace newsdex::test
