#include "indexer/clean/boilerplate_filter.hpp"

#include "common/article.hpp"
#include "common/unicode_text.hpp"
#include "indexer/clean/repeated_paragraphs.hpp"
#include "indexer/clean/source_boilerplate.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>

namespace newsdex {

namespace {

std::vector<std::string_view> split_words(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find(' ', start), text.size());
        if (end > start) words.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

constexpr std::array<std::string_view, 9> title_separators = {
    " \u2014 ", " \u2013 ", " - ", " | ", " \u00B7 ", " \u2022 ", " :: ", " \u2015 ", " \u2012 ",
};

/// Words that name outlets; a capitalised headline suffix containing one is a site name.
constexpr std::array<std::string_view, 27> outlet_words = {
    "news",    "times",     "post",   "herald", "tribune", "journal", "gazette",   "telegraph", "guardian",
    "chronicle", "express", "mirror", "daily",  "press",   "wire",    "online",    "magazine",  "radio",
    "reuters", "afp",       "bbc",    "cnn",    "bloomberg", "xinhua", "tass",     "jazeera",   "insider",
};

constexpr std::array<std::string_view, 14> small_words = {
    "of", "the", "and", "on", "in", "for", "de", "la", "le", "el", "al", "du", "&", "at",
};

bool is_domain_name(std::string_view word) {
    const std::size_t dot = word.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return false;
    const std::string_view top = word.substr(dot + 1);
    if (top.size() < 2 || top.size() > 6) return false;
    if (!std::all_of(top.begin(), top.end(), [](char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; })) {
        return false;
    }
    return std::all_of(word.begin(), word.end(), [](char c) {
        return c == '.' || c == '-' || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    });
}

/// True when the segment, without spaces and punctuation, is a label of the URL's host name
/// ("AUN News" and "aunnews.com", "CNN" and "edition.cnn.com").
bool matches_host(std::string_view segment, std::string_view url) {
    const std::string host = url_host(url);
    if (host.empty()) return false;
    std::string squeezed;
    for (const char c : paragraph_key(segment)) {
        if (c != ' ') squeezed.push_back(c);
    }
    if (squeezed.empty()) return false;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = host.find('.', start);
        if (dot == std::string::npos) return false;  // the last label is the top-level domain
        std::string label;
        for (const char c : host.substr(start, dot - start)) {
            if (c != '-') label.push_back(c);
        }
        if (label == squeezed) return true;
        start = dot + 1;
    }
}

/// The position of `index` among the kept paragraphs, how many are kept, and the size of the
/// kept text before and after it.
struct KeptPosition {
    std::size_t position = 0;
    std::size_t kept = 0;
    std::size_t bytes_before = 0;
    std::size_t bytes_after = 0;
};

KeptPosition kept_position(const std::vector<CleanParagraph>& paragraphs, std::size_t index) {
    KeptPosition result;
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        if (!paragraphs[i].kept() && i != index) continue;
        if (i < index) {
            ++result.position;
            result.bytes_before += paragraphs[i].text.size();
        } else if (i > index) {
            result.bytes_after += paragraphs[i].text.size();
        }
        ++result.kept;
    }
    return result;
}

/// The indices of the kept paragraphs among the first (or last) `count` kept ones.
std::vector<std::size_t> edge_indices(const std::vector<CleanParagraph>& paragraphs, std::size_t count, bool from_end) {
    std::vector<std::size_t> indices;
    for (std::size_t step = 0; step < paragraphs.size() && indices.size() < count; ++step) {
        const std::size_t i = from_end ? paragraphs.size() - 1 - step : step;
        if (paragraphs[i].kept()) indices.push_back(i);
    }
    return indices;
}

bool has_letter_or_digit(std::string_view text) {
    const bool ascii_word_character = std::any_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    });
    return ascii_word_character || (!is_ascii(text) && !paragraph_key(text).empty());
}

}  // namespace

