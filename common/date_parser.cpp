#include "common/date_parser.hpp"

// Accepted forms (case-insensitive; white space may also be U+00A0 or U+202F):
//   ISO 8601       2022-08-11, 2022-8-11, 2022/08/11, 2022.08.11, 2022-09 (month), 2022 (year),
//                  with an optional time after 'T' or a space: 09:30, 09:30:00, 09:30:00.123,
//                  and an optional zone: Z, +06:30, +0630, +06, or a zone name (see below)
//   basic ISO      20170701, 20170701 12:00:00, 20170701T120000Z
//   numeric d/m/y  11/08/2022, 11.08.2022, 11-08-2022: only when the order is unambiguous (one
//                  of the first two numbers is above 12, or both are equal); 04/05/2022 fails
//   month names    March 4, 2025 | Mar. 4, 2025 | Sept. 4 2025 | AUGUST 11TH, 2022 | 4 March 2025
//                  | 4th of March 2025 | 26-FEB-1987 | Feb. 2021 and February, 2021 (month)
//                  | Feb 26 and AUGUST 11TH (need a reference year), each with an optional
//                  leading weekday (Thu, / Thursday / Wed.) that must match the date
//   RFC 2822       Thu, 11 Aug 2022 09:30:00 GMT | +0000 | -0500 (a trailing "(UTC)" comment is ok)
// After a day a time may follow (", ", " at " or a space first), with am/pm/a.m./p.m. allowed.
// Zone names: UT, UTC, GMT (optionally followed by an offset: GMT+0530), and the RFC 2822 US
// zones EST EDT CST CDT MST MDT PST PDT (so CST is US Central, not China), plus CET CEST EET
// EEST WET BST (British Summer Time) MSK JST. Other names (IST: India, Israel or Ireland?) fail
// rather than be guessed.
// Two-digit years fail: "11 Aug 22" could be 1922 or 2022.

#include <array>
#include <cstddef>

