#pragma once
/// The BBC corpus's files with their headlines, for known-item tests (a headline as the query,
/// its article as the answer).

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "tests/support/temp_dir.hpp"

namespace newsdex::test {

/// One BBC file.
struct BbcFile {
    std::string id;        ///< `business/007`: the id news-index gives it
    std::string headline;  ///< its first line
};

/// Every BBC file (../shared/corpus/bbc) that is the first, in sorted order, of its group of
/// byte-identical files: 2,127 of them.
[[nodiscard]] std::vector<BbcFile> distinct_bbc_files();

/// `count` distinct files of `files` picked at random (a partial Fisher–Yates shuffle seeded
/// with `seed`), in the order picked.
[[nodiscard]] std::vector<BbcFile> sample_files(std::vector<BbcFile> files, std::size_t count, std::uint64_t seed);

/// The headline as query words: punctuation stripped from both ends of each word (inside a
/// word it stays, as the indexer keeps it: "M&S", "26,500", "U.S."), operator words in
/// capitals lower-cased.
[[nodiscard]] std::vector<std::string> headline_query(const std::string& headline);

/// The headline with every ASCII punctuation character taken out ("Blair's" → "Blairs",
/// "U.S." → "US", "e-mail" → "email"), as words; operator words in capitals lower-cased.
[[nodiscard]] std::vector<std::string> stripped_headline_query(const std::string& headline);

/// Runs news-search on `db` with `query` and tells whether the first result is `file`'s
/// article: itself, the document it was folded into as an exact copy, or a near copy in its
/// cluster (one story); `top` gets the first result's id (empty when nothing matched).
[[nodiscard]] bool finds_first(const TempDir& db, const BbcFile& file, const std::vector<std::string>& query,
                               std::string& top);

}  // namespace newsdex::test
