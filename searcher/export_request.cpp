#include "searcher/export_request.hpp"

#include <chrono>
#include <cstdio>

#include "common/errors.hpp"
#include "searcher/export/match_exporter.hpp"
#include "searcher/parse/actor_names.hpp"
#include "searcher/parse/query_builder.hpp"
#include "searcher/search.hpp"

namespace newsdex {

ExitCode answer_export(const SearchOptions& options, std::ostream& out, std::ostream* progress) {
    OpenIndex index = open_index(options.db);
    if (index.remote) throw UsageError(remote_unsupported("--format"));
    ActorNames names(index.db, *index.gazetteer);
    QueryBuilder builder(index.db, names);
    const Xapian::Query query = builder.build(options).query;
    const ExportSettings settings{options.format == "jsonl" ? ExportFormat::jsonl : ExportFormat::csv, options.body,
                                  options.collapse};
    const auto start = std::chrono::steady_clock::now();
    ExportProgress report;
    if (progress) {
        report = [&](std::size_t written) {
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            char line[128];
            std::snprintf(line, sizeof line, "\rnews-search: exported %zu %s (%.0f/s)\033[K", written,
                          options.collapse ? "stories" : "articles", seconds > 0 ? written / seconds : 0.0);
            *progress << line << std::flush;
        };
    }
    const std::size_t written = export_matches(index.db, query, settings, out, report);
    out << std::flush;
    if (progress) *progress << '\n';
    return written > 0 ? ExitCode::ok : ExitCode::partial;
}

}  // namespace newsdex
