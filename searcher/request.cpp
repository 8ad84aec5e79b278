#include "searcher/request.hpp"

#include <xapian.h>

#include "common/errors.hpp"

#include "searcher/index_info.hpp"
#include "searcher/match/article_lookup.hpp"
#include "searcher/output_files.hpp"
#include "searcher/render/render_json.hpp"
#include "searcher/render/render_text.hpp"
#include "searcher/search.hpp"

namespace newsdex {
namespace {

// Attempts at a search whose revision a writer replaced while it was being read.
constexpr int max_attempts = 5;

Response no_such_article(const std::string& id, bool json) {
    const std::string message = "no article with id \"" + id + "\"";
    return {json ? render_error_json(message, ExitCode::partial) : std::string(), "news-search: " + message + "\n",
            ExitCode::partial, true};
}

Response show(const OpenIndex& index, const SearchOptions& options, bool colour) {
    auto found = find_article(index.db, *options.show);
    if (!found) return no_such_article(*options.show, options.json);
    return {options.json ? render_article_json(*found) : render_article_text(*found, colour), {}, ExitCode::ok};
}

Response cluster(const OpenIndex& index, const SearchOptions& options) {
    auto members = cluster_members(index.db, *options.cluster);
    if (members.empty()) return no_such_article(*options.cluster, options.json);
    return {options.json ? render_cluster_json(*options.cluster, members) : render_cluster_text(members), {},
            ExitCode::ok};
}

Response search(OpenIndex index, SearchOptions options, bool colour) {
    if (options.similar && !find_article(index.db, *options.similar)) return no_such_article(*options.similar, options.json);
    if (options.count_only && !options.facets.empty()) {
        throw UsageError("--count prints only the number of matches; for facets too, use --limit 0");
    }
    if (options.count_only) options.limit = 0;
    check_output_files(options);
    if (index.remote && options.network) throw UsageError(remote_unsupported("--network"));
    SearchResult result;
    for (int attempt = 1;; ++attempt) {
        try {
            result = run_search(index, options);
            break;
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == max_attempts) throw;
            index = open_index(options.db);
        }
    }
    Response response;
    response.code = result.total > 0 ? ExitCode::ok : ExitCode::partial;
    if (options.json) {
        // --count too: the same object, with no results.
        response.out = render_search_json(result);
    } else if (options.count_only) {
        response.out = std::to_string(result.total) + '\n';
        if (result.relaxed) response.err = relaxed_note(*result.relaxed);
    } else {
        // Results on stdout; the summary (and any "Did you mean") on stderr, after them.
        response.out = render_search_text(result, colour);
        response.err = render_search_summary(result);
    }
    response.err += write_output_files(index, options, result);
    return response;
}

}  // namespace

Response answer_request(const SearchOptions& options, bool colour) {
    return answer_request(open_index(options.db), options, colour);
}

Response answer_request(OpenIndex index, const SearchOptions& options, bool colour) {
    if (options.info) {
        IndexInfo info = read_index_info(index.db, options.db);
        return {options.json ? render_info_json(info) : render_info_text(info), {}, ExitCode::ok};
    }
    if (options.show) return show(index, options, colour);
    if (options.cluster) return cluster(index, options);
    return search(std::move(index), options, colour);
}

}  // namespace newsdex