std::string url_host(std::string_view url) {
    const std::size_t scheme = url.find("://");
    if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
    url = url.substr(0, url.find_first_of("/?#:"));
    const std::size_t credentials = url.find('@');
    if (credentials != std::string_view::npos) url.remove_prefix(credentials + 1);
    std::string host = fold_case(url);
    if (host.rfind("www.", 0) == 0) host.erase(0, 4);
    return host;
}

std::optional<TitleSuffix> split_title_suffix(std::string_view title) {
    title = trim_ascii_space(title);
    std::size_t best = std::string_view::npos;
    std::string_view separator;
    for (const std::string_view candidate : title_separators) {
        const std::size_t at = title.rfind(candidate);
        if (at != std::string_view::npos && (best == std::string_view::npos || at > best)) {
            best = at;
            separator = candidate;
        }
    }
    if (best == std::string_view::npos) return std::nullopt;
    const std::string_view head = trim_ascii_space(title.substr(0, best));
    const std::string_view segment = trim_ascii_space(title.substr(best + separator.size()));
    const std::size_t segment_words = split_words(segment).size();
    if (segment_words == 0 || segment_words > 5 || code_point_count(segment) > 40) return std::nullopt;
    if (split_words(head).size() < 2) return std::nullopt;
    return TitleSuffix{std::string(head), std::string(separator), std::string(segment)};
}

bool looks_like_outlet_name(std::string_view segment) {
    const std::string matching = matching_form(trim_ascii_space(segment));
    const std::vector<std::string_view> words = split_words(matching);
    if (words.empty()) return false;
    if (words.size() == 1 && is_domain_name(words.front())) return true;
    for (const std::string_view word : words) {
        const std::string lower = fold_case(word);
        if (std::find(small_words.begin(), small_words.end(), lower) != small_words.end()) continue;
        const UChar32 first = first_code_point(word);
        if (!u_isupper(first) && !u_istitle(first) && !u_isdigit(first)) return false;
    }
    const std::string key = paragraph_key(matching);  // outlives the views split_words returns
    for (const std::string_view word : split_words(key)) {
        if (std::find(outlet_words.begin(), outlet_words.end(), word) != outlet_words.end()) return true;
    }
    return false;
}

BoilerplateFilter::BoilerplateFilter(const BoilerplateRules& rules, const SourceBoilerplate* learned) noexcept
    : m_rules(rules), m_learned(learned) {}

std::vector<Removal> BoilerplateFilter::apply(Article& article, std::vector<CleanParagraph>& paragraphs) const {
    std::vector<Removal> removals;
    const std::string original_title = article.title;
    remove_source_lines(paragraphs, article.source);
    if (auto site = strip_site_name(article)) removals.push_back(std::move(*site));
    remove_headline_repeats(article.title, original_title, paragraphs);
    apply_rules(paragraphs);
    return removals;
}

void BoilerplateFilter::remove_source_lines(std::vector<CleanParagraph>& paragraphs, std::string& source) const {
    for (const bool from_end : {false, true}) {
        for (const std::size_t i : edge_indices(paragraphs, edge_paragraphs, from_end)) {
            CleanParagraph& paragraph = paragraphs[i];
            if (!paragraph.kept()) continue;
            const std::string_view matching = paragraph.matching;
            std::size_t at = 0;
            while (at < matching.size() && matching[at] == ' ') ++at;
            if (matching.size() < at + 6 || fold_case(matching.substr(at, 6)) != "source") continue;
            at += 6;
            while (at < matching.size() && matching[at] == ' ') ++at;
            if (at >= matching.size() || matching[at] != ':') continue;
            // The value, from the stored text so the source keeps its original characters.
            const std::size_t colon = paragraph.text.find(':');
            if (colon == std::string::npos) continue;  // a full-width colon, say: leave it alone
            std::string_view value = trim_ascii_space(std::string_view(paragraph.text).substr(colon + 1));
            while (!value.empty() && (value.back() == '.' || value.back() == ';')) value.remove_suffix(1);
            value = trim_ascii_space(value);
            if (value.empty() || split_words(value).size() > 8 || code_point_count(value) > 80) continue;
            if (source.empty()) source = std::string(value);
            paragraph.removal = Removal{paragraph.text, RemovalReason::source_line,
                                        std::string("\"Source:\" line near the ") + (from_end ? "end" : "start")};
        }
    }
}

