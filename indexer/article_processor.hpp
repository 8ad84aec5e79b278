#pragma once
/// The per-article stages that need no index: clean, date, fingerprint, extract actors and
/// resolve their places.
/// Pure and const, so several worker threads share one processor.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/article.hpp"
#include "common/diagnostics.hpp"
#include "common/gazetteer.hpp"
#include "common/geography.hpp"
#include "indexer/clean/boilerplate_rules.hpp"
#include "indexer/clean/cleaner.hpp"
#include "indexer/dedup/minhash.hpp"
#include "indexer/extract/ner/entity_recognizer.hpp"
#include "indexer/options.hpp"
#include "indexer/processed_article.hpp"
#include "indexer/stage_times.hpp"

namespace newsdex {

/// Everything besides the article itself that decides what its document holds: the built-in
/// and user data files, loaded once per run.
struct ProcessingData {
    BoilerplateRules rules;
    Gazetteer gazetteer;
    EntityRecognizer recognizer;                ///< the trained names recogniser and its word tables
    Geography geography;
    std::vector<std::filesystem::path> files;  ///< every file read, in a fixed order

    /// Loads the built-in data and the user's --boilerplate and --actors files. Throws
    /// UsageError naming a user file that cannot be used, std::runtime_error for built-in data.
    [[nodiscard]] static ProcessingData load(const IndexerOptions& options);

    /// Identifies the code version, every file's bytes and the run's settings (--year): part of
    /// every record hash, so that a change to any of them re-indexes "unchanged" articles.
    [[nodiscard]] std::string fingerprint(const IndexerOptions& options) const;
};

/// The shared, read-only settings of the per-article stages.
struct ProcessingSettings {
    const Cleaner& cleaner;
    const Gazetteer& gazetteer;
    const EntityRecognizer& recognizer;
    const Geography& geography;
    const MinHasher& hasher;
    std::string fingerprint;       ///< identifies rules, gazetteers and code version in record hashes
    std::optional<int> year;       ///< --year: reference year for year-less datelines
    std::size_t max_word_bytes = 64;  ///< longer words are not indexed
};

/// Runs the stages on one article read from the input. Date problems are reported through
/// `diagnostics` as warnings; the article is always returned. Stage times go to `times`
/// when it is given.
[[nodiscard]] ProcessedArticle process_article(Article article, const ProcessingSettings& settings,
                                               Diagnostics& diagnostics, StageTimes* times = nullptr);

/// The hash of a record as read (text and metadata) combined with `fingerprint`: equal hashes
/// mean re-indexing the record would produce the same document.
[[nodiscard]] std::string record_hash(const Article& article, const std::string& fingerprint);

}  // namespace newsdex
