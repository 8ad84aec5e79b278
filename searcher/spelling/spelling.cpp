#include "searcher/spelling/spelling.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <vector>

#include "common/schema.hpp"
#include "common/unicode_text.hpp"
#include "searcher/snippets/snippeter.hpp"

namespace newsdex {
namespace {

// A word held by fewer documents than this (as written and by its stem) may be a typo.
constexpr Xapian::doccount rare_below = 3;
// A correction must be held by this many times more documents than the word itself.
constexpr double more_frequent_by = 5.0;
// One edit more is worth this factor in frequency: "stike" becomes "strike" (1 edit), not
// the far more frequent "state" (2 edits), yet a misspelling that occurs once in the corpus
// (1 edit) loses to a common word 2 edits away. On 958 random one-edit typos of BBC words,
// factor 100 corrected 873 (taking the most frequent word within reach, factor 1: 535;
// 10: 833; closest first, then most frequent: 874).
constexpr double edit_penalty = 100.0;
// Letters a stem may lack at the end of its words ("presid" + "ential").
constexpr std::size_t max_ending = 5;
// Stems whose written forms are looked up, best first, and documents read for them.
constexpr std::size_t max_candidates = 5;
constexpr std::size_t documents_per_form = 3;

std::u32string code_points(std::string_view utf8) {
    std::u32string out;
    for (Xapian::Utf8Iterator it(utf8.data(), utf8.size()); it != Xapian::Utf8Iterator(); ++it) {
        out += static_cast<char32_t>(*it);
    }
    return out;
}

bool is_word_byte(unsigned char c) { return c >= 0x80 || std::isalnum(c) || c == '\''; }

bool is_operator(std::string_view token) {
    static constexpr std::array<std::string_view, 6> operators{"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
    return std::find(operators.begin(), operators.end(), token) != operators.end();
}

// The least edit distance between `stem` and a beginning of `typed` that leaves at most
// `max_ending` code points over (a stem lacks the ending of its words); above `limit`,
// `limit + 1`.
unsigned distance_to_a_beginning(std::u32string_view stem, std::u32string_view typed, unsigned limit) {
    unsigned best = limit + 1;
    const std::size_t shortest = stem.size() > limit ? stem.size() - limit : 0;
    for (std::size_t length = std::max(shortest, typed.size() > max_ending ? typed.size() - max_ending : 0);
         length <= std::min(typed.size(), stem.size() + limit); ++length) {
        best = std::min(best, edit_distance(stem, typed.substr(0, length), limit));
    }
    return best;
}

}  // namespace

unsigned edit_distance(std::u32string_view a, std::u32string_view b, unsigned limit) {
    const std::size_t m = a.size(), n = b.size();
    if ((m > n ? m - n : n - m) > limit) return limit + 1;
    // Three rows of the optimal-string-alignment table: two back, one back, current.
    std::vector<unsigned> before(n + 1), previous(n + 1), current(n + 1);
    for (std::size_t j = 0; j <= n; ++j) previous[j] = static_cast<unsigned>(j);
    for (std::size_t i = 1; i <= m; ++i) {
        current[0] = static_cast<unsigned>(i);
        unsigned row_min = current[0];
        for (std::size_t j = 1; j <= n; ++j) {
            const unsigned cost = a[i - 1] == b[j - 1] ? 0 : 1;
            unsigned best = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) best = std::min(best, before[j - 2] + 1);
            current[j] = best;
            row_min = std::min(row_min, best);
        }
        if (row_min > limit) return limit + 1;
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return std::min(previous[n], limit + 1);
}

SpellingCorrector::SpellingCorrector(const Xapian::Database& db, Xapian::Stem stemmer, std::size_t max_scanned)
    : m_db(db), m_stemmer(std::move(stemmer)), m_max_scanned(max_scanned) {}

std::optional<std::string> SpellingCorrector::correct_word(std::string_view word) const {
    std::string key = Xapian::Unicode::tolower(matching_form(word));
    const std::u32string typed = code_points(key);
    if (typed.size() < 3 || key.size() > 64) return std::nullopt;
    const Xapian::doccount frequency = m_db.get_termfreq(stem_term(key));
    if (frequency >= rare_below) return std::nullopt;

    const unsigned limit = typed.size() <= 4 ? 1 : 2;
    // The index holds stems ("Zpresid"), which lack the words' endings: a stem is a candidate
    // when it is close to a beginning of the typed word, and the word is then compared with
    // the candidate's written forms.
    Xapian::Utf8Iterator first(key);
    std::string prefix(schema::stem_prefix);
    Xapian::Unicode::append_utf8(prefix, *first);

    struct Candidate {
        std::string term;
        Xapian::doccount frequency;
        double score;
    };
    std::vector<Candidate> candidates;
    std::size_t scanned = 0;
    for (auto it = m_db.allterms_begin(prefix); it != m_db.allterms_end(prefix) && scanned < m_max_scanned;
         ++it, ++scanned) {
        const std::string& term = *it;
        const Xapian::doccount candidate_frequency = it.get_termfreq();
        if (candidate_frequency < more_frequent_by * frequency || candidate_frequency == 0) continue;
        const std::u32string stem = code_points(std::string_view(term).substr(1));
        const unsigned distance = distance_to_a_beginning(stem, typed, limit);
        if (distance > limit) continue;
        candidates.push_back({term, candidate_frequency, candidate_frequency / std::pow(edit_penalty, distance)});
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    if (candidates.size() > max_candidates) candidates.resize(max_candidates);

    std::optional<std::string> best;
    double best_score = 0;
    for (const auto& candidate : candidates) {
        for (const std::string& form : written_forms(candidate.term)) {
            if (form == key) continue;
            const unsigned distance = edit_distance(typed, code_points(form), limit);
            if (distance > limit) continue;
            const double score = candidate.frequency / std::pow(edit_penalty, distance);
            if (!best || score > best_score) {
                best = form;
                best_score = score;
            }
        }
    }
    return best;
}

std::string SpellingCorrector::stem_term(const std::string& key) const { return schema::stem_term(m_stemmer(key)); }

std::vector<std::string> SpellingCorrector::written_forms(const std::string& term) const {
    std::vector<std::string> forms;
    std::size_t looked = 0;
    for (auto it = m_db.postlist_begin(term); it != m_db.postlist_end(term) && looked < documents_per_form; ++it, ++looked) {
        schema::StoredArticle article = schema::decode(m_db.get_document(*it).get_data());
        auto collect = [&](const std::string& text) {
            std::size_t i = 0;
            while (i < text.size()) {
                while (i < text.size() && !is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
                std::size_t begin = i;
                while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
                if (i == begin) continue;
                std::string key = QueryWords::key_of(std::string_view(text).substr(begin, i - begin));
                if (key.empty() || key[0] != term[1] || std::find(forms.begin(), forms.end(), key) != forms.end()) continue;
                if (stem_term(key) == term) forms.push_back(std::move(key));
            }
        };
        collect(article.title);
        for (const auto& paragraph : article.paragraphs) collect(paragraph);
    }
    return forms;
}

std::optional<std::string> SpellingCorrector::correct_query(const std::string& text) const {
    std::string out;
    bool changed = false;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t begin = i;
        while (i < text.size() && !is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
        out.append(text, begin, i - begin);
        begin = i;
        while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
        if (i == begin) continue;
        const std::string token = text.substr(begin, i - begin);
        const bool field_name = i < text.size() && text[i] == ':';
        const bool field_value = begin > 0 && text[begin - 1] == ':';
        const bool wildcard = i < text.size() && text[i] == '*';
        const bool has_digit = std::any_of(token.begin(), token.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
        std::optional<std::string> better;
        if (!field_name && !field_value && !wildcard && !has_digit && !is_operator(token)) better = correct_word(token);
        if (!better) {
            out += token;
            continue;
        }
        if (std::isupper(static_cast<unsigned char>(token[0])) && std::islower(static_cast<unsigned char>((*better)[0]))) {
            (*better)[0] = static_cast<char>(std::toupper(static_cast<unsigned char>((*better)[0])));
        }
        out += *better;
        changed = true;
    }
    if (!changed) return std::nullopt;
    return out;
}

}  // namespace newsdex
