#include "indexer/clean/boilerplate_rules.hpp"

#include "common/data_dir.hpp"

#include "common/unicode_text.hpp"

#include <unicode/parseerr.h>
#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <bitset>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace newsdex {

struct BoilerplateRules::RegexRule {
    std::shared_ptr<const icu::RegexPattern> pattern;
    std::size_t rule_index = 0;
    RuleAction action = RuleAction::drop;
    /// The ASCII characters a matching key can start with; keys starting with any other ASCII
    /// character skip this expression (most rules start with a word, so most keys skip most).
    std::bitset<128> first_characters;
};

namespace {

/// Characters stripped from both ends of a key: Unicode punctuation, ASCII symbols other than
/// '$', arrows and geometric shapes (the "»", "→", "▶" that decorate links and buttons).
bool is_edge_junk(UChar32 c) noexcept {
    if (c < 0x80) {
        return c != '$' && ((c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) ||
                            (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E));
    }
    return u_ispunct(c) || (c >= 0x2190 && c <= 0x21FF) || (c >= 0x25A0 && c <= 0x25FF);
}

bool is_space_byte(char c) noexcept { return c == ' ' || (c >= 0x09 && c <= 0x0D); }

/// True when the key has a word boundary at byte `at` (its start, its end, or a non-alphanumeric
/// ASCII byte there or just before). Non-ASCII bytes count as word characters.
bool boundary_at(std::string_view key, std::size_t at) noexcept {
    const auto word_byte = [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b >= 0x80 || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    };
    if (at == 0 || at >= key.size()) return true;
    return !word_byte(key[at - 1]) || !word_byte(key[at]);
}

std::string_view trim(std::string_view text) noexcept {
    while (!text.empty() && is_space_byte(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space_byte(text.back())) text.remove_suffix(1);
    return text;
}

/// The state a worker thread keeps so that a regular expression costs one reset() per paragraph
/// instead of building a matcher each time (building one costs about as much as 2 matches).
/// The cache holds the list it was built for, so that list (and its address) stays alive.
struct MatcherCache {
    std::shared_ptr<const void> list;
    std::vector<std::unique_ptr<icu::RegexMatcher>> matchers;
};

MatcherCache& matcher_cache() {
    thread_local MatcherCache cache;
    return cache;
}

/// Which ASCII characters can start a match of `pattern`: a one-character input either matches,
/// or the matcher ran off its end wanting more (hitEnd), or that character rules a match out.
std::bitset<128> possible_first_characters(const icu::RegexPattern& pattern) {
    std::bitset<128> possible;
    UErrorCode status = U_ZERO_ERROR;
    const std::unique_ptr<icu::RegexMatcher> matcher(pattern.matcher(status));
    if (U_FAILURE(status) || !matcher) return possible.set();
    for (char16_t c = 0; c < 128; ++c) {
        const icu::UnicodeString input(c);
        matcher->reset(input);
        status = U_ZERO_ERROR;
        const bool matched = matcher->matches(status);
        if (U_FAILURE(status) || matched || matcher->hitEnd()) possible.set(c);
    }
    return possible;
}

}  // namespace

std::string rule_key(std::string_view text) {
    const std::string folded = fold_case(matching_form(text));
    std::string key;
    key.reserve(folded.size());
    bool pending_space = false;
    for (const char c : folded) {
        if (is_space_byte(c)) {
            pending_space = !key.empty();
            continue;
        }
        if (pending_space) key.push_back(' ');
        pending_space = false;
        key.push_back(c);
    }
    // Strip punctuation (and any space it leaves) from both ends, one code point at a time.
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(key.data());
    auto begin = std::int32_t{0};
    auto end = static_cast<std::int32_t>(key.size());
    while (begin < end) {
        std::int32_t next = begin;
        UChar32 c = 0;
        U8_NEXT(bytes, next, end, c);
        if (c != ' ' && !is_edge_junk(c)) break;
        begin = next;
    }
    while (end > begin) {
        std::int32_t previous = end;
        UChar32 c = 0;
        U8_PREV(bytes, begin, previous, c);
        if (c != ' ' && !is_edge_junk(c)) break;
        end = previous;
    }
    return key.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin));
}

std::filesystem::path BoilerplateRules::builtin_path() { return data_path("indexer/clean/boilerplate.rules"); }

BoilerplateRules BoilerplateRules::load_builtin() {
    BoilerplateRules rules;
    rules.add_file(builtin_path());
    return rules;
}

void BoilerplateRules::add_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path.string() + ": cannot read boilerplate rules");
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) throw std::runtime_error(path.string() + ": cannot read boilerplate rules");
    add_text(content.str(), path.string());
}

