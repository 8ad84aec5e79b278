#include "searcher/snippeter.hpp"

#include <algorithm>
#include <vector>

#include "common/unicode_text.hpp"
#include "searcher/search_result.hpp"

namespace newsdex {
namespace {

struct Word {
    std::size_t begin;  // byte offsets in the text
    std::size_t end;
    bool matched;
    std::size_t term;   // index into the distinct matched words, for counting variety
};

bool is_word_byte(unsigned char c) { return c >= 0x80 || std::isalnum(c) || c == '\''; }

// The body as one line: paragraphs joined by a space.
std::string flat_body(const schema::StoredArticle& article) {
    std::string text;
    for (const auto& paragraph : article.paragraphs) {
        if (!text.empty()) text += ' ';
        text += paragraph;
    }
    return text;
}

// Splits `text` into words: runs of letters, digits, apostrophes and non-ASCII bytes (so
// typographic apostrophes stay inside words), trimmed of apostrophes at either end.
std::vector<Word> split_words(const std::string& text) {
    std::vector<Word> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && !is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
        std::size_t begin = i;
        while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
        if (i > begin) words.push_back({begin, i, false, 0});
    }
    return words;
}

std::size_t utf8_floor(const std::string& text, std::size_t at) {
    while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
    return at;
}

}  // namespace

QueryWords::QueryWords(const Xapian::Query& query, Xapian::Stem stemmer) : m_stemmer(std::move(stemmer)) {
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
        const std::string& term = *it;
        if (term.empty()) continue;
        // Prefixed terms (boolean filters, title:) start with a capital; `Z` marks a stem.
        bool stem = term.size() > 1 && term[0] == 'Z' && !std::isupper(static_cast<unsigned char>(term[1]));
        if (std::isupper(static_cast<unsigned char>(term[0])) && !stem) continue;
        m_terms.insert(term);
    }
}

bool QueryWords::matches(std::string_view word) const {
    // Apostrophe-s and typographic forms: "Myanmar’s" is indexed as "myanmar's".
    std::string key = is_ascii(word) ? std::string(word) : matching_form(word);
    key = Xapian::Unicode::tolower(key);
    while (!key.empty() && key.back() == '\'') key.pop_back();
    if (key.empty()) return false;
    if (m_terms.count(key) || m_terms.count("Z" + m_stemmer(key))) return true;
    // A possessive is indexed whole by Xapian, but a query for the bare word should still light it.
    if (key.size() > 2 && key.ends_with("'s")) {
        std::string bare = key.substr(0, key.size() - 2);
        return m_terms.count(bare) || m_terms.count("Z" + m_stemmer(bare));
    }
    return false;
}

std::string lead_passage(const std::string& text, std::size_t length) {
    if (text.size() <= length) return text;
    std::size_t cut = text.rfind(' ', length);
    if (cut == std::string::npos || cut < length / 2) cut = utf8_floor(text, length);
    return text.substr(0, cut) + "…";
}

std::string make_snippet(const schema::StoredArticle& article, const QueryWords& query, std::size_t length) {
    const std::string text = flat_body(article);
    if (query.empty()) return lead_passage(text, length);

    std::vector<Word> words = split_words(text);
    std::vector<std::string> distinct;
    for (auto& word : words) {
        std::string_view surface(text.data() + word.begin, word.end - word.begin);
        if (!query.matches(surface)) continue;
        word.matched = true;
        std::string key = Xapian::Unicode::tolower(std::string(surface));
        auto found = std::find(distinct.begin(), distinct.end(), key);
        word.term = static_cast<std::size_t>(found - distinct.begin());
        if (found == distinct.end()) distinct.push_back(key);
    }

    // Slide a window of about `length` bytes over the words; score = distinct words first,
    // then matches. Two pointers keep it linear.
    std::size_t best_first = 0, best_last = 0;
    std::pair<std::size_t, std::size_t> best_score{0, 0};
    std::vector<std::size_t> in_window(distinct.size(), 0);
    std::size_t variety = 0, matches = 0, last = 0;
    for (std::size_t first = 0; first < words.size(); ++first) {
        while (last < words.size() && words[last].end - words[first].begin <= length) {
            if (words[last].matched) {
                ++matches;
                if (in_window[words[last].term]++ == 0) ++variety;
            }
            ++last;
        }
        if (std::pair{variety, matches} > best_score) {
            best_score = {variety, matches};
            best_first = first;
            best_last = last;
        }
        if (words[first].matched) {
            --matches;
            if (--in_window[words[first].term] == 0) --variety;
        }
    }
    if (best_score.first == 0) return lead_passage(text, length);

    // Centre the matches a little: start up to a few words before the first one, when it fits.
    std::size_t first_match = best_first;
    while (first_match < best_last && !words[first_match].matched) ++first_match;
    std::size_t last_match = best_last;
    while (last_match > first_match && !words[last_match - 1].matched) --last_match;
    std::size_t start = first_match;
    while (start > 0 && words[last_match - 1].end - words[start - 1].begin <= length && first_match - start < 8) --start;
    std::size_t stop = last_match;
    while (stop < words.size() && words[stop].end - words[start].begin <= length) ++stop;

    std::string out;
    if (start > 0) out += "…";
    std::size_t cursor = words[start].begin;
    for (std::size_t i = start; i < stop; ++i) {
        const Word& word = words[i];
        if (!word.matched) continue;
        bool joins_previous = i > start && words[i - 1].matched &&
                              text.find_first_not_of(' ', words[i - 1].end) == word.begin;
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
