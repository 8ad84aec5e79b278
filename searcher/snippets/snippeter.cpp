#include "searcher/snippets/snippeter.hpp"

#include <algorithm>
#include <cctype>
#include <deque>
#include <unordered_map>

#include "common/unicode_text.hpp"
#include "searcher/search_result.hpp"

namespace newsdex {
namespace {

constexpr int no_key = -1;

struct Word {
    std::size_t begin;      // byte offsets in the text
    std::size_t end;
    std::size_t paragraph;  // phrases never match across paragraphs, as in the index
    bool matched = false;   // highlighted
    int single = no_key;    // distinct query word this word is, for counting variety
    int phrase = no_key;    // distinct phrase an occurrence of which starts here
    std::size_t run = 0;    // 1 + the phrase occurrence it belongs to; 0 for none
};

bool is_word_byte(unsigned char c) {
    return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'';
}

// Splits `text` (starting at byte `offset` of the flat body) into words: runs of letters,
// digits, apostrophes and non-ASCII bytes, so typographic apostrophes stay inside words.
// ASCII tests by hand: the <cctype> calls showed in the profile.
void split_words(const std::string& text, std::size_t offset, std::size_t paragraph, std::vector<Word>& words) {
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && !is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
        std::size_t begin = i;
        while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
        // Apostrophes at either end are quotes, not part of the word (as in the index).
        std::size_t end = i;
        while (begin < end && text[begin] == '\'') ++begin;
        while (end > begin && text[end - 1] == '\'') --end;
        if (end > begin) words.push_back({offset + begin, offset + end, paragraph});
    }
}

std::size_t utf8_floor(const std::string& text, std::size_t at) {
    while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
    return at;
}

std::string ascii_lower(std::string text) {
    for (char& c : text) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return text;
}

}  // namespace

std::size_t dateline_length(std::string_view paragraph) {
    // The dateline ends at the first dash between spaces near the start.
    std::size_t dash = std::string_view::npos, after = 0;
    for (std::string_view mark : {" - ", " -- ", " – ", " — "}) {
        const std::size_t at = paragraph.substr(0, max_dateline_bytes).find(mark);
        if (at != std::string_view::npos && at < dash) {
            dash = at;
            after = at + mark.size();
        }
    }
    if (dash == std::string_view::npos || dash == 0) return 0;
    const std::string_view head = paragraph.substr(0, dash);
    if (head.find(". ") != std::string_view::npos || head.find('"') != std::string_view::npos) return 0;
    // A place in capitals ("HOUSTON, March 29", "NEW YORK") or an agency ("LONDON (Reuters)").
    std::size_t capitals = 0;
    while (capitals < head.size() && head[capitals] >= 'A' && head[capitals] <= 'Z') ++capitals;
    const bool agency = head.find('(') != std::string_view::npos && head.back() == ')';
    if (capitals < 2 && !agency) return 0;
    if (capitals < head.size() && head[capitals] >= 'a' && head[capitals] <= 'z') return 0;  // "Tony": a word
    return after;
}

std::string lead_passage(const std::string& text, std::size_t length) {
    if (text.size() <= length) return text;
    std::size_t cut = text.rfind(' ', length);
    if (cut == std::string::npos || cut < length / 2) cut = utf8_floor(text, length);
    return text.substr(0, cut) + "…";
}

