#pragma once
/// Reads articles from every input source in order: text files with their manifests, JSON
/// Lines files and stdin, each article with its stable id.

#include <cstddef>
#include <fstream>
#include <memory>
#include <optional>
#include <vector>

#include "common/article.hpp"
#include "common/diagnostics.hpp"
#include "indexer/read/input_walker.hpp"
#include "indexer/read/jsonl_reader.hpp"
#include "indexer/read/manifest.hpp"
#include "indexer/read/reader_limits.hpp"

namespace newsdex {

/// Pulls articles from a list of sources. Unreadable sources and bad records are rejected
/// through the diagnostics sink and skipped; so are records over `limits`, which are never
/// read whole into memory (a text file's size is checked before it is read).
class ArticleReader {
public:
    /// Reads `sources` in order, applying `limits` to every record.
    ArticleReader(std::vector<InputSource> sources, Diagnostics& diagnostics, ReaderLimits limits = {});

    /// Replaces the contents of `batch` with up to `max_articles` next articles; returns
    /// false when the input is exhausted.
    bool next_batch(std::vector<Article>& batch, std::size_t max_articles);

    /// Input bytes consumed so far.
    [[nodiscard]] std::size_t bytes_read() const;

private:
    void open(const InputSource& source, std::vector<Article>& batch);
    void finish_jsonl();

    std::vector<InputSource> m_sources;
    Diagnostics& m_diagnostics;
    ReaderLimits m_limits;
    ManifestIndex m_manifests;
    std::size_t m_next_source = 0;
    std::size_t m_bytes = 0;
    std::unique_ptr<std::ifstream> m_stream;
    std::optional<JsonlReader> m_jsonl;
    std::string m_jsonl_stored_name;  // of the JSON Lines source being read
};

}  // namespace newsdex
