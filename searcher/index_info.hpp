#pragma once
/// --info: what an index holds, read from its statistics and term lists (no document scan).

#include <cstddef>
#include <filesystem>

#include <xapian.h>

#include "searcher/search_result.hpp"

namespace newsdex {

/// Sources listed in IndexInfo::top_sources at most.
inline constexpr std::size_t info_top_sources = 10;

/// Describes the index `db` opened from the directory `path`: article count, date range
/// (from the date slot's bounds), distinct sources and actors (by type), the most frequent
/// sources, the size of the directory, and when it was last updated (the indexer's record,
/// else the newest file time). Throws Xapian::Error when the index cannot be read.
[[nodiscard]] IndexInfo read_index_info(const Xapian::Database& db, const std::filesystem::path& path);

}  // namespace newsdex
