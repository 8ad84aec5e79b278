#pragma once
/// Reads the article fields of one JSON object (a JSON Lines record or a manifest line).

#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "common/article.hpp"

namespace newsdex {

/// Copies the known fields of `record` into `article`: `id` (string or integer), `title`,
/// `date` (string, or a number of Unix seconds), `source`, `author`, `url`, `lang`, and,
/// when `with_body`, `body` or `text` (split into paragraphs on line breaks). Null counts as
/// absent and unknown fields are ignored. Returns a one-line message naming the first field
/// of the wrong type, or nullopt when all is well.
[[nodiscard]] std::optional<std::string> read_record_fields(const nlohmann::json& record, Article& article,
                                                            bool with_body);

/// Splits a JSON body into paragraphs: every line break (single or blank line) ends one.
/// Lines that hold only white space are dropped.
void split_body_lines(std::string_view body, std::vector<std::string>& paragraphs);

}  // namespace newsdex
