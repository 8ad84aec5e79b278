// news-index: reads articles, cleans and deduplicates them, and writes a Xapian index.
#include <atomic>
#include <csignal>
#include <iostream>

#include <unistd.h>

#include "common/cli/cli_support.hpp"
#include "common/diagnostics.hpp"
#include "indexer/cli.hpp"
#include "indexer/explain.hpp"
#include "indexer/pipeline.hpp"

namespace {

std::atomic<bool> stop_requested{false};

// The first SIGINT or SIGTERM asks for a clean stop (what was read is indexed and listed); a
// second one ends the process at once, as the default action would have.
extern "C" void on_stop_signal(int signal_number) {
    if (stop_requested.exchange(true)) {
        std::signal(signal_number, SIG_DFL);
        std::raise(signal_number);
        return;
    }
    static const char note[] = "news-index: stopping after what was read is indexed (again to stop at once)\n";
    (void)!::write(STDERR_FILENO, note, sizeof note - 1);
}

void catch_stop_signals() {
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

}  // namespace

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
        if (options.check) {
            CheckReport report = check_index(options.db);
            std::cout << (options.json ? render_check_json(report) : render_check_text(report));
            std::cerr << "news-index: checked " << report.segments << " segments, " << report.documents
                      << " documents: " << report.problems.size() << " problems\n";
            return report.problems.empty() ? ExitCode::ok : ExitCode::partial;
        }
        if (options.inputs.empty()) throw UsageError("no INPUT given (files, directories, or - for stdin)");
        options.progress = options.progress && isatty(2);
        catch_stop_signals();
        options.stop = &stop_requested;

        IndexSummary summary = run_pipeline(options, diagnostics, std::cerr);
        if (options.json) {
            std::cout << render_summary_json(summary) << '\n';
        } else {
            std::cerr << render_summary_text(summary);
        }
        if (summary.stopped) return ExitCode::stopped;
        return summary.rejected > 0 ? ExitCode::partial : ExitCode::ok;
    });
}
