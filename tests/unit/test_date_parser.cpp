#include "common/date_parser.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

using newsdex::DatePrecision;
using newsdex::ParsedDate;
using newsdex::parse_date;

namespace {

constexpr auto day = DatePrecision::day;
constexpr auto month = DatePrecision::month;
constexpr auto year = DatePrecision::year;

struct GoodCase {
    std::string_view text;
    std::optional<int> reference_year;
    int year;
    int month;
    int day;
    DatePrecision precision;
};

struct TimedCase {
    std::string_view text;
    std::int64_t utc_seconds;  // computed independently with Python's calendar.timegm
    int year;
    int month;
    int day;
};

// "YYYY-MM-DD" built without the parser's own formatting code.
std::string iso_date(int y, int m, int d) {
    std::string text = std::to_string(y);
    for (const int part : {m, d}) {
        text += part < 10 ? "-0" : "-";
        text += std::to_string(part);
    }
    return text;
}

void check_good(const GoodCase& row) {
    INFO("input: \"" << row.text << "\"");
    const std::optional<ParsedDate> parsed = parse_date(row.text, row.reference_year);
    REQUIRE(parsed.has_value());
    CHECK(parsed->year == row.year);
    CHECK(parsed->month == row.month);
    CHECK(parsed->day == row.day);
    CHECK(parsed->precision == row.precision);
}

}  // namespace

TEST_CASE("date parser reads ISO 8601 dates, full and partial", "[date]") {
    const std::vector<GoodCase> rows = {
        {"2022-08-11", std::nullopt, 2022, 8, 11, day},
        {"  2022-08-11\n", std::nullopt, 2022, 8, 11, day},
        {"2022-8-1", std::nullopt, 2022, 8, 1, day},
        {"2022/08/11", std::nullopt, 2022, 8, 11, day},
        {"2022.08.11", std::nullopt, 2022, 8, 11, day},
        {"2022-08-11T09:30:00+06:30", std::nullopt, 2022, 8, 11, day},
        {"2022-08-11T09:30:00Z", std::nullopt, 2022, 8, 11, day},
        {"2022-08-11t09:30:00z", std::nullopt, 2022, 8, 11, day},
        {"2022-08-11 09:30", std::nullopt, 2022, 8, 11, day},
        {"2022-08-11T09:30:00.123456Z", std::nullopt, 2022, 8, 11, day},
        {"2022-08-11T09:30:00,5+02", std::nullopt, 2022, 8, 11, day},
        {"2022-08-11 09:30:00 UTC", std::nullopt, 2022, 8, 11, day},
        {"2022-09", std::nullopt, 2022, 9, 1, month},
        {"2022/09", std::nullopt, 2022, 9, 1, month},
        {"2022", std::nullopt, 2022, 1, 1, year},
        {"2000-02-29", std::nullopt, 2000, 2, 29, day},
        {"2024-02-29", std::nullopt, 2024, 2, 29, day},
        {"1800-01-01", std::nullopt, 1800, 1, 1, day},
        {"2100-12-31", std::nullopt, 2100, 12, 31, day},
    };
    for (const GoodCase& row : rows) check_good(row);
}

TEST_CASE("date parser reads RFC 2822 dates with numeric and named zones", "[date]") {
    const std::vector<GoodCase> rows = {
        {"Thu, 11 Aug 2022 09:30:00 GMT", std::nullopt, 2022, 8, 11, day},
        {"Thu, 11 Aug 2022 09:30:00 +0000", std::nullopt, 2022, 8, 11, day},
        {"Thu, 11 Aug 2022 09:30:00 +0000 (UTC)", std::nullopt, 2022, 8, 11, day},
        {"11 Aug 2022 09:30 -0500", std::nullopt, 2022, 8, 11, day},
        {"Thursday, 11 August 2022", std::nullopt, 2022, 8, 11, day},
        {"Thu, 11 Aug 2022 09:30:00 UTC", std::nullopt, 2022, 8, 11, day},
        {"Thu, 11 Aug 2022 09:30:00 EST", std::nullopt, 2022, 8, 11, day},
        {"Thu, 11 Aug 2022 09:30:00 EDT", std::nullopt, 2022, 8, 11, day},
        {"Thu, 11 Aug 2022 09:30:00 CST", std::nullopt, 2022, 8, 11, day},
        {"Thu, 11 Aug 2022 09:30:00 CDT", std::nullopt, 2022, 8, 11, day},
        {"Thu, 11 Aug 2022 09:30:00 MST", std::nullopt, 2022, 8, 11, day},
        {"Thu, 11 Aug 2022 09:30:00 MDT", std::nullopt, 2022, 8, 11, day},
        {"Thu, 11 Aug 2022 09:30:00 PST", std::nullopt, 2022, 8, 11, day},
        {"Thu, 11 Aug 2022 09:30:00 PDT", std::nullopt, 2022, 8, 11, day},
        {"Thu, 11 Aug 2022 09:30:00 GMT+0530", std::nullopt, 2022, 8, 11, day},
        {"Thu, 11 Aug 2022 23:30:00 PDT", std::nullopt, 2022, 8, 12, day},
    };
    for (const GoodCase& row : rows) check_good(row);
}