std::string make_snippet(const schema::StoredArticle& article, const QueryWords& query, std::size_t length) {
    // The body as one line, paragraphs joined by a space.
    std::string text;
    std::vector<Word> words;
    for (std::size_t p = 0; p < article.paragraphs.size(); ++p) {
        if (!text.empty()) text += ' ';
        split_words(article.paragraphs[p], text.size(), p, words);
        text += article.paragraphs[p];
    }
    // A lead never starts inside a dateline ("HOUSTON, March 29 - "): it starts after it.
    const std::size_t dateline = article.paragraphs.empty() ? 0 : dateline_length(article.paragraphs.front());
    if (query.empty() || words.empty()) return lead_passage(text.substr(dateline), length);

    // Each distinct word is compared with the query once (stemming is the cost), and is
    // known by a number from then on. ASCII words are keyed by views into a lower-cased
    // copy of the text, so most words cost no allocation.
    const std::string lowered = ascii_lower(text);
    std::deque<std::string> other_keys;  // keys of non-ASCII words (stable addresses)
    std::unordered_map<std::string_view, int> numbers;
    numbers.reserve(words.size());
    std::vector<char> number_matches;  // by number: whether the query asks for that word
    std::vector<std::string> number_keys;  // by number: the word's key
    std::vector<int> word_numbers(words.size());
    for (std::size_t w = 0; w < words.size(); ++w) {
        Word& word = words[w];
        std::string_view surface(text.data() + word.begin, word.end - word.begin);
        std::string_view key;
        if (is_ascii(surface)) {
            key = std::string_view(lowered.data() + word.begin, word.end - word.begin);
        } else {
            key = other_keys.emplace_back(QueryWords::key_of(surface));
        }
        auto [it, added] = numbers.try_emplace(key, static_cast<int>(number_matches.size()));
        if (added) {
            number_keys.emplace_back(key);
            number_matches.push_back(query.matches_key(number_keys.back()));
        }
        word_numbers[w] = it->second;
        if (number_matches[static_cast<std::size_t>(it->second)]) {
            word.matched = true;
            word.single = it->second;
        }
    }
    const auto phrase_base = static_cast<int>(number_matches.size());
    std::size_t runs = 0;
    // Phrases are matched by the terms the index holds: the stems of the words. Whether a
    // distinct word is a phrase's k-th term is decided once.
    for (std::size_t p = 0; p < query.phrases().size(); ++p) {
        const auto& phrase = query.phrases()[p];
        std::vector<std::vector<signed char>> is_kth(phrase.size(), std::vector<signed char>(number_keys.size(), -1));
        auto matches_kth = [&](std::size_t k, int number) {
            signed char& known = is_kth[k][static_cast<std::size_t>(number)];
            if (known < 0) known = query.is_term(number_keys[static_cast<std::size_t>(number)], phrase[k]) ? 1 : 0;
            return known == 1;
        };
        for (std::size_t i = 0; i + phrase.size() <= words.size(); ++i) {
            bool whole = true;
            for (std::size_t k = 0; k < phrase.size() && whole; ++k) {
                whole = words[i + k].paragraph == words[i].paragraph && matches_kth(k, word_numbers[i + k]);
            }
            if (!whole) continue;
            ++runs;
            words[i].phrase = phrase_base + static_cast<int>(p);
            for (std::size_t k = 0; k < phrase.size(); ++k) {
                words[i + k].matched = true;
                words[i + k].run = runs;
            }
        }
    }

    // Slide a window of about `length` bytes over the words; score = distinct words and
    // phrases first, then matched words. Two pointers keep it linear.
    std::size_t best_first = 0, best_last = 0;
    std::pair<std::size_t, std::size_t> best_score{0, 0};
    std::vector<std::size_t> in_window(number_matches.size() + query.phrases().size(), 0);
    std::size_t variety = 0, matches = 0, last = 0;
    auto add = [&](int key) {
        if (key != no_key && in_window[static_cast<std::size_t>(key)]++ == 0) ++variety;
    };
    auto remove = [&](int key) {
        if (key != no_key && --in_window[static_cast<std::size_t>(key)] == 0) --variety;
    };
    for (std::size_t first = 0; first < words.size(); ++first) {
        while (last < words.size() && (last == first || words[last].end - words[first].begin <= length)) {
            matches += words[last].matched;
            add(words[last].single);
            add(words[last].phrase);
            ++last;
        }
        if (std::pair{variety, matches} > best_score) {
            best_score = {variety, matches};
            best_first = first;
            best_last = last;
        }
        matches -= words[first].matched;
        remove(words[first].single);
        remove(words[first].phrase);
    }
    if (best_score.first == 0) return lead_passage(text.substr(dateline), length);

    // Centre the matches a little: start up to a few words before the first one, when it fits.
    std::size_t first_match = best_first;
    while (first_match < best_last && !words[first_match].matched) ++first_match;
    std::size_t last_match = best_last;
    while (last_match > first_match && !words[last_match - 1].matched) --last_match;
    std::size_t start = first_match;
    while (start > 0 && words[last_match - 1].end - words[start - 1].begin <= length && first_match - start < 8) --start;
    while (start > 0 && words[start].run != 0 && words[start].run == words[start - 1].run) --start;
    // Not from inside the dateline: from its end, when the first match is past it.
    while (start < first_match && words[start].begin < dateline) ++start;
    std::size_t stop = last_match;
    while (stop < words.size() && words[stop].end - words[start].begin <= length) ++stop;
    // Never cut a phrase occurrence in two: finish the one the passage ends inside.
    while (stop < words.size() && words[stop].run != 0 && words[stop].run == words[stop - 1].run) ++stop;

    std::string out;
    if (start > 0) out += "…";
    std::size_t cursor = words[start].begin;
    for (std::size_t i = start; i < stop; ++i) {
        const Word& word = words[i];
        if (!word.matched) continue;
        // One span for a phrase occurrence (whatever punctuation is inside it) and for
        // matched words with only spaces between them.
        bool joins_previous = i > start && words[i - 1].matched &&
                              ((word.run != 0 && word.run == words[i - 1].run) ||
                               text.find_first_not_of(' ', words[i - 1].end) == word.begin);
        if (joins_previous) {
            out.pop_back();  // reopen the previous span to cover the gap and this word
        } else {
            out.append(text, cursor, word.begin - cursor);
            out += highlight_start;
            cursor = word.begin;
        }
        out.append(text, cursor, word.end - cursor);
        out += highlight_end;
        cursor = word.end;
    }
    std::size_t end = words[stop - 1].end;
    out.append(text, cursor, end - cursor);
    if (end < text.size()) out += "…";
    return out;
}

}  // namespace newsdex
