#pragma once
/// Reads the near-duplicate clustering an index holds, to measure it against ground truth.

#include <istream>
#include <string>
#include <unordered_map>

#include <xapian.h>

namespace newsdex {

/// Every article id the index knows (documents and the exact copies folded into them)
/// mapped to its cluster key; an exact copy has the cluster of the document that kept it.
[[nodiscard]] std::unordered_map<std::string, std::string> clusters_in_index(const Xapian::Database& db);

/// Reads a generate-corpus truth file (JSON Lines with `id` and `cluster`) into id → cluster.
/// Lines without both are skipped.
[[nodiscard]] std::unordered_map<std::string, std::string> read_true_clusters(std::istream& truth);

}  // namespace newsdex