TEST_CASE("date parser reads English month names in any case, with or without a dot", "[date]") {
    const std::vector<GoodCase> rows = {
        {"March 4, 2025", std::nullopt, 2025, 3, 4, day},
        {"4 March 2025", std::nullopt, 2025, 3, 4, day},
        {"4th of March, 2025", std::nullopt, 2025, 3, 4, day},
        {"Mar. 4, 2025", std::nullopt, 2025, 3, 4, day},
        {"Mar 4 2025", std::nullopt, 2025, 3, 4, day},
        {"Sept. 4, 2025", std::nullopt, 2025, 9, 4, day},
        {"Sep 4, 2025", std::nullopt, 2025, 9, 4, day},
        {"AUGUST 11TH, 2022", std::nullopt, 2022, 8, 11, day},
        {"August 11th 2022", std::nullopt, 2022, 8, 11, day},
        {"august 1st, 2022", std::nullopt, 2022, 8, 1, day},
        {"June 22nd, 2022", std::nullopt, 2022, 6, 22, day},
        {"May 3rd 2022", std::nullopt, 2022, 5, 3, day},
        {"March\xC2\xA0" "4,\xC2\xA0" "2025", std::nullopt, 2025, 3, 4, day},
        {"26-FEB-1987 15:01:01.79", std::nullopt, 1987, 2, 26, day},
        {"26-Feb-1987", std::nullopt, 1987, 2, 26, day},
        {"March 4, 2025 3:45 pm", std::nullopt, 2025, 3, 4, day},
        {"March 4, 2025 at 3:45 p.m. EST", std::nullopt, 2025, 3, 4, day},
        {"March 4, 2025, 10:00", std::nullopt, 2025, 3, 4, day},
        {"Wed., Sept. 7, 2022", std::nullopt, 2022, 9, 7, day},
        {"Feb. 2021", std::nullopt, 2021, 2, 1, month},
        {"February 2021", std::nullopt, 2021, 2, 1, month},
        {"february, 2021", std::nullopt, 2021, 2, 1, month},
        {"DECEMBER 1999", std::nullopt, 1999, 12, 1, month},
    };
    for (const GoodCase& row : rows) check_good(row);
}

TEST_CASE("date parser reads basic ISO and unambiguous numeric day/month orders", "[date]") {
    const std::vector<GoodCase> rows = {
        {"20170701", std::nullopt, 2017, 7, 1, day},
        {"20170701 12:00:00", std::nullopt, 2017, 7, 1, day},
        {"20170701T120000Z", std::nullopt, 2017, 7, 1, day},
        {"13/08/2022", std::nullopt, 2022, 8, 13, day},   // day first: 13 cannot be a month
        {"08/13/2022", std::nullopt, 2022, 8, 13, day},   // month first: 13 cannot be a month
        {"31.12.2021", std::nullopt, 2021, 12, 31, day},
        {"25-12-2021", std::nullopt, 2021, 12, 25, day},
        {"05/05/2022", std::nullopt, 2022, 5, 5, day},    // same either way
    };
    for (const GoodCase& row : rows) check_good(row);
}

TEST_CASE("date parser completes year-less dates only with a reference year", "[date]") {
    const std::vector<GoodCase> rows = {
        {"Feb 26", 1987, 1987, 2, 26, day},
        {"August 3", 2022, 2022, 8, 3, day},
        {"AUGUST 11TH", 2022, 2022, 8, 11, day},
        {"11 August", 2022, 2022, 8, 11, day},
        {"Feb 29", 2024, 2024, 2, 29, day},
        {"Wed., Sept. 7", 2022, 2022, 9, 7, day},
        {"March 4, 2025", 1999, 2025, 3, 4, day},  // a written year beats the reference year
    };
    for (const GoodCase& row : rows) check_good(row);

    for (const std::string_view text : {"Feb 26", "August 3", "AUGUST 11TH", "11 August"}) {
        INFO("input: \"" << text << "\"");
        CHECK_FALSE(parse_date(text).has_value());
    }
    CHECK_FALSE(parse_date("Feb 29", 2023).has_value());
    CHECK_FALSE(parse_date("Feb 26", 1700).has_value());
    CHECK_FALSE(parse_date("Wed., Sept. 7", 2023).has_value());  // 2023-09-07 is a Thursday
}

