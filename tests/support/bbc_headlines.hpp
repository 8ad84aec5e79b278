#pragma once
/// The BBC corpus's files with their headlines, for known-item tests (a headline as the query,
/// its article as the answer).

#include <string>
#include <vector>

namespace newsdex::test {

/// One BBC file.
struct BbcFile {
    std::string id;        ///< `business/007`: the id news-index gives it
    std::string headline;  ///< its first line
};

/// Every BBC file (../shared/corpus/bbc) that is the first, in sorted order, of its group of
/// byte-identical files: 2,127 of them.
[[nodiscard]] std::vector<BbcFile> distinct_bbc_files();

/// The headline as query words: punctuation stripped from both ends of each word (inside a
/// word it stays, as the indexer keeps it: "M&S", "26,500", "U.S."), operator words in
/// capitals lower-cased.
[[nodiscard]] std::vector<std::string> headline_query(const std::string& headline);

}  // namespace newsdex::test
