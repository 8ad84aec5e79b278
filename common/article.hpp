#pragma once
/// The value types that flow through the indexer. No behaviour lives here.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace newsdex {

/// Where a record came from: a file and a 1-based line (0 when the record is the whole file).
struct Origin {
    std::string file;         ///< as the user named it: for diagnostics
    std::size_t line = 0;
    /// As the index stores it: relative to the INPUT directory it was found under (the file's
    /// name when it was named directly, "-" for stdin), so that an index shows nothing of the
    /// indexing machine's folders. Empty: `file`.
    std::string stored_file{};
};

/// Where a record came from as the index stores it: `stored_file` (or `file`), then `:LINE`
/// when the record is a line.
[[nodiscard]] inline std::string stored_location(const Origin& origin) {
    std::string where = origin.stored_file.empty() ? origin.file : origin.stored_file;
    if (origin.line > 0) where += ":" + std::to_string(origin.line);
    return where;
}

/// One article as read, then as cleaned. Text fields hold UTF-8 in its original characters
/// (NFC); the folded form used for matching is derived when the document is built.
struct Article {
    std::string id;                       ///< stable id, see indexer/article_id
    std::string title;                    ///< the headline
    std::vector<std::string> paragraphs;  ///< body paragraphs, in order
    std::string source;                   ///< outlet name, may be empty
    std::string author;
    std::string url;
    std::string lang;                     ///< ISO 639-1 code from metadata, may be empty
    std::string date_text;                ///< the date as the metadata gave it, unparsed
    std::optional<std::int64_t> date_epoch;  ///< the date when metadata gave a number (Unix seconds)
    std::optional<int> reference_year;    ///< year to complete year-less datelines, when known
    Origin origin;
};

}  // namespace newsdex