TEST_CASE("date parser converts times with zones to UTC instants and UTC calendar days", "[date]") {
    const std::vector<TimedCase> rows = {
        {"2022-08-11", 1660176000, 2022, 8, 11},
        {"2022-08-11T09:30:00Z", 1660210200, 2022, 8, 11},
        {"2022-08-11 09:30", 1660210200, 2022, 8, 11},
        {"2022-08-11T09:30:00.999Z", 1660210200, 2022, 8, 11},
        {"2022-08-11T09:30:00+06:30", 1660186800, 2022, 8, 11},
        {"2022-08-11T09:30:00+0630", 1660186800, 2022, 8, 11},
        {"2022-08-11T01:00:00+06:30", 1660156200, 2022, 8, 10},
        {"Wed, 10 Aug 2022 23:30:00 -0430", 1660190400, 2022, 8, 11},
        {"Thu, 11 Aug 2022 09:30:00 GMT", 1660210200, 2022, 8, 11},
        {"Thu, 11 Aug 2022 09:30:00 EDT", 1660224600, 2022, 8, 11},
        {"Thu, 11 Aug 2022 09:30:00 PST", 1660239000, 2022, 8, 11},
        {"26-FEB-1987 15:01:01.79", 541350061, 1987, 2, 26},
        {"20170701 12:00:00", 1498910400, 2017, 7, 1},
        {"20170701T120000Z", 1498910400, 2017, 7, 1},
        {"March 4, 2025 3:45 pm", 1741103100, 2025, 3, 4},
        {"March 4, 2025 12:05 pm", 1741089900, 2025, 3, 4},
        {"March 4, 2025 12:05 a.m.", 1741046700, 2025, 3, 4},
        {"Thu, 11 Aug 2022 09:30:00 CST", 1660231800, 2022, 8, 11},  // RFC 2822: US Central
        {"2022-09", 1661990400, 2022, 9, 1},
        {"2022", 1640995200, 2022, 1, 1},
        {"2000-02-29", 951782400, 2000, 2, 29},
        {"1800-01-01", -5364662400, 1800, 1, 1},
    };
    for (const TimedCase& row : rows) {
        INFO("input: \"" << row.text << "\"");
        const std::optional<ParsedDate> parsed = parse_date(row.text);
        REQUIRE(parsed.has_value());
        CHECK(parsed->utc_seconds == row.utc_seconds);
        CHECK(parsed->year == row.year);
        CHECK(parsed->month == row.month);
        CHECK(parsed->day == row.day);
    }
}

TEST_CASE("date parser rejects impossible, ambiguous, implausible and unknown dates", "[date]") {
    const std::vector<std::string_view> rows = {
        "",
        "   ",
        "abc",
        "2022-02-30",
        "0000-00-00",
        "2022-13-01",
        "2022-00-10",
        "2022-00",
        "2022-08-00",
        "1999-02-29",
        "1900-02-29",          // 1900 was not a leap year
        "32 March 2022",
        "April 31, 2022",
        "11/08/2022",          // 11 August or November 8: ambiguous
        "04/05/2022",
        "11 Aug 22",           // two-digit year
        "1799-12-31",
        "2101-01-01",
        "9999",
        "2022-08-11T24:00",
        "2022-08-11T09:60",
        "2022-08-11T09:30:61",
        "2022-08-11T09:30+15:00",
        "2022-08-11T09:30:00 XYZ",
        "2022-08-11Z",
        "2022-08-11 and then",
        "2022-08-11T",
        "2022.08",
        "Fri, 11 Aug 2022",    // the 11th was a Thursday
        "Thu, Aug 2022",
        "Wed.",
        "March",
        "May",
        "Feb2021",
        "In 2013",
        "7,000",
        "1660210200",          // epoch seconds are numbers in JSON, not date text
        "13 pm",
        "Feb 26, 13:00 pm",
        "2022-08-11 13:30 pm",  // a 12-hour clock only runs 1..12
        "2022-08-11 00:30 am",
    };
    for (const std::string_view text : rows) {
        INFO("input: \"" << text << "\"");
        CHECK_FALSE(parse_date(text, 2022).has_value());
    }
}

