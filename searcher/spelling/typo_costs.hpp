#pragma once
/// What one slip of the fingers costs: the words one edit away from a typed word, each with a
/// cost that is lower for the slips people make most (a neighbouring key, a sound-alike letter,
/// a doubled or undoubled letter, two letters swapped).

#include <string>
#include <vector>

namespace newsdex {

/// A word one edit away from a typed word.
struct OneEdit {
    std::u32string word;  ///< the word the typist may have meant
    double cost = 1;      ///< in edits: 1 for an arbitrary edit, less for a likely slip
};

/// The cost of typing `typed` where `meant` was meant: 0.7 for a neighbouring key (QWERTY) or
/// a letter that sounds alike (c/k/s, i/y, vowels among themselves, ...), 1 otherwise.
[[nodiscard]] double substitution_cost(char32_t meant, char32_t typed);

/// Every word one deletion, insertion, substitution or swap of neighbours away from `typed`
/// (lower-case code points), each once with its lowest cost. Letters are put in from a-z and
/// the letters of `typed`. A letter the typist left out costs 0.3 (0.2 beside its double), two
/// letters swapped 0.3, a letter typed for another 1 (0.7, see substitution_cost()), an extra
/// letter 1 (0.5 beside its double, 0.8 beside its neighbouring key).
[[nodiscard]] std::vector<OneEdit> one_edits(const std::u32string& typed);

}  // namespace newsdex
