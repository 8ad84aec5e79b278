#pragma once
/// The JSON API: one request of /api/ENDPOINT answered as news-search --json answers the same
/// flags, with the HTTP status that its outcome calls for. Knows nothing of sockets.

#include <filesystem>
#include <string>
#include <string_view>

#include "server/api_params.hpp"

namespace newsdex {

/// An answer to send: status and JSON body.
struct ApiReply {
    int status = 200;  ///< 200 answered (a search that matched nothing too), 400 bad request,
                       ///< 404 no such endpoint or article id, 500/503 the server's own failure
    std::string body;  ///< one JSON object, exactly news-search --json's for the same flags,
                       ///< or its error object {"error": message, "exit": code}
    std::string log;   ///< what the server's operator should read on stderr (empty: nothing)
    std::string content_type = "application/json; charset=utf-8";  ///< text/csv for a CSV export, …
};

/// Answers `/api/<endpoint>` with `params` over the index `db`. The searcher does the work
/// (answer_request: a revision replaced by a writer is retried on the new one), on the index
/// the calling thread keeps open between requests, brought to its latest revision first. Bad
/// parameters and bad queries give 400 with news-search's message; an unknown id 404 with
/// news-search's object; an unreadable index 503 and any other failure 500, with a message
/// that names no file of the server (the details go to `log`). /api/info shows the index
/// folder's name, not its path. /api/export answers news-search --format's CSV or JSON Lines,
/// refused with 400 beyond api_max_export records. Never throws.
[[nodiscard]] ApiReply answer_api(std::string_view endpoint, const QueryParams& params, const std::filesystem::path& db);

}  // namespace newsdex
