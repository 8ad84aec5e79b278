#pragma once
/// Finding paragraphs that an article repeats: the same text, or text differing only in
/// punctuation, white space, letter case, accents or a word or two.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

/// Returns the comparison key of a paragraph: its matching form, case-folded, reduced to its
/// words (runs of letters, digits and marks) separated by single spaces, so punctuation and
/// white space never count ("It’s  over!" and "it's over" both give "it s over"). Never fails.
[[nodiscard]] std::string paragraph_key(std::string_view text);

/// One paragraph found to repeat an earlier one.
struct RepeatedParagraph {
    std::size_t index = 0;        ///< position of the repeat in the input
    std::size_t first_index = 0;  ///< position of the earlier paragraph it repeats (kept)
    double similarity = 1.0;      ///< 1 - word edit distance / longer length; 1.0 for same keys
};

/// The repeat rule. A paragraph repeats an earlier, kept one when their keys are equal and it
/// has at least `min_words_exact` words, or when it has at least `min_words_near` words, its
/// words differ from the earlier paragraph's by at most `max_word_edits` insertions, deletions
/// or substitutions, the similarity is at least `min_similarity`, and both carry the same
/// numbers in the same order (so "won 2-1" and "won 2-0" are different results, not a repeat).
/// With the defaults, 15 to 19 words allow one differing word and 20 or more allow two.
struct RepeatRule {
    std::size_t min_words_exact = 8;   ///< shorter lines ("Yes.", headings, fixture lists) may recur
    std::size_t min_words_near = 15;   ///< near repeats need enough words to be meaningful
    std::size_t max_word_edits = 2;
    double min_similarity = 0.9;
};

/// Returns the repeats among `paragraphs` (any text form; keys are computed here), in input
/// order; the first occurrence is never reported. Exact repeats are found with a hash table;
/// near repeats are looked for only among earlier paragraphs whose word counts differ by at
/// most `max_word_edits`, with an edit distance banded to `max_word_edits`, so the cost stays
/// about linear for real articles. Never fails.
[[nodiscard]] std::vector<RepeatedParagraph> find_repeated_paragraphs(
    std::span<const std::string> paragraphs, const RepeatRule& rule = {});

}  // namespace newsdex
