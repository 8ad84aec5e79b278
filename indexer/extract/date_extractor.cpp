#include "indexer/extract/date_extractor.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <utility>

namespace newsdex {

namespace {

// Datelines sit in the first lines of a story; scraped pages may put a repeated headline and a
// "Source:" line before them, hence four paragraphs rather than one.
constexpr std::size_t paragraphs_to_scan = 4;
// Only lines that start within the first bytes of a paragraph are examined. Each check reads
// whole lines (a cut could turn "March 14, 2025" into "March 1"), bounded by its own limit.
constexpr std::size_t head_length = 150;
// "WASHINGTON, March 4, 2025 (Reuters)" is about 35 bytes; a sentence before a dash is longer.
constexpr std::size_t max_dateline_length = 80;
constexpr std::size_t max_place_length = 40;
constexpr std::size_t max_place_words = 5;
constexpr std::size_t max_agency_length = 30;
// Bounds the text after a "Published on" cue that is tried as a date.
constexpr std::size_t max_cue_date_length = 64;
// A paragraph that is nothing but a date ("4 March 2025") is a date line.
constexpr std::size_t max_date_line_length = 40;
constexpr std::size_t max_quoted_length = 60;

constexpr bool is_ascii_alnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_non_ascii(char c) { return static_cast<unsigned char>(c) >= 0x80; }
constexpr char to_lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_icase(std::string_view text, std::string_view lower_prefix) {
    if (text.size() < lower_prefix.size()) return false;
    for (std::size_t i = 0; i < lower_prefix.size(); ++i) {
        if (to_lower(text[i]) != lower_prefix[i]) return false;
    }
    return true;
}

std::string_view trim(std::string_view s) {
    constexpr std::string_view nbsp = "\xC2\xA0";
    for (;;) {
        if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) {
            s.remove_prefix(1);
        } else if (s.starts_with(nbsp)) {
            s.remove_prefix(nbsp.size());
        } else {
            break;
        }
    }
    for (;;) {
        if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
            s.remove_suffix(1);
        } else if (s.ends_with(nbsp)) {
            s.remove_suffix(nbsp.size());
        } else {
            break;
        }
    }
    return s;
}

// Cuts `s` to at most `limit` bytes without splitting a UTF-8 sequence.
std::string_view cut_utf8(std::string_view s, std::size_t limit) {
    if (s.size() <= limit) return s;
    std::size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    return s.substr(0, end);
}

std::optional<ParsedDate> day_only(std::optional<ParsedDate> date) {
    if (date && date->precision == DatePrecision::day) return date;
    return std::nullopt;
}

// The longest prefix of `text` that is a whole date ending before a non-alphanumeric byte:
// "March 4, 2025 by Jane Doe" gives March 4, 2025. Month precision only when `allow_month`.
std::optional<ParsedDate> leading_date(std::string_view text, std::optional<int> reference_year, bool allow_month) {
    for (std::size_t end = std::min(text.size(), max_cue_date_length); end > 0; --end) {
        if (end < text.size() && (is_ascii_alnum(text[end]) || text[end - 1] == ' ')) continue;
        const std::optional<ParsedDate> date = parse_date(text.substr(0, end), reference_year);
        if (!date) continue;
        if (date->precision == DatePrecision::day || (allow_month && date->precision == DatePrecision::month)) {
            return date;
        }
    }
    return std::nullopt;
}

// If `text` starts with a publication cue ("Published on", "Updated:", "Posted on", ...),
// returns what follows it.
std::optional<std::string_view> after_publication_cue(std::string_view text) {
    // Longest first, so that "published on" wins over "published".
    static constexpr std::array<std::string_view, 21> cues = {
        "originally published on", "originally published:", "first published on", "first published:",
        "last updated on",         "last updated:",         "published on",       "published:",
        "updated on",              "updated:",              "posted on",          "posted:",
        "originally published",    "first published",       "last updated",       "published",
        "updated",                 "posted",                "date:",              "dated:",
        "dated",
    };
    for (const std::string_view cue : cues) {
        if (!starts_with_icase(text, cue)) continue;
        const std::string_view rest = text.substr(cue.size());
        if (cue.back() != ':' && !rest.empty() && rest.front() != ' ' && rest.front() != '\xC2') continue;
        return trim(rest);
    }
    return std::nullopt;
}

