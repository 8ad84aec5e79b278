#pragma once
/// Turns the date forms found in news metadata and datelines into a UTC instant with an honest
/// precision (day, month or year). Pure: no I/O, no locale, no time-zone database, no shared
/// state, so it is safe to call from any thread.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsdex {

/// How much of a date is known: "2022-08-11" is a day, "2022-09" a month, "2022" a year.
enum class DatePrecision { day, month, year };

/// Returns "day", "month" or "year".
[[nodiscard]] std::string_view to_string(DatePrecision precision) noexcept;

/// Earliest calendar year (UTC) that any function here accepts; older dates are treated as errors.
inline constexpr int min_plausible_year = 1800;
/// Latest calendar year (UTC) that any function here accepts; later dates are treated as errors.
inline constexpr int max_plausible_year = 2100;

/// A date as parsed. `year`/`month`/`day` are the UTC calendar date; for month precision day is 1,
/// for year precision month and day are 1. `utc_seconds` is the Unix time of the instant given,
/// or of 00:00 UTC at the start of the period when no time was given.
struct ParsedDate {
    std::int64_t utc_seconds = 0;                  ///< seconds since 1970-01-01T00:00:00Z
    DatePrecision precision = DatePrecision::day;  ///< how much of the date is known
    int year = 1970;                               ///< UTC year, within the plausible window
    int month = 1;                                 ///< 1..12
    int day = 1;                                   ///< 1..31

    /// Member-wise equality (used by tests).
    friend bool operator==(const ParsedDate&, const ParsedDate&) = default;
};

/// Parses one date written in any supported form (ISO 8601 full or partial, RFC 2822, English
/// month names, `26-FEB-1987`, `20170701`, unambiguous numeric day/month orders; see
/// date_parser.cpp for the full list). The whole of `text` (after trimming white space) must be
/// the date. Forms without a year (`Feb 26`) take `reference_year`, and fail without it. A time
/// with a zone is converted to UTC; a time without a zone is taken as UTC.
/// Returns std::nullopt for anything else: empty text, unknown forms, impossible dates
/// (`2022-02-30`), an ambiguous day/month order (`04/05/2022`), a weekday that contradicts the
/// date, or a year outside min_plausible_year..max_plausible_year.
[[nodiscard]] std::optional<ParsedDate> parse_date(std::string_view text,
                                                   std::optional<int> reference_year = std::nullopt);

/// Converts Unix epoch seconds (a JSON number in metadata) to a day-precision date keeping the
/// exact instant. Returns std::nullopt when the instant lies outside the plausible years (which
/// also catches milliseconds given where seconds were expected).
[[nodiscard]] std::optional<ParsedDate> from_epoch_seconds(std::int64_t seconds);

/// Returns the sortable key "YYYYMMDD" of the date's first day (e.g. "20220811"), for value slots.
[[nodiscard]] std::string day_key(const ParsedDate& date);

/// Returns "YYYY-MM" (e.g. "2022-08"), for the month facet.
[[nodiscard]] std::string month_key(const ParsedDate& date);

/// Returns "YYYY" (e.g. "2022"), for the year facet.
[[nodiscard]] std::string year_key(const ParsedDate& date);

/// Returns the date as precise as it is known: "2022-08-11", "2022-08" or "2022".
[[nodiscard]] std::string display_date(const ParsedDate& date);

/// Returns the "YYYYMMDD" key of the first day of the date's period (the day itself for day
/// precision, the 1st of the month or 1 January otherwise), for inclusive range starts.
[[nodiscard]] std::string period_first_day_key(const ParsedDate& date);

/// Returns the "YYYYMMDD" key of the last day of the date's period (the day itself for day
/// precision, e.g. "20220930" for 2022-09, "20221231" for 2022), for inclusive range ends.
[[nodiscard]] std::string period_last_day_key(const ParsedDate& date);

}  // namespace newsdex
