#pragma once
/// Bounds on one query's size, so that no query costs without limit (issue 21): a query longer
/// or wordier than SearchOptions allows is a usage error, not a long search.

#include <cstddef>
#include <string_view>

#include "searcher/options.hpp"

namespace newsdex {

/// The words of `text` as the limit counts them: runs of bytes that are not white space.
[[nodiscard]] std::size_t query_word_count(std::string_view text);

/// Throws UsageError naming the limit and its flag when `text` is longer than
/// `options.max_query_bytes` or has more words than `options.max_query_words`.
void check_query_limits(std::string_view text, const SearchOptions& options);

}  // namespace newsdex