// A dateline place: a few capitalised words ("BRUSSELS", "New York", "NAYPYITAW, Myanmar"),
// no digits.
bool looks_like_place(std::string_view text) {
    static constexpr std::array<std::string_view, 12> connectives = {
        "de", "da", "do", "del", "la", "le", "of", "upon", "am", "an", "el", "al",
    };
    if (text.empty() || text.size() > max_place_length) return false;
    std::size_t words = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = start;
        while (end < text.size() && text[end] != ' ' && text[end] != ',') ++end;
        const std::string_view word = text.substr(start, end - start);
        if (!word.empty()) {
            ++words;
            bool is_connective = false;
            for (const std::string_view c : connectives) is_connective = is_connective || word == c;
            if (!is_connective && !is_upper(word.front()) && !is_non_ascii(word.front())) return false;
            for (const char c : word) {
                if (!(is_upper(c) || is_lower(c) || is_non_ascii(c) || c == '.' || c == '\'' || c == '-')) return false;
            }
        }
        start = end + 1;
    }
    return words >= 1 && words <= max_place_words;
}

// Finds the first dash that closes a dateline: " - ", " -- ", or an en or em dash.
std::size_t dateline_dash(std::string_view head) {
    std::size_t best = std::string_view::npos;
    for (const std::string_view dash : {std::string_view(" - "), std::string_view(" -- "),
                                        std::string_view("\xE2\x80\x93"), std::string_view("\xE2\x80\x94")}) {
        best = std::min(best, head.find(dash));
    }
    return best;
}

// A wire dateline before a dash: "SALVADOR, Feb 26 -", "WASHINGTON, March 4, 2025 (Reuters) -",
// "AUGUST 11TH, BRUSSELS (IPS) –", "March 4, 2025 –".
std::optional<ParsedDate> wire_dateline(std::string_view head, std::optional<int> reference_year) {
    const std::size_t dash = dateline_dash(head);
    if (dash == std::string_view::npos || dash > max_dateline_length) return std::nullopt;
    std::string_view candidate = trim(head.substr(0, dash));
    if (candidate.ends_with(')')) {
        const std::size_t open = candidate.rfind('(');
        if (open == std::string_view::npos) return std::nullopt;
        const std::string_view agency = candidate.substr(open + 1, candidate.size() - open - 2);
        if (agency.empty() || agency.size() > max_agency_length) return std::nullopt;
        for (const char c : agency) {
            if (c >= '0' && c <= '9') return std::nullopt;
        }
        candidate = trim(candidate.substr(0, open));
    }
    if (candidate.ends_with(',')) candidate = trim(candidate.substr(0, candidate.size() - 1));
    if (candidate.empty()) return std::nullopt;

    // Date first, optionally followed by ", PLACE"; longest date first so a year is not lost.
    for (std::size_t end = candidate.size(); end != std::string_view::npos && end > 0;
         end = candidate.rfind(',', end - 1)) {
        const std::string_view rest = end < candidate.size() ? trim(candidate.substr(end + 1)) : std::string_view();
        if (!rest.empty() && !looks_like_place(rest)) continue;
        if (const auto date = day_only(parse_date(trim(candidate.substr(0, end)), reference_year))) return date;
    }
    // "PLACE, date"; the place may itself hold a comma ("NAYPYITAW, Myanmar, Aug 3").
    for (std::size_t comma = candidate.find(','); comma != std::string_view::npos;
         comma = candidate.find(',', comma + 1)) {
        if (!looks_like_place(trim(candidate.substr(0, comma)))) continue;
        if (const auto date = day_only(parse_date(trim(candidate.substr(comma + 1)), reference_year))) return date;
    }
    return std::nullopt;
}

// Segments of a byline or page header split by "|", "•" or "·" ("By Jane Doe | 4 March 2025"),
// and for bylines also by dashes. A segment starting within head_length counts when it is a
// whole date or a cue line.
std::optional<ParsedDate> segmented_line(std::string_view head, std::optional<int> reference_year) {
    const bool byline = starts_with_icase(head, "by ");
    static constexpr std::array<std::string_view, 6> separators = {
        "|", "\xE2\x80\xA2", "\xC2\xB7", " - ", "\xE2\x80\x93", "\xE2\x80\x94",
    };
    const std::size_t usable = byline ? separators.size() : 3;
    bool split = false;
    std::size_t start = 0;
    while (start <= head.size() && start < head_length) {
        std::size_t end = head.size();
        std::size_t width = 0;
        for (std::size_t i = 0; i < usable; ++i) {
            const std::size_t at = head.find(separators[i], start);
            if (at < end) {
                end = at;
                width = separators[i].size();
            }
        }
        if (end == head.size() && !split) return std::nullopt;  // not a segmented line
        split = true;
        const std::string_view segment = trim(head.substr(start, end - start));
        if (const auto rest = after_publication_cue(segment)) {
            if (const auto date = leading_date(*rest, reference_year, true)) return date;
        } else if (segment.size() <= max_date_line_length) {
            if (const auto date = day_only(parse_date(segment, reference_year))) return date;
        }
        if (end == head.size()) break;
        start = end + width;
    }
    return std::nullopt;
}

