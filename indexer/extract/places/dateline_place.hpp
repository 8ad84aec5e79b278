#pragma once
/// The place of a wire dateline: "PORTLAND, Ore., March 3 -", "TOKYO (Reuters) -",
/// "AUGUST 11TH, BRUSSELS (IPS) –", "NAYPYITAW, Myanmar, Aug 3 -".

#include <optional>
#include <string>

#include "common/article.hpp"

namespace newsdex {

/// A dateline's place as written.
struct DatelinePlace {
    std::string place;      ///< "PORTLAND"
    std::string qualifier;  ///< the region or country written after it ("Ore.", "Myanmar"); empty when none
    std::string dateline;   ///< the whole dateline before its dash, for explanations
};

/// The dateline place at the start of one of the first two paragraphs: text before a dash
/// (" - ", " -- ", " _ ", an en or em dash) within the first 100 bytes, made of comma-separated
/// parts: dates (any part with a digit or a month name) and an agency in brackets are skipped;
/// the first remaining part is the place and a second one its qualifier. The place must be
/// written in capitals, or in capitalised words when a date or agency shows the text is a
/// dateline. Nullopt when there is none. Pure and thread-safe.
[[nodiscard]] std::optional<DatelinePlace> find_dateline_place(const Article& article);

}  // namespace newsdex
