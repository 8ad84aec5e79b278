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
    std::string file;
    std::size_t line = 0;
};

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
