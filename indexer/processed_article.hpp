#pragma once
/// An article after the per-article stages (clean, fingerprint, extract), ready for the
/// deduplicating writer.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "common/actor.hpp"
#include "common/article.hpp"
#include "common/date_parser.hpp"
#include "indexer/removal.hpp"

namespace newsdex {

/// What the worker stages produce for one article. No behaviour.
struct ProcessedArticle {
    Article article;                      ///< cleaned title and paragraphs, metadata
    std::vector<Removal> removed;         ///< what cleaning dropped, in article order
    std::optional<ParsedDate> date;       ///< from metadata or the dateline
    std::vector<Actor> actors;            ///< canonical actors
    std::string record_hash;              ///< input record + processing settings: unchanged detection
    std::string content_hash;             ///< exact-duplicate key of the cleaned text
    std::string signature;                ///< serialised MinHash signature
    std::vector<std::string> band_terms;  ///< LSH band terms (without prefix)
};

}  // namespace newsdex
