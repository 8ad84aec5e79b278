// Issue 18: timelines by day, ISO week, month and year, with coarser dates apart and shares.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "searcher/facets/timeline.hpp"

using namespace newsdex;

TEST_CASE("period keys put a day in its day, ISO week, month and year", "[timeline]") {
    struct Row {
        const char* day;
        const char* week;
        const char* note;
    };
    const std::vector<Row> rows{
        {"20220811", "2022-W32", "a Thursday in August"},
        {"20210101", "2020-W53", "a Friday: its week's Thursday is in 2020, which has 53 weeks"},
        {"20210103", "2020-W53", "the Sunday that ends 2020-W53"},
        {"20210104", "2021-W01", "the Monday that starts 2021"},
        {"20241230", "2025-W01", "a Monday in December whose week's Thursday is in 2025"},
        {"20250101", "2025-W01", "the same week, in the new year"},
        {"20221231", "2022-W52", "a Saturday"},
        {"20200229", "2020-W09", "a leap day"},
        {"18000101", "1800-W01", "the first plausible year (a Wednesday)"},
    };
    for (const Row& row : rows) {
        INFO(row.day << ": " << row.note);
        CHECK(period_key(row.day, Period::week) == row.week);
    }
    CHECK(period_key("20220811", Period::day) == "2022-08-11");
    CHECK(period_key("20220811", Period::month) == "2022-08");
    CHECK(period_key("20220811", Period::year) == "2022");
    CHECK(period_key("2022081", Period::day).empty());
    CHECK(period_key("2022-8-1", Period::day).empty());
}

TEST_CASE("the period after a key crosses months, years and 53-week years", "[timeline]") {
    struct Row {
        Period period;
        const char* key;
        const char* next;
    };
    const std::vector<Row> rows{
        {Period::day, "2022-12-31", "2023-01-01"}, {Period::day, "2024-02-28", "2024-02-29"},
        {Period::day, "2023-02-28", "2023-03-01"}, {Period::week, "2020-W52", "2020-W53"},
        {Period::week, "2020-W53", "2021-W01"},    {Period::week, "2022-W52", "2023-W01"},
        {Period::week, "2022-W09", "2022-W10"},    {Period::month, "2022-12", "2023-01"},
        {Period::month, "2022-09", "2022-10"},     {Period::year, "2022", "2023"},
    };
    for (const Row& row : rows) {
        INFO(row.key);
        CHECK(next_period(row.key, row.period) == row.next);
    }
}

TEST_CASE("a timeline keeps coarser dates apart, fills empty periods and divides by the base", "[timeline]") {
    const DateCounts query{{"20221230d", 1}, {"20230102d", 2}, {"20230101m", 4}, {"20230101y", 8}, {"", 16}};
    const DateCounts other{{"20230109d", 3}};
    const DateCounts base{{"20221230d", 10}, {"20230102d", 4}, {"20230110d", 5}, {"20230101m", 8}, {"20230101y", 8},
                          {"", 20}};
    Timeline weeks = make_timeline({Period::week, {"q", "r"}, {query, other}, base, true});
    CHECK(weeks.period == "week");
    CHECK(weeks.share);
    CHECK(weeks.stories);
    // 2022-12-30 is in 2022-W52; 2023-01-02 opens 2023-W01; the base reaches 2023-W02.
    REQUIRE(weeks.rows.size() == 3);
    CHECK(weeks.rows[0].period == "2022-W52");
    CHECK(weeks.rows[0].counts == std::vector<std::size_t>{1, 0});
    CHECK(weeks.rows[0].base == 10);
    CHECK(weeks.rows[1].period == "2023-W01");
    CHECK(weeks.rows[1].counts == std::vector<std::size_t>{2, 0});
    CHECK(weeks.rows[2].period == "2023-W02");
    CHECK(weeks.rows[2].counts == std::vector<std::size_t>{0, 3});
    CHECK(weeks.rows[2].base == 5);
    REQUIRE(weeks.coarser.size() == 2);
    CHECK(weeks.coarser[0].precision == "month");
    REQUIRE(weeks.coarser[0].rows.size() == 1);
    CHECK(weeks.coarser[0].rows[0].period == "2023-01");
    CHECK(weeks.coarser[0].rows[0].counts == std::vector<std::size_t>{4, 0});
    CHECK(weeks.coarser[0].rows[0].base == 8);
    CHECK(weeks.coarser[1].precision == "year");
    CHECK(weeks.coarser[1].rows[0].period == "2023");
    CHECK(weeks.coarser[1].rows[0].counts == std::vector<std::size_t>{8, 0});
    CHECK(weeks.unknown.counts == std::vector<std::size_t>{16, 0});
    CHECK(weeks.unknown.base == 20);

    // By month, a month-only date has its place; by year, every dated article has.
    Timeline months = make_timeline({Period::month, {"q"}, {query}, std::nullopt, false});
    REQUIRE(months.rows.size() == 2);
    CHECK(months.rows[0].period == "2022-12");
    CHECK(months.rows[1].period == "2023-01");
    CHECK(months.rows[1].counts[0] == 6);
    CHECK_FALSE(months.rows[1].base.has_value());
    REQUIRE(months.coarser.size() == 1);
    CHECK(months.coarser[0].precision == "year");
    Timeline years = make_timeline({Period::year, {"q"}, {query}, std::nullopt, false});
    REQUIRE(years.rows.size() == 2);
    CHECK(years.rows[1].counts[0] == 14);
    CHECK(years.coarser.empty());
    CHECK(years.unknown.counts[0] == 16);
}

TEST_CASE("a timeline of nothing has no rows and a zero unknown row", "[timeline]") {
    Timeline empty = make_timeline({Period::day, {"q"}, {DateCounts{}}, DateCounts{}, false});
    CHECK(empty.rows.empty());
    CHECK(empty.unknown.counts == std::vector<std::size_t>{0});
    CHECK(empty.unknown.base == 0);
}

TEST_CASE("a timeline counts a date that is no calendar date as unknown, and labels days across a leap year",
          "[timeline]") {
    const DateCounts counts{{"20221301d", 1}, {"20220100d", 2}, {"2022011d", 4}, {"20240228d", 8}, {"20240301d", 16}};
    Timeline days = make_timeline({Period::day, {"q"}, {counts}, std::nullopt, false});
    CHECK(days.unknown.counts[0] == 7);
    REQUIRE(days.rows.size() == 3);
    CHECK(days.rows[0].period == "2024-02-28");
    CHECK(days.rows[1].period == "2024-02-29");
    CHECK(days.rows[1].counts[0] == 0);
    CHECK(days.rows[2].period == "2024-03-01");
    CHECK(days.rows[2].counts[0] == 16);
    Timeline weeks = make_timeline({Period::week, {"q"}, {DateCounts{{"20201231d", 1}, {"20210111d", 2}}}, std::nullopt, false});
    REQUIRE(weeks.rows.size() == 3);
    CHECK(weeks.rows[0].period == "2020-W53");
    CHECK(weeks.rows[1].period == "2021-W01");
    CHECK(weeks.rows[2].period == "2021-W02");
    CHECK(weeks.rows[2].counts[0] == 2);
}