TEST_CASE("date parser gives index keys and inclusive period bounds", "[date]") {
    struct KeyCase {
        std::string_view text;
        std::string_view day;
        std::string_view month;
        std::string_view year;
        std::string_view display;
        std::string_view first;
        std::string_view last;
    };
    const std::vector<KeyCase> rows = {
        {"2022-08-11", "20220811", "2022-08", "2022", "2022-08-11", "20220811", "20220811"},
        {"2022-09", "20220901", "2022-09", "2022", "2022-09", "20220901", "20220930"},
        {"2024-02", "20240201", "2024-02", "2024", "2024-02", "20240201", "20240229"},
        {"2023-02", "20230201", "2023-02", "2023", "2023-02", "20230201", "20230228"},
        {"2022", "20220101", "2022-01", "2022", "2022", "20220101", "20221231"},
        {"Feb. 2021", "20210201", "2021-02", "2021", "2021-02", "20210201", "20210228"},
        {"1800-01-01", "18000101", "1800-01", "1800", "1800-01-01", "18000101", "18000101"},
    };
    for (const KeyCase& row : rows) {
        INFO("input: \"" << row.text << "\"");
        const std::optional<ParsedDate> parsed = parse_date(row.text);
        REQUIRE(parsed.has_value());
        CHECK(newsdex::day_key(*parsed) == row.day);
        CHECK(newsdex::month_key(*parsed) == row.month);
        CHECK(newsdex::year_key(*parsed) == row.year);
        CHECK(newsdex::display_date(*parsed) == row.display);
        CHECK(newsdex::period_first_day_key(*parsed) == row.first);
        CHECK(newsdex::period_last_day_key(*parsed) == row.last);
    }
}

TEST_CASE("date precision names are day, month and year", "[date]") {
    CHECK(newsdex::to_string(DatePrecision::day) == "day");
    CHECK(newsdex::to_string(DatePrecision::month) == "month");
    CHECK(newsdex::to_string(DatePrecision::year) == "year");
}

TEST_CASE("epoch seconds become day-precision dates within the plausible years", "[date]") {
    struct EpochCase {
        std::int64_t seconds;
        std::optional<std::string_view> display;  // empty: rejected
    };
    const std::vector<EpochCase> rows = {
        {0, "1970-01-01"},
        {-1, "1969-12-31"},
        {1660210200, "2022-08-11"},
        {951782400, "2000-02-29"},
        {-5364662400, "1800-01-01"},
        {-5364662401, std::nullopt},
        {4133980799, "2100-12-31"},
        {4133980800, std::nullopt},
        {1660210200000, std::nullopt},  // milliseconds, not seconds
    };
    for (const EpochCase& row : rows) {
        INFO("seconds: " << row.seconds);
        const std::optional<ParsedDate> parsed = newsdex::from_epoch_seconds(row.seconds);
        REQUIRE(parsed.has_value() == row.display.has_value());
        if (!parsed) continue;
        CHECK(newsdex::display_date(*parsed) == *row.display);
        CHECK(parsed->utc_seconds == row.seconds);
        CHECK(parsed->precision == DatePrecision::day);
    }
}

TEST_CASE("date parser agrees with a day-by-day walk over every plausible day", "[date]") {
    // Walks 1800-01-01 .. 2100-12-31 with its own calendar rules; each day must parse to the
    // same y/m/d, be exactly one day after the previous one, and survive the epoch round trip.
    const auto leap = [](int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; };
    const int lengths[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    std::int64_t expected_seconds = -5364662400;
    std::size_t failures = 0;
    for (int y = 1800; y <= 2100; ++y) {
        for (int m = 1; m <= 12; ++m) {
            const int last = lengths[m - 1] + (m == 2 && leap(y) ? 1 : 0);
            for (int d = 1; d <= last; ++d) {
                const std::string text = iso_date(y, m, d);
                const std::optional<ParsedDate> parsed = parse_date(text);
                const std::optional<ParsedDate> back = newsdex::from_epoch_seconds(expected_seconds + 86399);
                const bool ok = parsed && parsed->year == y && parsed->month == m && parsed->day == d &&
                                parsed->utc_seconds == expected_seconds && back && back->year == y &&
                                back->month == m && back->day == d;
                if (!ok && ++failures <= 5) FAIL_CHECK("day walk disagrees at " << text);
                expected_seconds += 86400;
            }
            const int past = lengths[m - 1] + (m == 2 && leap(y) ? 1 : 0) + 1;
            if (past <= 31) {
                const std::string text = iso_date(y, m, past);
                if (parse_date(text) && ++failures <= 5) FAIL_CHECK("accepted impossible " << text);
            }
        }
    }
    CHECK(failures == 0);
}