// Looks for a date in one line near the start of the text.
std::optional<ParsedDate> date_from_line(std::string_view line, std::optional<int> reference_year) {
    if (line.empty()) return std::nullopt;
    if (const auto rest = after_publication_cue(line)) return leading_date(*rest, reference_year, true);
    if (const auto date = segmented_line(line, reference_year)) return date;
    if (const auto date = wire_dateline(line, reference_year)) return date;
    if (line.size() <= max_date_line_length) return day_only(parse_date(line, reference_year));
    return std::nullopt;
}

// Looks for a date in the first paragraphs. Only day precision, except "Month YYYY" after a
// publication cue.
std::optional<ParsedDate> date_from_text(const Article& article, std::optional<int> reference_year) {
    std::size_t seen = 0;
    for (const std::string& paragraph : article.paragraphs) {
        const std::string_view text = trim(paragraph);
        if (text.empty()) continue;
        if (++seen > paragraphs_to_scan) break;
        for (std::size_t start = 0; start < std::min(text.size(), head_length);) {
            const std::size_t end = std::min(text.find('\n', start), text.size());
            if (const auto date = date_from_line(trim(text.substr(start, end - start)), reference_year)) return date;
            start = end + 1;
        }
    }
    return std::nullopt;
}

// The metadata text as it goes into a one-line warning: shortened, control characters blanked.
std::string quoted(std::string_view text) {
    const std::string_view shown = cut_utf8(text, max_quoted_length);
    std::string out = "\"";
    for (const char c : shown) out += (static_cast<unsigned char>(c) < 0x20) ? ' ' : c;
    if (shown.size() < text.size()) out += "...";
    out += '"';
    return out;
}

bool within_period(const ParsedDate& day, const ParsedDate& period) {
    if (day.year != period.year) return false;
    return period.precision == DatePrecision::year || day.month == period.month;
}

void add_warning(DateFinding& finding, std::string message) {
    if (finding.warning) {
        *finding.warning += "; ";
        *finding.warning += message;
    } else {
        finding.warning = std::move(message);
    }
}

}  // namespace

std::string_view to_string(DateFinding::Origin origin) noexcept {
    switch (origin) {
        case DateFinding::Origin::metadata: return "metadata";
        case DateFinding::Origin::text: return "text";
        case DateFinding::Origin::none: return "none";
    }
    return "none";
}

DateFinding extract_date(const Article& article) {
    DateFinding finding;
    std::optional<ParsedDate> metadata;

    if (article.date_epoch) {
        metadata = from_epoch_seconds(*article.date_epoch);
        if (!metadata) {
            add_warning(finding, "implausible date epoch " + std::to_string(*article.date_epoch) +
                                     " (expected Unix seconds within the years " +
                                     std::to_string(min_plausible_year) + ".." +
                                     std::to_string(max_plausible_year) + ")");
        }
    }
    const std::string_view date_text = trim(article.date_text);
    if (!metadata && !date_text.empty()) {
        metadata = parse_date(date_text, article.reference_year);
        if (!metadata) {
            // 2000 is a leap year, so a stand-in year accepts every possible month and day.
            const bool lacks_year = !article.reference_year && parse_date(date_text, 2000).has_value();
            add_warning(finding, lacks_year ? "date " + quoted(date_text) + " has no year and no reference year is known"
                                            : "unknown or impossible date " + quoted(date_text));
        }
    }

    if (metadata) {
        if (metadata->precision != DatePrecision::day) {
            const auto refined = date_from_text(article, metadata->year);
            if (refined && refined->precision == DatePrecision::day && within_period(*refined, *metadata)) {
                finding.date = refined;
                finding.origin = DateFinding::Origin::text;
                return finding;
            }
        }
        finding.date = metadata;
        finding.origin = DateFinding::Origin::metadata;
        return finding;
    }

    if (const auto found = date_from_text(article, article.reference_year)) {
        finding.date = found;
        finding.origin = DateFinding::Origin::text;
    }
    return finding;
}

}  // namespace newsdex
