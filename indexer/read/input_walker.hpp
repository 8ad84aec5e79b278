#pragma once
/// Expands news-index INPUT arguments into the list of files to read, in a stable order.

#include <filesystem>
#include <string>
#include <vector>

#include "common/diagnostics.hpp"

namespace newsdex {

/// How a source is read.
enum class InputFormat { text, json_lines };

/// One file (or stdin) to read articles from.
struct InputSource {
    std::filesystem::path path;  ///< the file; for stdin empty, or a copy of it (see StdinSpool)
    std::filesystem::path root;  ///< the INPUT directory it was found under; empty when named directly
    InputFormat format = InputFormat::text;
    bool is_stdin = false;
    /// The name used in diagnostics: the path as given, or "-" for stdin.
    [[nodiscard]] std::string display_name() const;
    /// The name the index stores: the path relative to `root`, the file's name when named
    /// directly, or "-" for stdin.
    [[nodiscard]] std::string stored_name() const;
};

/// True for sidecar metadata files (`*.meta.jsonl`), which are manifests, not articles.
[[nodiscard]] bool is_manifest_file(const std::filesystem::path& path);

/// Expands INPUT arguments: "-" is stdin (JSON Lines); a directory is walked recursively in
/// sorted order, taking `.txt` as text and `.jsonl`/`.ndjson` as JSON Lines, skipping
/// manifests and other files; a file named directly is JSON Lines when it ends in
/// `.jsonl`/`.ndjson`, text otherwise. Symbolic links to files are followed; links to
/// directories met while walking are not (so loops cannot happen), with a warning. Inputs that
/// do not exist or cannot be read, looping or broken links and special files (FIFOs, devices)
/// met while walking are rejected through `diagnostics` and left out. An INPUT that does not
/// exist at all is a usage error: throws UsageError before anything is read.
[[nodiscard]] std::vector<InputSource> expand_inputs(const std::vector<std::string>& inputs,
                                                     Diagnostics& diagnostics);

}  // namespace newsdex
