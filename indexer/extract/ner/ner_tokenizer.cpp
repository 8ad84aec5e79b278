#include "indexer/extract/ner/ner_tokenizer.hpp"

#include "indexer/extract/ner/code_point.hpp"

#include <algorithm>
#include <array>

namespace newsdex {
namespace {

// Abbreviations that keep their period ("Mr.", "Corp.", "Jan."), lower case.
constexpr std::array<std::string_view, 62> abbreviations{
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "capt", "sgt", "prof", "rev", "sen", "rep",
    "gov", "adm", "brig", "cpl", "det", "insp", "supt", "mt", "ft", "no", "hon", "maj", "pres",
    "messrs", "fr", "sr", "jr", "rt", "inc", "corp", "ltd", "co", "bros", "plc", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "dept", "est",
    "etc", "cie", "cos", "nos", "mass", "calif", "conn", "penn", "wash"};

// Enough tokens for nearly every sentence of news (the BBC corpus: 22 on average, 1% over 48).
constexpr std::size_t tokens_per_sentence = 48;

bool is_word_char(std::int32_t c) { return is_letter_char(c) || is_digit_char(c) || is_mark_char(c); }

bool is_known_abbreviation(std::string_view word) {
    if (word.size() > 6) return false;
    std::array<char, 6> lower{};
    for (std::size_t i = 0; i < word.size(); ++i) {
        const char c = word[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
        lower[i] = static_cast<char>(c | 0x20);
    }
    const std::string_view folded(lower.data(), word.size());
    return std::find(abbreviations.begin(), abbreviations.end(), folded) != abbreviations.end();
}

// "U.S", "J", "U.N": single letters joined by periods, which take a final period too.
bool is_dotted_initials(std::string_view word) {
    for (std::size_t i = 0; i < word.size(); ++i) {
        const char c = word[i];
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (i % 2 == 0 ? !letter : c != '.') return false;
    }
    return !word.empty() && (word.size() > 1 || (word[0] >= 'A' && word[0] <= 'Z'));
}

class LineTokenizer {
public:
    LineTokenizer(std::string_view line, std::uint32_t line_index, std::vector<NerSentence>& out)
        : m_line(line), m_line_index(line_index), m_out(out) {}

    void run() {
        start_sentence();
        bool space_before = true;
        bool line_break = false;
        std::size_t i = 0;
        while (i < m_line.size()) {
            const CodePoint cp = decode_code_point(m_line, i);
            const std::int32_t c = cp.value;
            if (is_space_char(c)) {
                space_before = true;
                line_break = line_break || c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
                i = cp.next;
                continue;
            }
            // A line break inside a paragraph ends a sentence (a heading, a list item); so does a
            // full stop before a capital, or before a quote that opens the next sentence.
            const bool opening_quote = is_quote_char(c) && space_before && cp.next < m_line.size() &&
                                       !is_space_char(decode_code_point(m_line, cp.next).value);
            if (line_break || (m_pending_split && opens_sentence(c) && (!is_quote_char(c) || opening_quote))) start_sentence();
            m_pending_split = false;
            line_break = false;
            space_before = false;
            if (is_word_char(c)) {
                i = scan_word(i);
                m_end_mark = false;
            } else if (is_apostrophe_char(c) && clitic_at(cp.next)) {
                emit(i, cp.next + 1);
                i = cp.next + 1;
                m_end_mark = false;
            } else {
                emit(i, cp.next);
                if (c == '.' || c == '!' || c == '?' || c == 0x2026) m_end_mark = true;
                else if (!(m_end_mark && is_closing(c) && !opening_quote)) m_end_mark = false;
                m_pending_split = m_end_mark;
                i = cp.next;
            }
        }
        if (m_out.back().tokens.empty()) m_out.pop_back();
    }

private:
    static bool is_closing(std::int32_t c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0x00BB;
    }

    static bool opens_sentence(std::int32_t c) {
        return is_upper_char(c) || is_digit_char(c) || c == '"' || c == '(' || c == 0x201C || c == 0x2018 ||
               c == '\'' || c == 0x00AB;
    }

    // "'s" at byte `i` (just after the apostrophe): an "s" that ends the word.
    bool clitic_at(std::size_t i) const {
        if (i >= m_line.size() || (m_line[i] != 's' && m_line[i] != 'S')) return false;
        return i + 1 >= m_line.size() || !is_word_char(decode_code_point(m_line, i + 1).value);
    }

    void start_sentence() {
        if (m_started && m_out.back().tokens.empty()) return;
        m_out.emplace_back();
        m_out.back().line = m_line_index;
        // Room for a sentence of news at once, rather than growing 1, 2, 4… tokens.
        m_out.back().tokens.reserve(tokens_per_sentence);
        m_started = true;
    }

    void emit(std::size_t begin, std::size_t end) {
        NerToken token;
        token.text = m_line.substr(begin, end - begin);
        token.offset = static_cast<std::uint32_t>(begin);
        token.flags = token_flags(token.text);
        m_out.back().tokens.push_back(token);
    }

    // A word: letters, digits and marks, joined by inner hyphens, periods ("U.S", "3.5"), commas
    // between digits ("1,250"), apostrophes between letters ("O'Neill", but not a final "'s"),
    // and "&" or "/" between capitals ("AT&T", "AC/DC").
    std::size_t scan_word(std::size_t begin) {
        std::size_t i = begin;
        std::int32_t previous = 0;
        while (i < m_line.size()) {
            const CodePoint cp = decode_code_point(m_line, i);
            if (is_word_char(cp.value)) {
                previous = cp.value;
                i = cp.next;
                continue;
            }
            if (cp.next >= m_line.size()) break;
            const CodePoint after = decode_code_point(m_line, cp.next);
            if (!is_word_char(after.value)) break;
            bool joins = false;
            if (cp.value == '-' || cp.value == 0x2011) joins = true;
            else if (cp.value == '.') joins = is_letter_char(previous) == is_letter_char(after.value);
            else if (cp.value == ',') joins = is_digit_char(previous) && is_digit_char(after.value);
            else if (cp.value == '&' || cp.value == '/') joins = is_upper_char(previous) && is_upper_char(after.value);
            else if (is_apostrophe_char(cp.value)) joins = is_letter_char(previous) && is_letter_char(after.value) && !clitic_at(cp.next);
            if (!joins) break;
            previous = after.value;
            i = after.next;
        }
        std::size_t end = i;
        if (end < m_line.size() && m_line[end] == '.') {
            const std::string_view word = m_line.substr(begin, end - begin);
            if (is_dotted_initials(word) || is_known_abbreviation(word)) ++end;
        }
        emit(begin, end);
        return end;
    }

    std::string_view m_line;
    std::uint32_t m_line_index;
    std::vector<NerSentence>& m_out;
    bool m_started = false;
    bool m_end_mark = false;       // the last tokens were ".", "!" or "?" (and closing quotes)
    bool m_pending_split = false;  // a sentence may end before the next token
};

}  // namespace

void tokenize_line(std::string_view line, std::uint32_t line_index, std::vector<NerSentence>& out) {
    LineTokenizer(line, line_index, out).run();
}

}  // namespace newsdex
