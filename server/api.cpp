#include "server/api.hpp"

#include <new>
#include <optional>
#include <sstream>
#include <utility>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "common/errors.hpp"
#include "searcher/export_request.hpp"
#include "searcher/open_index.hpp"
#include "searcher/render/render_json.hpp"
#include "searcher/request.hpp"

namespace newsdex {
namespace {

ApiReply error_reply(int status, const std::string& message, ExitCode code = ExitCode::error, std::string log = {}) {
    return {status, render_error_json(message, code), std::move(log)};
}

// --info names the folder it read; a client learns its name, never where it lies.
std::string without_path(const std::string& info, const std::filesystem::path& db) {
    nlohmann::json object = nlohmann::json::parse(info);
    object["path"] = db.filename().empty() ? db.parent_path().filename().string() : db.filename().string();
    return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';
}

// The index `db` at its latest revision. Each worker thread keeps it open between its requests
// and only checks before each one whether a writer moved it on: opening every segment's tables
// anew cost a request more than the rest of the HTTP layer.
OpenIndex kept_open(const std::filesystem::path& db) {
    thread_local std::optional<std::pair<std::filesystem::path, OpenIndex>> kept;
    if (!kept || kept->first != db) {
        kept.emplace(db, open_index(db));
    } else {
        refresh_index(kept->second, db);
    }
    return kept->second;
}

// news-search --format, whole: counted first with the same query and filters, so that a bad
// query is a 400 before anything is written and an export too large for one answer is refused.
ApiReply export_reply(const SearchOptions& options) {
    SearchOptions count = options;
    count.format.clear();
    count.body = false;
    count.json = true;
    count.count_only = true;
    const Response counted = answer_request(kept_open(options.db), count, false);
    const auto total = nlohmann::json::parse(counted.out).value("total", std::size_t{0});
    if (total > api_max_export) {
        throw UsageError("the export would hold " + std::to_string(total) + " records; at most " +
                         std::to_string(api_max_export) + " are served (narrow the query, or run news-search --format)");
    }
    std::ostringstream out;
    (void)answer_export(options, out, nullptr);
    return {200, out.str(), {},
            options.format == "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8"};
}

ApiReply answer(Endpoint endpoint, const QueryParams& params, const std::filesystem::path& db) {
    const SearchOptions options = options_from_params(endpoint, params, db);
    if (endpoint == Endpoint::export_matches) return export_reply(options);
    Response response = answer_request(kept_open(db), options, false);
    if (response.not_found) return {404, std::move(response.out), {}};
    if (endpoint == Endpoint::info) return {200, without_path(response.out, db), {}};
    return {200, std::move(response.out), {}};
}

}  // namespace

ApiReply answer_api(std::string_view endpoint, const QueryParams& params, const std::filesystem::path& db) {
    const std::optional<Endpoint> known = endpoint_named(endpoint);
    if (!known) return error_reply(404, "no such endpoint: /api/" + std::string(endpoint));
    try {
        return answer(*known, params, db);
    } catch (const UsageError& e) {
        return error_reply(400, e.what());
    } catch (const FatalError& e) {
        return error_reply(503, "the index cannot be read now", ExitCode::error, e.what());
    } catch (const std::bad_alloc&) {
        return error_reply(500, "out of memory", ExitCode::error, "out of memory");
    } catch (const std::exception& e) {
        return error_reply(500, "internal error", ExitCode::error, e.what());
    } catch (const Xapian::Error& e) {
        return error_reply(500, "internal error", ExitCode::error, e.get_description());
    }
}

}  // namespace newsdex