void BoilerplateRules::add_text(std::string_view text, std::string_view origin) {
    // Parse into a copy so that a malformed rule leaves this set unchanged.
    BoilerplateRules updated = *this;
    auto regexes = m_regexes ? std::make_shared<RegexList>(*m_regexes) : std::make_shared<RegexList>();
    const std::string display_name = std::filesystem::path(origin).filename().string();

    std::size_t line_number = 0;
    while (!text.empty()) {
        const std::size_t newline = text.find('\n');
        const std::string_view line = trim(text.substr(0, newline));
        text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
        ++line_number;
        if (line.empty() || line.front() == '#') continue;

        const auto fail = [&](const std::string& what) {
            throw std::runtime_error(std::string(origin) + ":" + std::to_string(line_number) + ": " + what);
        };
        std::size_t kind_end = 0;
        while (kind_end < line.size() && !is_space_byte(line[kind_end])) ++kind_end;
        const std::string_view kind_name = line.substr(0, kind_end);
        const std::string_view pattern = trim(line.substr(kind_end));

        Kind kind{};
        if (kind_name == "drop") kind = Kind::drop;
        else if (kind_name == "drop-prefix") kind = Kind::drop_prefix;
        else if (kind_name == "drop-contains") kind = Kind::drop_contains;
        else if (kind_name == "drop-re") kind = Kind::drop_re;
        else if (kind_name == "tail") kind = Kind::tail;
        else if (kind_name == "tail-re") kind = Kind::tail_re;
        else {
            fail("unknown rule kind '" + std::string(kind_name) +
                 "' (expected drop, drop-prefix, drop-contains, drop-re, tail or tail-re)");
        }
        if (pattern.empty()) fail("rule '" + std::string(kind_name) + "' has no pattern");

        Rule rule{kind, {}, display_name + ":" + std::to_string(line_number) + ": " + std::string(line)};
        const std::size_t index = updated.m_rules.size();
        if (kind == Kind::drop_re || kind == Kind::tail_re) {
            rule.key = std::string(pattern);
            UErrorCode status = U_ZERO_ERROR;
            UParseError where{};
            std::shared_ptr<const icu::RegexPattern> compiled(icu::RegexPattern::compile(
                icu::UnicodeString::fromUTF8(icu::StringPiece(pattern.data(), static_cast<std::int32_t>(pattern.size()))),
                UREGEX_CASE_INSENSITIVE, where, status));
            if (U_FAILURE(status) || !compiled) {
                fail("invalid regular expression '" + std::string(pattern) + "': " + u_errorName(status) +
                     " at offset " + std::to_string(where.offset));
            }
            regexes->push_back({compiled, index, kind == Kind::tail_re ? RuleAction::tail : RuleAction::drop,
                                possible_first_characters(*compiled)});
        } else {
            rule.key = rule_key(pattern);
            if (rule.key.empty()) fail("pattern '" + std::string(pattern) + "' has no letters or digits");
            if (kind == Kind::drop || kind == Kind::tail) {
                const auto [existing, inserted] = updated.m_exact.emplace(rule.key, index);
                // A tail rule wins over a drop rule with the same key: it does more.
                if (!inserted && kind == Kind::tail) existing->second = index;
            } else if (kind == Kind::drop_prefix) {
                updated.m_prefix_rules.push_back(index);
            } else {
                updated.m_contains_rules.push_back(index);
            }
        }
        updated.m_rules.push_back(std::move(rule));
    }
    updated.m_regexes = std::move(regexes);
    *this = std::move(updated);
}

std::size_t BoilerplateRules::size() const noexcept { return m_rules.size(); }

RuleMatch BoilerplateRules::make_match(std::size_t rule_index) const {
    const Rule& rule = m_rules[rule_index];
    const bool tail = rule.kind == Kind::tail || rule.kind == Kind::tail_re;
    return {tail ? RuleAction::tail : RuleAction::drop, rule.description};
}

std::optional<std::size_t> BoilerplateRules::match_regexes(std::string_view key, RuleAction action) const {
    if (!m_regexes || m_regexes->empty()) return std::nullopt;
    MatcherCache& cache = matcher_cache();
    if (cache.list.get() != m_regexes.get()) {
        cache.matchers.clear();  // before the list they point into can go
        cache.list = m_regexes;
        cache.matchers.resize(m_regexes->size());
    }
    const auto first = static_cast<unsigned char>(key.front());
    std::optional<icu::UnicodeString> text;  // converted only when some expression may match
    std::optional<std::size_t> found;
    for (std::size_t i = 0; i < m_regexes->size() && !found; ++i) {
        const RegexRule& rule = (*m_regexes)[i];
        if (rule.action != action || (first < 128 && !rule.first_characters.test(first))) continue;
        if (!text) text = icu::UnicodeString::fromUTF8(icu::StringPiece(key.data(), static_cast<std::int32_t>(key.size())));
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::RegexMatcher>& matcher = cache.matchers[i];
        if (!matcher) matcher.reset(rule.pattern->matcher(status));
        if (U_FAILURE(status) || !matcher) continue;
        matcher->reset(*text);
        if (matcher->matches(status) && U_SUCCESS(status)) found = rule.rule_index;
    }
    // The matchers keep a pointer to `text`; they never read it again before the next reset().
    return found;
}

std::optional<RuleMatch> BoilerplateRules::match_key(std::string_view key) const {
    if (key.empty() || code_point_count(key) > max_paragraph_chars) return std::nullopt;

    std::optional<std::size_t> drop;
    if (const auto exact = m_exact.find(std::string(key)); exact != m_exact.end()) {
        if (m_rules[exact->second].kind == Kind::tail) return make_match(exact->second);
        drop = exact->second;
    }
    if (const auto tail = match_regexes(key, RuleAction::tail)) return make_match(*tail);
    if (drop) return make_match(*drop);

    for (const std::size_t index : m_prefix_rules) {
        const std::string& prefix = m_rules[index].key;
        if (key.size() >= prefix.size() && key.compare(0, prefix.size(), prefix) == 0 &&
            boundary_at(key, prefix.size())) {
            return make_match(index);
        }
    }
    for (const std::size_t index : m_contains_rules) {
        const std::string& phrase = m_rules[index].key;
        for (std::size_t at = key.find(phrase); at != std::string_view::npos; at = key.find(phrase, at + 1)) {
            if (boundary_at(key, at) && boundary_at(key, at + phrase.size())) return make_match(index);
        }
    }
    if (const auto regex = match_regexes(key, RuleAction::drop)) return make_match(*regex);
    return std::nullopt;
}

std::optional<RuleMatch> BoilerplateRules::match(std::string_view paragraph) const {
    if (code_point_count(paragraph) > max_paragraph_chars) return std::nullopt;
    return match_key(rule_key(paragraph));
}

}  // namespace newsdex
