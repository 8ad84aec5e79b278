#pragma once
/// news-index --check: Xapian's own consistency check of every segment, and newsdex's
/// invariants over the whole index.

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace newsdex {

/// What a check found.
struct CheckReport {
    std::vector<std::string> problems;  ///< damage, one line each, naming the file or document
    std::vector<std::string> notes;     ///< what is not damage but worth knowing (leftovers, a journal)
    std::size_t segments = 0;           ///< listed segments
    std::size_t documents = 0;          ///< documents checked
};

/// Checks the index in `directory`, reading only: the segment list (every listed segment there,
/// no stray lines); each segment with Xapian's check (as xapian-check does: B-trees, postings,
/// positions, values); then every document: its stored data readable, its id held by it alone,
/// its cluster key the same in its value and its term, each recorded copy findable by its id
/// and not also a document of its own. Throws FatalError when `directory` is not a newsdex
/// index at all.
[[nodiscard]] CheckReport check_index(const std::filesystem::path& directory);

}  // namespace newsdex
