#pragma once
/// One way for tests to read a plain-text article (a BBC file, a seed): through the indexer's
/// own .txt reader, so tests see articles exactly as the pipeline does.

#include <filesystem>

#include "common/article.hpp"

namespace newsdex::test {

/// The article in the .txt file at `path` as news-index reads it (headline, paragraphs split on
/// blank lines, entities decoded, text normalised), its id `CATEGORY/STEM` (the folder and the
/// file name without extension: `sport/199`). Problems the reader reports are dropped; fails the
/// test (throws) when the file cannot be read as an article.
[[nodiscard]] Article read_text_file(const std::filesystem::path& path);

}  // namespace newsdex::test
