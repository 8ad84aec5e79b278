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

/// The query a relaxed match runs: the OR of `words` (distinct words, each a term or a query
/// weighted as one word), narrowed by `filter` (the flag filters; an empty query for none)
/// without changing the weights. To be ranked with CoverageWeight.
[[nodiscard]] Xapian::Query relaxed_query(const std::vector<Xapian::Query>& words, const Xapian::Query& filter);

/// The most words, fewer than all `words` and at least least_words(), that `wanted` results of
/// `relaxed` (see relaxed_query) hold: the word count of the `wanted`-th best result, or of the
/// last one when there are fewer. std::nullopt when no result holds least_words(). With
/// `collapse`, near copies count once, as the search will show them.
[[nodiscard]] std::optional<std::size_t> choose_min_words(const Xapian::Database& db, const Xapian::Query& relaxed,
                                                          std::size_t words, bool collapse, Xapian::doccount wanted);

}  // namespace newsdex
