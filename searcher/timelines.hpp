#pragma once
/// The date facets of a search as timelines: a column for the query and for each --compare
/// query, and with --share the base every count is a share of.

#include <vector>

#include <xapian.h>

#include "searcher/facets/facet_counter.hpp"
#include "searcher/options.hpp"
#include "searcher/parse/query_builder.hpp"
#include "searcher/search_result.hpp"

namespace newsdex {

/// The column label of the query `text`: the text itself, or "all articles" when it is empty.
[[nodiscard]] std::string query_label(const std::string& text);

/// One timeline per date facet counted by `counted` (the search's own pass over `query_counts`'
/// matches), in the order asked. The columns are the search's query (left out when it is empty
/// and --compare is given) and each --compare query under the same flag filters. With --share,
/// a pass over every article under the flag filters alone (no query words, no --similar) gives
/// each period's base. Passes count as `counted` does (stories when it does, on its shards). Throws UsageError when
/// --share or --compare is given without a date facet, or a --compare query is malformed.
[[nodiscard]] std::vector<Timeline> count_timelines(const Xapian::Database& db, const QueryBuilder& builder,
                                                    const SearchOptions& options, const FacetCounter& counted);

}  // namespace newsdex
