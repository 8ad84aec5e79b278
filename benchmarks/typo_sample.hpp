#pragma once
/// One-edit typos of the words an index's articles use, to score spelling suggestions: the
/// spelling test and newsdex-spelling-score draw the same sample.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include <xapian.h>

namespace newsdex {

/// The words the articles of `db` write (runs of ASCII letters in headlines and bodies,
/// lower-cased), each with the number of articles holding it; the first `max_documents`
/// documents are read.
[[nodiscard]] std::map<std::string, std::size_t> written_words(
    const Xapian::Database& db, std::size_t max_documents = std::numeric_limits<std::size_t>::max());

/// A typo and the word it was made from.
struct Typo {
    std::string word;  ///< the word meant
    std::string typo;  ///< one edit away from it, and no word of the articles
    int kind = 0;      ///< 0 a letter left out, 1 a letter put in, 2 a letter changed, 3 two letters swapped
};

/// The kind of a typo as a word: "deletion", "insertion", "substitution" or "swap".
[[nodiscard]] const char* typo_kind_name(int kind);

/// Up to `count` typos of distinct words of `words` (from written_words()) that at least
/// `min_articles` articles hold and that have 3 letters or more, picked with `seed`: one edit
/// each, the kinds in turn, at a random place with a random letter, never a word of `words`
/// (a word all of whose tries give words is skipped).
[[nodiscard]] std::vector<Typo> one_edit_typos(const std::map<std::string, std::size_t>& words, std::size_t count,
                                               std::size_t min_articles, std::uint64_t seed);

}  // namespace newsdex
