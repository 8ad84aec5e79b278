#pragma once
/// Relaxed matching: when no article (or hardly any) holds every word of a plain query, the
/// articles holding most of them, like Elasticsearch's minimum_should_match.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace newsdex {

/// A relaxed match never asks for fewer than this share of a query's words (rounded up):
/// 5 of 9, 2 of 3, 1 of 2.
[[nodiscard]] constexpr std::size_t least_words(std::size_t words) { return (words + 1) / 2; }

/// What a document matching the proximity boost gains in a relaxed match, as a share of
/// coverage_word_weight: more than BM25 tells documents with as many words apart, less than a
/// word.
inline constexpr double proximity_share = 0.01;

/// The query a relaxed match runs: the OR of `words` (distinct words, each a term or a query
/// weighted as one word), with `boost` (a plain query's proximity boost, or an empty query)
/// adding about proximity_share of a word to the documents it matches, so that among those with
/// every word the ones with the words together come first, as in the strict query; narrowed by
/// `filter` (the flag filters; an empty query for none) without changing the weights. To be
/// ranked with CoverageWeight.
[[nodiscard]] Xapian::Query relaxed_query(const std::vector<Xapian::Query>& words, const Xapian::Query& filter,
                                          const Xapian::Query& boost = Xapian::Query());

/// The most words, fewer than all `words` and at least least_words(), that `wanted` results of
/// `relaxed` (see relaxed_query) hold: the word count of the `wanted`-th best result, or of the
/// last one when there are fewer. std::nullopt when no result holds least_words(). With
/// `collapse`, near copies count once, as the search will show them.
[[nodiscard]] std::optional<std::size_t> choose_min_words(const Xapian::Database& db, const Xapian::Query& relaxed,
                                                          std::size_t words, bool collapse, Xapian::doccount wanted);

}  // namespace newsdex
