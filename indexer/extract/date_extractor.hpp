#pragma once
/// Finds an article's date: from its metadata first, else from a dateline or a "Published on"
/// line near the start of the text. Never guesses a year.

#include "common/article.hpp"
#include "common/date_parser.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace newsdex {

/// What extract_date found, where it found it, and what was wrong with the metadata (if anything).
struct DateFinding {
    /// Where the date came from. `text` also covers a metadata month or year refined to a day by
    /// a dateline inside that period.
    enum class Origin { metadata, text, none };

    std::optional<ParsedDate> date;     ///< the date, or empty when none was found
    Origin origin = Origin::none;       ///< none exactly when `date` is empty
    std::optional<std::string> warning; ///< set when the metadata held a date that could not be used,
                                        ///< e.g. `unknown or impossible date "2022-02-30"`; the
                                        ///< caller adds the file:line
};

/// Returns "metadata", "text" or "none".
[[nodiscard]] std::string_view to_string(DateFinding::Origin origin) noexcept;

/// Finds the date of `article`:
/// 1. `date_epoch` (Unix seconds) if present, else `date_text` if non-empty, parsed with
///    `reference_year` for year-less forms. A day-precision result is final.
/// 2. A month- or year-precision metadata date is refined to a day when a dateline in the text
///    gives a day inside that month or year (the metadata year completes a year-less dateline).
/// 3. With no usable metadata, a dateline or a published/updated/posted line in the first few
///    paragraphs; year-less forms only with `article.reference_year`.
/// Unusable metadata (unparseable, impossible, implausible epoch, no year) sets `warning` and
/// falls through to step 3. Never throws for bad data; allocates only for the warning.
[[nodiscard]] DateFinding extract_date(const Article& article);

}  // namespace newsdex
