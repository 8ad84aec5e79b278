#pragma once
/// One news-search request answered end to end: the index opened, the lookup or search chosen,
/// the answer rendered. news-search's main and any other front end share it.

#include <string>

#include "common/errors.hpp"
#include "searcher/open_index.hpp"
#include "searcher/options.hpp"

namespace newsdex {

/// What a request prints and how it ends, for the caller to write out.
struct Response {
    std::string out;  ///< for stdout: results, facets, the article, the JSON object
    std::string err;  ///< for stderr: the summary line, "Did you mean", "no article with id"
    ExitCode code = ExitCode::ok;  ///< ok: something found; partial: nothing matched or no such id
    bool not_found = false;        ///< --show, --cluster or --similar named an id the index lacks
};

/// Answers `options`: --info, --show, --cluster, --similar or a search, rendered as JSON or as
/// text (ANSI colour when `colour`). A search that meets a revision replaced by a writer's
/// checkpoint is retried on the new one. Throws UsageError for a bad query or option,
/// FatalError when the index cannot be opened or read.
[[nodiscard]] Response answer_request(const SearchOptions& options, bool colour);

/// The same, on `index`, already opened from options.db (a server keeps it open between
/// requests: see refresh_index()).
[[nodiscard]] Response answer_request(OpenIndex index, const SearchOptions& options, bool colour);

}  // namespace newsdex