std::optional<Removal> BoilerplateFilter::strip_site_name(Article& article) const {
    const auto suffix = split_title_suffix(article.title);
    if (!suffix) return std::nullopt;
    const std::string segment_key = paragraph_key(suffix->segment);
    std::string why;
    if (!article.source.empty() && segment_key == paragraph_key(article.source)) {
        why = "equals the source";
    } else if (matches_host(suffix->segment, article.url)) {
        why = "matches the URL's host";
    } else if (const auto count = m_learned ? m_learned->title_suffix_recurrence(article, suffix->segment) : std::nullopt) {
        why = "ends " + std::to_string(*count) + " headlines of the same site";
    } else if (looks_like_outlet_name(suffix->segment)) {
        why = "looks like an outlet name";
    } else {
        return std::nullopt;
    }
    article.title = suffix->head;
    if (article.source.empty()) article.source = suffix->segment;
    return Removal{suffix->segment, RemovalReason::title, "site name after the headline (" + why + ")"};
}

void BoilerplateFilter::remove_headline_repeats(std::string_view title, std::string_view original_title,
                                                std::vector<CleanParagraph>& paragraphs) const {
    const std::string title_key = paragraph_key(title);
    const std::string original_key = paragraph_key(original_title);
    if (title_key.empty() && original_key.empty()) return;
    // A paragraph over three times as long as both headlines could only share their key if two
    // thirds of it were punctuation and spaces: skip computing its key.
    const std::size_t longest = std::max(title.size(), original_title.size());
    for (const std::size_t i : edge_indices(paragraphs, edge_paragraphs, false)) {
        if (paragraphs[i].matching.size() > 3 * longest + 16) continue;
        const std::string key = paragraph_key(paragraphs[i].matching);
        if (key.empty() || (key != title_key && key != original_key)) continue;
        paragraphs[i].removal = Removal{paragraphs[i].text, RemovalReason::title, "repeats the headline"};
    }
}

bool BoilerplateFilter::is_near_end(const std::vector<CleanParagraph>& paragraphs, std::size_t index) {
    const KeptPosition where = kept_position(paragraphs, index);
    if (where.position == 0) return false;
    return 3 * where.position >= 2 * where.kept || where.bytes_before >= 2 * where.bytes_after;
}

void BoilerplateFilter::apply_rules(std::vector<CleanParagraph>& paragraphs) const {
    std::vector<std::optional<RuleMatch>> matches(paragraphs.size());
    std::optional<std::size_t> cut;
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        if (!paragraphs[i].kept()) continue;
        matches[i] = m_rules.match(paragraphs[i].matching);
        if (!cut && matches[i] && matches[i]->action == RuleAction::tail && is_near_end(paragraphs, i)) cut = i;
    }
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        CleanParagraph& paragraph = paragraphs[i];
        if (!paragraph.kept()) continue;
        if (cut && i == *cut) {
            paragraph.removal = Removal{paragraph.text, RemovalReason::tail, matches[i]->rule};
        } else if (cut && i > *cut) {
            paragraph.removal = Removal{paragraph.text, RemovalReason::tail,
                                        "after the marker in paragraph " + std::to_string(*cut + 1) + " (" +
                                            matches[*cut]->rule + ")"};
        } else if (matches[i]) {
            std::string rule = matches[i]->rule;
            if (matches[i]->action == RuleAction::tail) rule += " (not near the end: dropped alone)";
            paragraph.removal = Removal{paragraph.text, RemovalReason::boilerplate, std::move(rule)};
        } else if (!has_letter_or_digit(paragraph.matching)) {
            paragraph.removal = Removal{paragraph.text, RemovalReason::boilerplate, "no letter or digit"};
        }
    }
}

}  // namespace newsdex
