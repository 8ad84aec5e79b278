#pragma once
/// Reads the article fields of one JSON object (a JSON Lines record or a manifest line).

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "common/article.hpp"

namespace newsdex {

/// Copies the known fields of `record` into `article`: `id` (string or integer), `title`,
/// `date` (string, or a number of Unix seconds), `source`, `author`, `url`, `lang`, and,
/// when `with_body`, `body` or `text` (split into paragraphs on line breaks, all kept). Null
/// counts as absent and unknown fields are ignored. A number too large to be a date is kept as
/// date text, so it gets the same "unknown or impossible date" warning as a bad date string.
/// Returns a one-line message naming the first field of the wrong type, or nullopt when all is
/// well.
[[nodiscard]] std::optional<std::string> read_record_fields(const nlohmann::json& record, Article& article,
                                                            bool with_body);

/// What read_record_body found.
struct BodyRead {
    std::optional<std::string> error;  ///< why the body cannot be read (missing, wrong type)
    std::size_t paragraphs = 0;        ///< paragraphs in the body, including those not kept
};

/// Appends the paragraphs of the `body` (or else `text`) string of `record` to `paragraphs`,
/// keeping at most `max_paragraphs` of them. A missing or null body, or one of another type
/// than string, gives an error message instead.
[[nodiscard]] BodyRead read_record_body(const nlohmann::json& record, std::vector<std::string>& paragraphs,
                                        std::size_t max_paragraphs);

/// Splits a JSON body into paragraphs: every line break (LF, CR or CRLF; single or blank line)
/// ends one. Lines that hold only white space are dropped. Appends at most `max_paragraphs`
/// to `paragraphs` and returns how many the body holds.
std::size_t split_body_lines(std::string_view body, std::vector<std::string>& paragraphs,
                             std::size_t max_paragraphs = std::numeric_limits<std::size_t>::max());

}  // namespace newsdex
