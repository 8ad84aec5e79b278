#pragma once
/// Sidecar metadata for plain-text articles: `*.meta.jsonl` files in the same directory,
/// one JSON object per line with `file` (the article's file name) and any of `id`, `title`,
/// `date`, `source`, `author`, `url`, `lang`.

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>

#include "common/article.hpp"
#include "common/diagnostics.hpp"
#include "indexer/read/reader_limits.hpp"

namespace newsdex {

/// Loads manifests lazily, once per directory, and applies them to articles.
class ManifestIndex {
public:
    /// Bad manifest lines are rejected through `diagnostics`, and so are lines longer than
    /// `max_line_bytes`, which are never held whole.
    explicit ManifestIndex(Diagnostics& diagnostics, std::size_t max_line_bytes = default_max_article_bytes);

    /// Fills the metadata fields of `article`, read from `file`, from the manifests in the
    /// file's directory. A field the manifest gives wins over the file's own; `title` only
    /// fills an empty headline. Returns false when no manifest mentions the file.
    bool apply(const std::filesystem::path& file, Article& article);

private:
    using Entries = std::map<std::string, Article>;  // file name -> metadata held in an Article
    const Entries& entries_for(const std::filesystem::path& directory);

    Diagnostics& m_diagnostics;
    std::size_t m_max_line_bytes;
    std::map<std::filesystem::path, Entries> m_by_directory;
};

}  // namespace newsdex