namespace newsdex {

namespace {

constexpr std::int64_t seconds_per_day = 86'400;
// Longer input is not a date; the limit keeps the scan of a stray paragraph cheap.
constexpr std::size_t max_date_length = 96;

constexpr bool is_leap_year(std::int64_t year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

constexpr std::array<int, 12> month_lengths = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
constexpr std::array<int, 12> days_before_month = {0,   31,  59,  90,  120, 151,
                                                   181, 212, 243, 273, 304, 334};

constexpr int days_in_month(int year, int month) {
    return month == 2 && is_leap_year(year) ? 29 : month_lengths[static_cast<std::size_t>(month - 1)];
}

// Days from 0001-01-01 (proleptic Gregorian) to 1 January of `year`, for year >= 1: 365 per
// year plus one per leap year before it.
constexpr std::int64_t days_before_year(std::int64_t year) {
    const std::int64_t full_years = year - 1;
    return 365 * full_years + full_years / 4 - full_years / 100 + full_years / 400;
}

constexpr std::int64_t unix_epoch_day = days_before_year(1970);
static_assert(unix_epoch_day == 719'162);

constexpr int day_of_year_start(int year, int month) {
    return days_before_month[static_cast<std::size_t>(month - 1)] + (month > 2 && is_leap_year(year) ? 1 : 0);
}

// Days since 1970-01-01 of a valid civil date with year >= 1.
constexpr std::int64_t days_from_civil(int year, int month, int day) {
    return days_before_year(year) + day_of_year_start(year, month) + (day - 1) - unix_epoch_day;
}
static_assert(days_from_civil(1970, 1, 1) == 0);
static_assert(days_from_civil(2000, 3, 1) == 11'017);

struct CivilDate {
    int year;
    int month;
    int day;
};

// The inverse of days_from_civil, for days on or after 0001-01-01.
constexpr CivilDate civil_from_days(std::int64_t days) {
    const std::int64_t since_origin = days + unix_epoch_day;
    // 146097 days per 400 years gives a first guess that is off by at most one year.
    std::int64_t year = 1 + since_origin * 400 / 146'097;
    while (year > 1 && days_before_year(year) > since_origin) --year;
    while (days_before_year(year + 1) <= since_origin) ++year;
    const int y = static_cast<int>(year);
    const int day_of_year = static_cast<int>(since_origin - days_before_year(year));
    int month = 12;
    while (day_of_year_start(y, month) > day_of_year) --month;
    return {y, month, day_of_year - day_of_year_start(y, month) + 1};
}
static_assert(civil_from_days(11'016).month == 2 && civil_from_days(11'016).day == 29);

constexpr std::int64_t floor_div(std::int64_t value, std::int64_t divisor) {
    const std::int64_t quotient = value / divisor;
    return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
}

constexpr std::int64_t min_plausible_seconds = days_from_civil(min_plausible_year, 1, 1) * seconds_per_day;
constexpr std::int64_t end_plausible_seconds = days_from_civil(max_plausible_year + 1, 1, 1) * seconds_per_day;

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view lower) {
    if (a.size() != lower.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (to_lower(a[i]) != lower[i]) return false;
    }
    return true;
}

// Byte length of the white-space character at the start of `s` (ASCII space/tab/newline,
// U+00A0 or U+202F, all common in scraped pages), or 0.
std::size_t space_length(std::string_view s) {
    if (s.empty()) return 0;
    if (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r') return 1;
    if (s.size() >= 2 && s[0] == '\xC2' && s[1] == '\xA0') return 2;
    if (s.size() >= 3 && s[0] == '\xE2' && s[1] == '\x80' && s[2] == '\xAF') return 3;
    return 0;
}

std::string_view trim(std::string_view s) {
    while (const std::size_t n = space_length(s)) s.remove_prefix(n);
    while (!s.empty()) {
        const char last = s.back();
        if (last == ' ' || last == '\t' || last == '\n' || last == '\r') {
            s.remove_suffix(1);
        } else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") {
            s.remove_suffix(2);
        } else if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\xAF") {
            s.remove_suffix(3);
        } else {
            break;
        }
    }
    return s;
}

struct NamedNumber {
    std::string_view name;
    int value;
};

constexpr std::array<NamedNumber, 24> month_names = {{
    {"january", 1}, {"jan", 1},  {"february", 2}, {"feb", 2},  {"march", 3},     {"mar", 3},
    {"april", 4},   {"apr", 4},  {"may", 5},      {"june", 6}, {"jun", 6},       {"july", 7},
    {"jul", 7},     {"august", 8}, {"aug", 8},    {"september", 9}, {"sept", 9}, {"sep", 9},
    {"october", 10}, {"oct", 10}, {"november", 11}, {"nov", 11}, {"december", 12}, {"dec", 12},
}};

// Monday = 0 .. Sunday = 6.
constexpr std::array<NamedNumber, 17> weekday_names = {{
    {"monday", 0},   {"mon", 0},   {"tuesday", 1}, {"tue", 1},  {"tues", 1},   {"wednesday", 2},
    {"wed", 2},      {"thursday", 3}, {"thu", 3},  {"thur", 3}, {"thurs", 3},  {"friday", 4},
    {"fri", 4},      {"saturday", 5}, {"sat", 5},  {"sunday", 6}, {"sun", 6},
}};

// Offsets east of UTC, in minutes.
constexpr std::array<NamedNumber, 20> zone_names = {{
    {"ut", 0},     {"utc", 0},    {"gmt", 0},    {"z", 0},      {"est", -300}, {"edt", -240}, {"cst", -360},
    {"cdt", -300}, {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420}, {"cet", 60},   {"cest", 120},
    {"eet", 120},  {"eest", 180}, {"bst", 60},   {"msk", 180},  {"jst", 540},  {"wet", 0},
}};

template <std::size_t N>
std::optional<int> lookup(const std::array<NamedNumber, N>& table, std::string_view word) {
    for (const NamedNumber& entry : table) {
        if (iequals(word, entry.name)) return entry.value;
    }
    return std::nullopt;
}

// The pieces of a date as written, before validation; an empty part was not written.
struct Fields {
    std::optional<int> year;
    std::optional<int> month;
    std::optional<int> day;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int offset_minutes = 0;
    std::optional<int> weekday;
};

// A cursor over the candidate text. Reading past the end yields '\0'.
class Scanner {
public:
    explicit Scanner(std::string_view text) : m_text(text) {}

    [[nodiscard]] bool at_end() const { return m_pos >= m_text.size(); }
    [[nodiscard]] char peek(std::size_t ahead = 0) const {
        return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : '\0';
    }
    [[nodiscard]] std::size_t position() const { return m_pos; }
    void reset(std::size_t position) { m_pos = position; }

    bool accept(char c) {
        if (peek() != c) return false;
        ++m_pos;
        return true;
    }

    // Skips white space; returns how many bytes were skipped.
    std::size_t skip_spaces() {
        const std::size_t start = m_pos;
        while (const std::size_t n = space_length(m_text.substr(m_pos))) m_pos += n;
        return m_pos - start;
    }

    // Reads a maximal run of digits; fails (and consumes nothing) unless its length is within
    // [min_count, max_count].
    std::optional<int> number(std::size_t min_count, std::size_t max_count) {
        std::size_t end = m_pos;
        while (end < m_text.size() && is_digit(m_text[end])) ++end;
        const std::size_t count = end - m_pos;
        if (count < min_count || count > max_count || count > 9) return std::nullopt;
        int value = 0;
        for (std::size_t i = m_pos; i < end; ++i) value = value * 10 + (m_text[i] - '0');
        m_pos = end;
        return value;
    }

    // Length of the digit run at the cursor, without consuming it.
    [[nodiscard]] std::size_t digit_run() const {
        std::size_t end = m_pos;
        while (end < m_text.size() && is_digit(m_text[end])) ++end;
        return end - m_pos;
    }

    // Reads a maximal run of ASCII letters (possibly empty).
    std::string_view word() {
        const std::size_t start = m_pos;
        while (m_pos < m_text.size() && is_alpha(m_text[m_pos])) ++m_pos;
        return m_text.substr(start, m_pos - start);
    }

private:
    std::string_view m_text;
    std::size_t m_pos = 0;
};

// Reads an ordinal suffix ("st", "nd", "rd", "th") if one follows the day number.
void skip_ordinal_suffix(Scanner& scanner) {
    const std::size_t start = scanner.position();
    const std::string_view suffix = scanner.word();
    if (!(iequals(suffix, "st") || iequals(suffix, "nd") || iequals(suffix, "rd") || iequals(suffix, "th"))) {
        scanner.reset(start);
    }
}

// Reads "+06:30", "+0630", "+06" (and the same with '-'); false if malformed or out of range.
bool read_numeric_offset(Scanner& scanner, int& offset_minutes) {
    const char sign = scanner.peek();
    if (sign != '+' && sign != '-') return false;
    scanner.accept(sign);
    int hours = 0;
    int minutes = 0;
    if (scanner.digit_run() == 4) {
        const auto both = scanner.number(4, 4);
        hours = *both / 100;
        minutes = *both % 100;
    } else {
        const auto h = scanner.number(2, 2);
        if (!h) return false;
        hours = *h;
        if (scanner.accept(':')) {
            const auto m = scanner.number(2, 2);
            if (!m) return false;
            minutes = *m;
        }
    }
    if (hours > 14 || minutes > 59) return false;
    offset_minutes = (sign == '-' ? -1 : 1) * (hours * 60 + minutes);
    return true;
}

// Reads an optional zone after a time: Z, a numeric offset, or a known name (UTC/GMT may carry
// an offset), then an optional RFC 2822 comment such as "(UTC)". True when the rest is valid.
bool read_zone(Scanner& scanner, Fields& fields) {
    scanner.skip_spaces();
    if (scanner.at_end()) return true;
    if (scanner.peek() == '+' || scanner.peek() == '-') {
        if (!read_numeric_offset(scanner, fields.offset_minutes)) return false;
    } else {
        const std::string_view name = scanner.word();
        const auto offset = lookup(zone_names, name);
        if (!offset) return false;
        fields.offset_minutes = *offset;
        if (*offset == 0 && !iequals(name, "z") && (scanner.peek() == '+' || scanner.peek() == '-')) {
            if (!read_numeric_offset(scanner, fields.offset_minutes)) return false;
        }
    }
    scanner.skip_spaces();
    if (scanner.accept('(')) {
        scanner.skip_spaces();
        if (scanner.word().empty()) return false;
        scanner.skip_spaces();
        if (!scanner.accept(')')) return false;
        scanner.skip_spaces();
    }
    return scanner.at_end();
}

// Reads "am", "pm", "a.m." or "p.m." and applies it to a 12-hour clock value.
bool read_meridiem(Scanner& scanner, int& hour) {
    const std::size_t start = scanner.position();
    scanner.skip_spaces();
    const char first = to_lower(scanner.peek());
    if (first != 'a' && first != 'p') {
        scanner.reset(start);
        return true;
    }
    const std::string_view word = scanner.word();
    bool matched = iequals(word, "am") || iequals(word, "pm");
    if (!matched && word.size() == 1) {
        // "a.m." / "p.m."
        matched = scanner.accept('.') && to_lower(scanner.peek()) == 'm';
        if (matched) {
            scanner.reset(scanner.position() + 1);
            scanner.accept('.');
        }
    }
    if (!matched) {
        // Not a meridiem: maybe a zone name such as "PST"; let the zone reader see it.
        scanner.reset(start);
        return true;
    }
    if (hour < 1 || hour > 12) return false;
    if (first == 'a') {
        hour = hour == 12 ? 0 : hour;
    } else {
        hour = hour == 12 ? 12 : hour + 12;
    }
    return true;
}

// Reads what may follow a day: nothing, or a separator, a time, an optional am/pm and an
// optional zone. `allow_t` admits the ISO 'T' separator and the basic "T093000" time.
bool read_time_tail(Scanner& scanner, Fields& fields, bool allow_t) {
    if (scanner.at_end()) return true;
    bool basic_allowed = false;
    if (allow_t && (scanner.peek() == 'T' || scanner.peek() == 't')) {
        scanner.reset(scanner.position() + 1);
        basic_allowed = true;
    } else {
        std::size_t consumed = scanner.skip_spaces();
        if (scanner.accept(',')) {
            ++consumed;
            consumed += scanner.skip_spaces();
        }
        const std::size_t before_at = scanner.position();
        const std::string_view at = scanner.word();
        if (iequals(at, "at") && scanner.skip_spaces() > 0) {
            consumed += scanner.position() - before_at;
        } else {
            scanner.reset(before_at);
        }
        if (consumed == 0) return false;
    }

    const std::size_t run = scanner.digit_run();
    if (basic_allowed && (run == 4 || run == 6)) {
        const auto hh = scanner.number(run, run);
        const int packed = *hh;
        if (run == 4) {
            fields.hour = packed / 100;
            fields.minute = packed % 100;
        } else {
            fields.hour = packed / 10'000;
            fields.minute = packed / 100 % 100;
            fields.second = packed % 100;
        }
    } else {
        const auto hour = scanner.number(1, 2);
        if (!hour || !scanner.accept(':')) return false;
        const auto minute = scanner.number(2, 2);
        if (!minute) return false;
        fields.hour = *hour;
        fields.minute = *minute;
        if (scanner.accept(':')) {
            const auto second = scanner.number(2, 2);
            if (!second) return false;
            fields.second = *second;
        }
    }
    // Fractional seconds are read and dropped: the index works in whole seconds.
    if (scanner.peek() == '.' || scanner.peek() == ',') {
        if (!is_digit(scanner.peek(1))) return false;
        scanner.reset(scanner.position() + 1);
        if (!scanner.number(1, 9)) return false;
    }
    if (!read_meridiem(scanner, fields.hour)) return false;
    if (fields.hour > 23 || fields.minute > 59 || fields.second > 59) return false;
    return read_zone(scanner, fields);
}

// Forms that start with digits and contain no month name: ISO (full, partial, basic) and
// numeric day/month/year.
std::optional<Fields> parse_numeric(std::string_view text) {
    Scanner scanner(text);
    Fields fields;
    const std::size_t run = scanner.digit_run();
    if (run == 4) {
        fields.year = *scanner.number(4, 4);
        if (scanner.at_end()) return fields;
        const char separator = scanner.peek();
        if (separator != '-' && separator != '/' && separator != '.') return std::nullopt;
        scanner.accept(separator);
        const auto month = scanner.number(1, 2);
        if (!month) return std::nullopt;
        fields.month = month;
        if (scanner.at_end()) {
            if (separator == '.') return std::nullopt;  // "2022.08" reads like a decimal number
            return fields;
        }
        if (!scanner.accept(separator)) return std::nullopt;
        const auto day = scanner.number(1, 2);
        if (!day) return std::nullopt;
        fields.day = day;
    } else if (run == 8) {
        const int packed = *scanner.number(8, 8);
        fields.year = packed / 10'000;
        fields.month = packed / 100 % 100;
        fields.day = packed % 100;
    } else if (run == 1 || run == 2) {
        const int first = *scanner.number(1, 2);
        const char separator = scanner.peek();
        if (separator != '/' && separator != '.' && separator != '-') return std::nullopt;
        scanner.accept(separator);
        const auto second = scanner.number(1, 2);
        if (!second || !scanner.accept(separator)) return std::nullopt;
        const auto year = scanner.number(4, 4);
        if (!year) return std::nullopt;
        fields.year = *year;
        if (first > 12 && *second <= 12) {
            fields.day = first;
            fields.month = *second;
        } else if (*second > 12 && first <= 12) {
            fields.month = first;
            fields.day = *second;
        } else if (first == *second) {
            fields.day = first;
            fields.month = first;
        } else {
            return std::nullopt;  // 04/05/2022: April 5 in the US, 4 May elsewhere
        }
    } else {
        return std::nullopt;
    }
    if (!read_time_tail(scanner, fields, true)) return std::nullopt;
    return fields;
}

// Reads a month name with an optional trailing dot; false (nothing consumed) otherwise.
bool read_month_name(Scanner& scanner, std::optional<int>& month) {
    const std::size_t start = scanner.position();
    const auto found = lookup(month_names, scanner.word());
    if (!found) {
        scanner.reset(start);
        return false;
    }
    month = *found;
    scanner.accept('.');
    return true;
}

// Forms with an English month name, with an optional leading weekday.
std::optional<Fields> parse_named(std::string_view text) {
    Scanner scanner(text);
    Fields fields;

    const std::size_t start = scanner.position();
    if (const auto weekday = lookup(weekday_names, scanner.word())) {
        fields.weekday = *weekday;
        scanner.accept('.');
        std::size_t gap = scanner.skip_spaces();
        if (scanner.accept(',')) gap += 1 + scanner.skip_spaces();
        if (gap == 0) return std::nullopt;
    } else {
        scanner.reset(start);
    }

    if (is_digit(scanner.peek())) {
        // Day first: "4 March 2025", "11th of August, 2022", "26-FEB-1987".
        const auto day = scanner.number(1, 2);
        if (!day) return std::nullopt;
        fields.day = day;
        skip_ordinal_suffix(scanner);
        if (scanner.accept('-')) {
            if (!read_month_name(scanner, fields.month) || !scanner.accept('-')) return std::nullopt;
            const auto year = scanner.number(4, 4);
            if (!year) return std::nullopt;
            fields.year = *year;
        } else {
            if (scanner.skip_spaces() == 0) return std::nullopt;
            const std::size_t before_of = scanner.position();
            if (iequals(scanner.word(), "of") && scanner.skip_spaces() > 0) {
                // "4th of March"
            } else {
                scanner.reset(before_of);
            }
            if (!read_month_name(scanner, fields.month)) return std::nullopt;
            const std::size_t after_month = scanner.position();
            scanner.skip_spaces();
            scanner.accept(',');
            scanner.skip_spaces();
            if (scanner.digit_run() == 4 && scanner.position() > after_month) {
                fields.year = *scanner.number(4, 4);
            } else {
                scanner.reset(after_month);
            }
        }
    } else {
        // Month first: "March 4, 2025", "AUGUST 11TH", "Feb. 2021".
        if (!read_month_name(scanner, fields.month)) return std::nullopt;
        std::size_t gap = scanner.skip_spaces();
        if (scanner.accept(',')) gap += 1 + scanner.skip_spaces();
        if (gap == 0 && text[scanner.position() - 1] != '.') return std::nullopt;
        const std::size_t run = scanner.digit_run();
        if (run == 4) {
            fields.year = *scanner.number(4, 4);
            scanner.skip_spaces();
            return scanner.at_end() ? std::optional<Fields>(fields) : std::nullopt;
        }
        const auto day = scanner.number(1, 2);
        if (!day) return std::nullopt;
        fields.day = day;
        skip_ordinal_suffix(scanner);
        const std::size_t after_day = scanner.position();
        scanner.skip_spaces();
        scanner.accept(',');
        scanner.skip_spaces();
        // A 4-digit run after the day is the year; "9:30" after it is a time.
        if (scanner.position() > after_day && scanner.digit_run() == 4) {
            fields.year = *scanner.number(4, 4);
        } else {
            scanner.reset(after_day);
        }
    }
    if (!read_time_tail(scanner, fields, false)) return std::nullopt;
    return fields;
}

// Validates the fields and builds the UTC date.
std::optional<ParsedDate> finish(const Fields& fields, std::optional<int> reference_year) {
    const std::optional<int> year = fields.year ? fields.year : reference_year;
    if (!year || *year < min_plausible_year || *year > max_plausible_year) return std::nullopt;
    if (fields.month && (*fields.month < 1 || *fields.month > 12)) return std::nullopt;
    if (fields.day && (!fields.month || *fields.day < 1 || *fields.day > days_in_month(*year, *fields.month))) {
        return std::nullopt;
    }
    if (fields.weekday && !fields.day) return std::nullopt;

    ParsedDate date;
    date.precision = fields.day ? DatePrecision::day : fields.month ? DatePrecision::month : DatePrecision::year;
    const std::int64_t local_day = days_from_civil(*year, fields.month.value_or(1), fields.day.value_or(1));
    // 1970-01-01 (day 0) was a Thursday, so (day + 3) mod 7 counts from Monday = 0.
    if (fields.weekday && local_day + 3 - floor_div(local_day + 3, 7) * 7 != *fields.weekday) return std::nullopt;
    date.utc_seconds = local_day * seconds_per_day + fields.hour * 3'600 + fields.minute * 60 + fields.second -
                       std::int64_t{fields.offset_minutes} * 60;
    if (date.utc_seconds < min_plausible_seconds || date.utc_seconds >= end_plausible_seconds) return std::nullopt;
    const CivilDate utc = civil_from_days(floor_div(date.utc_seconds, seconds_per_day));
    date.year = utc.year;
    date.month = date.precision == DatePrecision::year ? 1 : utc.month;
    date.day = date.precision == DatePrecision::day ? utc.day : 1;
    return date;
}

void append_digits(std::string& out, int value, int width) {
    char buffer[8] = {};
    for (int i = width - 1; i >= 0; --i) {
        buffer[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
    out.append(buffer, static_cast<std::size_t>(width));
}

std::string compact_key(int year, int month, int day) {
    std::string key;
    key.reserve(8);
    append_digits(key, year, 4);
    append_digits(key, month, 2);
    append_digits(key, day, 2);
    return key;
}

}  // namespace

std::string_view to_string(DatePrecision precision) noexcept {
    switch (precision) {
        case DatePrecision::day: return "day";
        case DatePrecision::month: return "month";
        case DatePrecision::year: return "year";
    }
    return "day";
}

std::optional<ParsedDate> parse_date(std::string_view text, std::optional<int> reference_year) {
    text = trim(text);
    if (text.empty() || text.size() > max_date_length) return std::nullopt;
    std::optional<Fields> fields;
    if (is_digit(text.front())) fields = parse_numeric(text);
    if (!fields) fields = parse_named(text);
    if (!fields) return std::nullopt;
    return finish(*fields, reference_year);
}

std::optional<ParsedDate> from_epoch_seconds(std::int64_t seconds) {
    if (seconds < min_plausible_seconds || seconds >= end_plausible_seconds) return std::nullopt;
    const CivilDate civil = civil_from_days(floor_div(seconds, seconds_per_day));
    return ParsedDate{seconds, DatePrecision::day, civil.year, civil.month, civil.day};
}

std::string day_key(const ParsedDate& date) { return compact_key(date.year, date.month, date.day); }

std::string month_key(const ParsedDate& date) {
    std::string key;
    key.reserve(7);
    append_digits(key, date.year, 4);
    key += '-';
    append_digits(key, date.month, 2);
    return key;
}

std::string year_key(const ParsedDate& date) {
    std::string key;
    append_digits(key, date.year, 4);
    return key;
}

std::string display_date(const ParsedDate& date) {
    switch (date.precision) {
        case DatePrecision::year: return year_key(date);
        case DatePrecision::month: return month_key(date);
        case DatePrecision::day: break;
    }
    std::string text = month_key(date);
    text += '-';
    append_digits(text, date.day, 2);
    return text;
}

std::string period_first_day_key(const ParsedDate& date) {
    switch (date.precision) {
        case DatePrecision::year: return compact_key(date.year, 1, 1);
        case DatePrecision::month: return compact_key(date.year, date.month, 1);
        case DatePrecision::day: break;
    }
    return day_key(date);
}

std::string period_last_day_key(const ParsedDate& date) {
    switch (date.precision) {
        case DatePrecision::year: return compact_key(date.year, 12, 31);
        case DatePrecision::month: return compact_key(date.year, date.month, days_in_month(date.year, date.month));
        case DatePrecision::day: break;
    }
    return day_key(date);
}

}  // namespace newsdex
