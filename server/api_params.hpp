#pragma once
/// The query parameters of the JSON API, read into the SearchOptions news-search fills from its
/// flags, through the same flag declarations: a parameter is checked as its flag is, and a bad
/// one gets the message news-search gives.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "searcher/options.hpp"

namespace newsdex {

/// Query parameters in the order given; a name may come several times (facet=month&facet=person).
using QueryParams = std::vector<std::pair<std::string, std::string>>;

/// The server's bounds, tighter than the command line's: one request must stay cheap. Queries
/// are bounded as news-search bounds them (--max-query-bytes, --max-query-words at their
/// defaults, which no parameter changes), and by the request line's 8 KB.
inline constexpr std::size_t api_max_limit = 1000;        ///< results a page
inline constexpr std::size_t api_max_offset = 100'000;    ///< how deep paging goes
inline constexpr std::size_t api_max_facet_limit = 1000;  ///< values a count-ordered facet
inline constexpr std::size_t api_max_params = 64;         ///< parameters a request
inline constexpr std::size_t api_max_export = 50'000;     ///< records an export holds

/// The endpoints of the API, each answering as one news-search call.
enum class Endpoint { search, similar, show, cluster, info, export_matches };

/// The endpoint named by `name` ("search", "show", …; the path after /api/), if any.
[[nodiscard]] std::optional<Endpoint> endpoint_named(std::string_view name);

/// Fills SearchOptions for `endpoint` over the index `db`, always with --json: q (the query),
/// limit, offset, sort, facet, facet-limit, from, to, month, actor, country, source,
/// snippet-length, lang, share, compare, collapse and count for search and similar; id for
/// similar, show and cluster; nothing for info; format (csv or jsonl), body, q, from, to,
/// month, actor, country, source, lang and collapse for export (--format). Throws UsageError naming the problem: an
/// unknown or repeated parameter, a value its flag refuses (the flag's own message), a bound
/// above exceeded. (The query's own limits are checked when it is parsed, as in news-search.)
[[nodiscard]] SearchOptions options_from_params(Endpoint endpoint, const QueryParams& params,
                                                const std::filesystem::path& db);

}  // namespace newsdex
