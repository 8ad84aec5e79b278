#include "indexer/cli.hpp"

#include <algorithm>
#include <memory>
#include <thread>

#include "common/cli/cli_support.hpp"
#include "indexer/write/index_writer.hpp"

namespace newsdex {

void resolve_threads(unsigned requested, IndexerOptions& options) {
    const unsigned threads = requested ? requested : std::max(1u, std::thread::hardware_concurrency());
    // One thread does everything itself; more run workers beside the main thread, and writer
    // threads up to the number of shards.
    options.workers = threads > 1 ? threads : 0;
    options.writer_threads = threads > 1 ? std::min(threads, writer_shards) : 0;
}

void add_indexer_flags(CLI::App& app, IndexerOptions& options) {
    auto threads = std::make_shared<unsigned>(0);
    app.add_option("--db", options.db, "Index directory (created when missing)");
    app.add_option("inputs", options.inputs, "Files, directories (read recursively) or - for JSON Lines on stdin");
    app.add_flag("--json", options.json, "Print the run summary as one JSON object on stdout");
    app.add_option("--threads", *threads, "Threads that process and write articles (default: number of cores)")
        ->check(CLI::Range(1u, 256u));
    app.callback([threads, &options] { resolve_threads(*threads, options); });
    app.add_option("--commit-every", options.commit_every, "Articles per commit")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{1}, std::size_t{10'000'000}));
    app.add_option("--year", options.year, "Reference year for datelines without one (e.g. 'Feb 26')")
        ->check(CLI::Range(1800, 2100));
    app.add_option("--boilerplate", options.boilerplate_files, "Extra boilerplate rule file (repeatable)")
        ->check(CLI::ExistingFile)
        ->allow_extra_args(false);
    app.add_option("--actors", options.actor_files, "Extra gazetteer file, wins over built-in (repeatable)")
        ->check(CLI::ExistingFile)
        ->allow_extra_args(false);
    app.add_option("--explain", options.explain, "Show how FILE would be cleaned and what actors it holds; write nothing")
        ->check(CLI::ExistingFile);
    app.add_flag("--check", options.check,
                 "Check the index (Xapian's check of every segment, and newsdex's invariants); write nothing");
    app.add_flag_callback("--no-progress", [&options] { options.progress = false; }, "Never show the progress line");
    // Xapian stores a document of up to about 120 MiB of incompressible data; 100 MiB stays clear of it.
    app.add_option("--max-article-bytes", options.max_article_bytes,
                   "Reject a text file or JSON line larger than this many bytes")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{1}, std::size_t{100} << 20));
    app.add_option("--max-paragraphs", options.max_paragraphs,
                   "Keep at most this many paragraphs per article; drop the rest with a warning")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{1}, std::size_t{10'000'000}));
    // Xapian terms hold at most 245 bytes including the prefix.
    app.add_option("--max-term-bytes", options.max_term_bytes, "Do not index words longer than this many bytes")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{1}, std::size_t{200}));
    app.add_flag("--sync", options.sync,
                 "Remove the articles whose id the inputs no longer hold (deleted files, records gone from a "
                 "JSON Lines file): the index then holds exactly the inputs' articles");
    app.add_flag("--strict", options.strict,
                 "Stop at the first rejected record with exit code 2, leaving the index as last committed");
    add_version_flag(app);
}

}  // namespace newsdex
