// news-index: reads articles, cleans and deduplicates them, and writes a Xapian index.
#include <iostream>

#include <unistd.h>

#include "common/cli/cli_support.hpp"
#include "common/diagnostics.hpp"
#include "indexer/cli.hpp"
#include "indexer/explain.hpp"
#include "indexer/pipeline.hpp"

int main(int argc, char** argv) {
    using namespace newsdex;
    CLI::App app{"Index news articles into a Xapian database.", "news-index"};
    IndexerOptions options;
    add_indexer_flags(app, options);

    return run_cli(app, argc, argv, [&] {
        Diagnostics diagnostics("news-index", std::cerr);
        if (options.explain) {
            std::cout << explain_article(options, diagnostics);
            return ExitCode::ok;
        }
        if (options.db.empty()) throw UsageError("--db DIR is required");
        if (options.inputs.empty()) throw UsageError("no INPUT given (files, directories, or - for stdin)");
        options.progress = options.progress && isatty(2);

        IndexSummary summary = run_pipeline(options, diagnostics, std::cerr);
        if (options.json) {
            std::cout << render_summary_json(summary) << '\n';
        } else {
            std::cerr << render_summary_text(summary);
        }
        return summary.rejected > 0 ? ExitCode::partial : ExitCode::ok;
    });
}
