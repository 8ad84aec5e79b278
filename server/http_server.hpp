#pragma once
/// news-serve's HTTP side: routes the page's files and the JSON API over cpp-httplib, with a
/// pool of worker threads, until SIGINT or SIGTERM.

#include "common/errors.hpp"
#include "server/serve_options.hpp"

namespace newsdex {

/// Serves the index `options.db` read-only: GET / and the page's files, GET /api/ENDPOINT
/// (see server/api.hpp), 404 JSON for anything else. Checks first that the index opens and
/// the page's files are there, then binds `options.host`:`options.port` and prints
/// "news-serve: serving NAME at http://HOST:PORT/ (N threads)" on stderr once connections are
/// accepted. Each request opens the index anew, so it sees the latest revision a writer
/// committed. Returns ExitCode::ok when SIGINT or SIGTERM stopped it. Throws FatalError when
/// the index cannot be opened, a page file is missing, or the address cannot be bound.
[[nodiscard]] ExitCode run_server(const ServeOptions& options);

}  // namespace newsdex
