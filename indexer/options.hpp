#pragma once
/// Every news-index setting as a named field.

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "indexer/read/reader_limits.hpp"

namespace newsdex {

/// What one news-index run should do, filled from the command line by indexer/cli.
struct IndexerOptions {
    std::filesystem::path db;                  ///< index directory (created when missing)
    std::vector<std::string> inputs;           ///< files, directories, or "-" for JSON Lines on stdin
    bool json = false;                         ///< print the summary as one JSON object on stdout
    bool progress = true;                      ///< show a progress line when stderr is a terminal
    /// Threads processing batches of articles (clean, fingerprint, extract, tokenise) while the
    /// main thread reads and writes; 0: the main thread processes each batch itself.
    unsigned workers = 0;
    /// Threads adding documents to the shards; 0: the main thread adds them itself.
    unsigned writer_threads = 0;
    std::size_t commit_every = 50000;          ///< new articles per checkpoint (durable, visible)
    std::optional<int> year;                   ///< reference year for year-less datelines
    std::vector<std::filesystem::path> boilerplate_files;  ///< extra boilerplate rule files
    std::vector<std::filesystem::path> actor_files;        ///< extra gazetteer files
    std::optional<std::filesystem::path> explain;          ///< --explain FILE: show cleaning, write nothing
    bool check = false;  ///< --check: check the index's consistency, write nothing
    std::size_t max_article_bytes = default_max_article_bytes;  ///< larger records are rejected
    std::size_t max_paragraphs = default_max_paragraphs;        ///< later paragraphs are dropped with a warning
    std::size_t max_term_bytes = default_max_term_bytes;        ///< longer words are not indexed
    /// Set (by a signal handler) to stop the run early and cleanly: no more reading; what was
    /// read is written and listed; the segments are left unmerged.
    const std::atomic<bool>* stop = nullptr;
    bool strict = false;  ///< stop at the first rejected record (exit 2), leaving the index as last committed
    /// --sync: remove from the index every article whose id the run's input does not hold (a
    /// deleted file, a record gone from a JSON Lines file); without it nothing is ever removed.
    bool sync = false;
};

}  // namespace newsdex
