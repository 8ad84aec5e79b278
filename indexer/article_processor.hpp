#pragma once
/// The per-article stages that need no index: clean, date, fingerprint, extract actors.
/// Pure and const, so several worker threads share one processor.

#include <optional>
#include <string>

#include "common/article.hpp"
#include "common/diagnostics.hpp"
#include "common/gazetteer.hpp"
#include "indexer/cleaner.hpp"
#include "indexer/minhash.hpp"
#include "indexer/processed_article.hpp"
#include "indexer/stage_times.hpp"

namespace newsdex {

/// The shared, read-only settings of the per-article stages.
struct ProcessingSettings {
    const Cleaner& cleaner;
    const Gazetteer& gazetteer;
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
