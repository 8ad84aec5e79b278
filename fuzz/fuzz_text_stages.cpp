// Fuzz targets for the stages that read article text: cleaning, dates and actors.
#include <cstring>
#include <string>
#include <string_view>

#include "common/date_parser.hpp"
#include "common/utf8.hpp"
#include "fuzz/fuzz_targets.hpp"
#include "indexer/extract/actors.hpp"
#include "indexer/clean/cleaner.hpp"

namespace newsdex::fuzz {
namespace {

// An article as the readers hand it on: valid UTF-8, the first line the headline, every
// further line a paragraph (so that line structure, blank lines and all reach the stages).
Article article_from(const std::uint8_t* data, std::size_t size) {
    const std::string text = repair_utf8(std::string_view(reinterpret_cast<const char*>(data), size)).text;
    Article article;
    article.origin = {"fuzz.txt", 0};
    std::size_t start = 0;
    bool first = true;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        if (first) {
            article.title = std::move(line);
            first = false;
        } else {
            article.paragraphs.push_back(std::move(line));
        }
        start = end + 1;
    }
    return article;
}

}  // namespace

int cleaner(const std::uint8_t* data, std::size_t size) {
    static const Cleaner cleaner(BoilerplateRules::load_builtin());
    Article article = article_from(data, size);
    const std::size_t before = article.paragraphs.size();
    std::vector<Removal> removals = cleaner.clean(article);
    require(is_valid_utf8(article.title), "cleaned title is valid UTF-8");
    for (const auto& paragraph : article.paragraphs) {
        require(!paragraph.empty(), "no empty paragraph survives cleaning");
        require(is_valid_utf8(paragraph), "cleaned paragraph is valid UTF-8");
    }
    for (const auto& removal : removals) require(is_valid_utf8(removal.text), "removed text is valid UTF-8");
    // Cleaning may split a paragraph at line breaks, but the input has none inside paragraphs.
    require(article.paragraphs.size() <= before, "cleaning never adds paragraphs");
    return 0;
}

int date_parser(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto check = [](const std::optional<ParsedDate>& date) {
        if (!date) return;
        require(date->year >= min_plausible_year && date->year <= max_plausible_year, "year in the plausible window");
        require(date->month >= 1 && date->month <= 12, "month in 1..12");
        require(date->day >= 1 && date->day <= 31, "day in 1..31");
        require(day_key(*date).size() == 8, "day key is YYYYMMDD");
        require(month_key(*date).size() == 7, "month key is YYYY-MM");
        require(period_first_day_key(*date) <= period_last_day_key(*date), "a period starts before it ends");
        (void)display_date(*date);
        // The day key of the instant must be the calendar date the parser reports.
        auto again = from_epoch_seconds(date->utc_seconds);
        require(again.has_value(), "a parsed instant converts back");
        if (date->precision == DatePrecision::day) require(day_key(*again) == day_key(*date), "instant matches date");
    };
    check(parse_date(text));
    check(parse_date(text, 2020));
    if (size >= 8) {
        std::int64_t seconds = 0;
        std::memcpy(&seconds, data, sizeof seconds);
        check(from_epoch_seconds(seconds));
    }
    return 0;
}

int actor_extractor(const std::uint8_t* data, std::size_t size) {
    static const Gazetteer gazetteer = Gazetteer::load_builtin();
    static const EntityRecognizer recognizer = EntityRecognizer::load_builtin();
    const Article article = article_from(data, size);
    for (const Actor& actor : extract_actors(article, recognizer, gazetteer)) {
        require(!actor.name.empty(), "an actor has a name");
        require(is_valid_utf8(actor.name), "an actor's name is valid UTF-8");
        for (const auto& mention : actor.mentions) require(is_valid_utf8(mention), "a mention is valid UTF-8");
    }
    return 0;
}

}  // namespace newsdex::fuzz
