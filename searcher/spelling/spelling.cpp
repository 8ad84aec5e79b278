#include "searcher/spelling/spelling.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <vector>

#include "common/schema.hpp"
#include "common/unicode_text.hpp"
#include "searcher/match/article_lookup.hpp"
#include "searcher/snippets/snippeter.hpp"
#include "searcher/spelling/typo_costs.hpp"

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
// Stems looked at two edits away, best first, and documents read for their written forms.
constexpr std::size_t max_candidates = 10;
constexpr std::size_t documents_per_form = 3;
// Two edits away, a correction must be held by this many articles and have this many letters:
// "xyzzy" is no typo of the ticker "xyzs".
constexpr Xapian::doccount two_edit_support = 5;
constexpr std::size_t two_edit_letters = 5;
// Spellings one edit away whose own frequency is estimated from the articles, best first, and
// articles read for each.
constexpr std::size_t max_spellings_checked = 8;
constexpr std::size_t articles_sampled = 16;
// Articles of a word's stem read before the word is taken for one no article writes.
constexpr std::size_t unwritten_sample = 64;
// Past this many articles, how common a word is says little about whether it was meant: the
// likelier slip wins. On 795 random one-edit typos of BBC words held by 20+ articles, capping
// at 50 to 100 articles restored 0.909 of them, no cap 0.902.
constexpr double frequency_cap = 100;

// The fields whose values are names or words that can be corrected.
constexpr std::array<std::pair<std::string_view, std::string_view>, 6> corrected_fields{{
    {"person", schema::person_prefix},
    {"org", schema::org_prefix},
    {"place", schema::place_prefix},
    {"actor", schema::actor_prefix},
    {"source", schema::source_prefix},
    {"title", schema::title_prefix},
}};

std::u32string code_points(std::string_view utf8) {
    std::u32string out;
    for (Xapian::Utf8Iterator it(utf8.data(), utf8.size()); it != Xapian::Utf8Iterator(); ++it) {
        out += static_cast<char32_t>(*it);
    }
    return out;
}

std::string utf8_of(std::u32string_view code_points) {
    std::string out;
    for (char32_t c : code_points) Xapian::Unicode::append_utf8(out, static_cast<unsigned>(c));
    return out;
}

bool is_word_byte(unsigned char c) { return c >= 0x80 || std::isalnum(c) || c == '\''; }

bool is_ascii_word_byte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'';
}

// Most edits a name of `letters` letters may be away from the one meant.
unsigned name_limit(std::size_t letters) { return letters <= 4 ? 1 : letters <= 12 ? 2 : 3; }

// `text` rewritten word by word: `replace(begin, end, out, changed)` gets each word (bytes
// [begin, end) of `text`), appends what stands for it to `out`, sets `changed` when that
// differs, and returns where to go on from. std::nullopt when nothing changed.
// Within max_corrected_words and spelling_time_budget: the words after those stay as typed.
template <class Replace>
std::optional<std::string> rewrite_words(const std::string& text, Replace&& replace) {
    const auto deadline = std::chrono::steady_clock::now() + spelling_time_budget;
    std::string out;
    bool changed = false;
    std::size_t i = 0;
    std::size_t words = 0;
    while (i < text.size()) {
        if (words == max_corrected_words || (words > 0 && std::chrono::steady_clock::now() > deadline)) {
            out.append(text, i);
            break;
        }
        std::size_t begin = i;
        while (i < text.size() && !is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
        out.append(text, begin, i - begin);
        begin = i;
        while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
        if (i > begin) {
            i = replace(begin, i, out, changed);
            ++words;
        }
    }
    if (!changed) return std::nullopt;
    return out;
}

// `better` (lower-case) with the first capital of `token`, when it has one.
std::string capitalised_like(const std::string& token, std::string better) {
    if (std::isupper(static_cast<unsigned char>(token[0])) && std::islower(static_cast<unsigned char>(better[0]))) {
        better[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(better[0])));
    }
    return better;
}

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

SpellingCorrector::SpellingCorrector(const Xapian::Database& db, Xapian::Stem stemmer, const ActorNames* names,
                                     std::size_t max_scanned)
    : m_db(db), m_stemmer(std::move(stemmer)), m_names(names), m_max_scanned(max_scanned) {}

Xapian::doccount SpellingCorrector::frequency(const std::string& term) const {
    auto [it, added] = m_frequencies.try_emplace(term, 0);
    if (added) it->second = m_db.get_termfreq(term);
    return it->second;
}

std::optional<std::string> SpellingCorrector::correct_word(std::string_view word) const {
    std::string key = Xapian::Unicode::tolower(matching_form(word));
    const std::u32string typed = code_points(key);
    if (typed.size() < 2 || key.size() > 64) return std::nullopt;
    const Xapian::doccount typed_frequency = frequency(stem_term(key));
    if (typed_frequency >= rare_below) return std::nullopt;
    if (auto best = one_edit_away(typed, typed_frequency, false)) return best;
    if (typed.size() >= two_edit_letters) return two_edits_away(key, typed, typed_frequency);
    return std::nullopt;
}

std::optional<std::string> SpellingCorrector::one_edit_away(const std::u32string& typed, Xapian::doccount typed_frequency,
                                                            bool written_only) const {
    struct Option {
        std::string word;
        std::string term;
        double articles;  // holding the stem, then (estimated) the word itself
        double cost;
        double score() const {
        return articles > 0 ? std::log(std::min(articles, frequency_cap)) - cost * std::log(edit_penalty) : -1e9;
    }
    };
    std::vector<Option> options;
    for (const auto& edit : one_edits(typed)) {
        std::string word = utf8_of(edit.word);
        std::string term = stem_term(word);
        const Xapian::doccount holding = frequency(term);
        if (holding == 0 || holding < more_frequent_by * typed_frequency) continue;
        options.push_back({std::move(word), std::move(term), static_cast<double>(holding), edit.cost});
    }
    if (options.empty()) return std::nullopt;
    std::stable_sort(options.begin(), options.end(), [](const Option& a, const Option& b) { return a.score() > b.score(); });
    // The index counts stems, which many spellings share ("critical" and "critics" stem to
    // "critic"; "midfuled" would stem to a stem of the corpus too): the best few are scored by
    // their own frequency instead, estimated as the share of the stem's articles that write them.
    if (options.size() > max_spellings_checked) options.resize(max_spellings_checked);
    for (auto& option : options) {
        const auto [writing, read] = articles_writing(option.term, option.word, articles_sampled);
        // A spelling none of them writes is most likely no word at all; `written_only`, it is
        // none to offer.
        option.articles *= writing == 0 && written_only ? 0 : (static_cast<double>(writing) + 0.1) / (static_cast<double>(read) + 1);
    }
    const auto best = std::max_element(options.begin(), options.end(),
                                       [](const Option& a, const Option& b) { return a.score() < b.score(); });
    if (best->articles == 0) return std::nullopt;
    return best->word;
}

std::pair<std::size_t, std::size_t> SpellingCorrector::articles_writing(const std::string& term, const std::string& word,
                                                                        std::size_t sample, bool first_only) const {
    std::size_t writing = 0, read = 0;
    for (auto it = m_db.postlist_begin(term); it != m_db.postlist_end(term) && read < sample; ++it, ++read) {
        if (first_only && writing > 0) break;
        std::string data = m_db.get_document(*it).get_data();
        for (char& c : data) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        for (std::size_t at = data.find(word); at != std::string::npos; at = data.find(word, at + 1)) {
            const bool starts = at == 0 || !is_ascii_word_byte(data[at - 1]);
            const bool ends = at + word.size() == data.size() || !is_ascii_word_byte(data[at + word.size()]);
            if (starts && ends) {
                ++writing;
                break;
            }
        }
    }
    return {writing, read};
}

std::optional<std::string> SpellingCorrector::two_edits_away(const std::string& key, const std::u32string& typed,
                                                             Xapian::doccount typed_frequency) const {
    const unsigned limit = 2;
    // The index holds stems ("Zpresid"), which lack the words' endings: a stem is a candidate
    // when it is close to a beginning of the typed word, and the word is then compared with
    // the candidate's written forms.
    Xapian::Utf8Iterator first(key);
    std::string prefix(schema::stem_prefix);
    Xapian::Unicode::append_utf8(prefix, *first);

    struct Candidate {
        std::string term;
        Xapian::doccount frequency;
        unsigned distance;
    };
    std::vector<Candidate> candidates;
    const double least = std::max<double>(two_edit_support, more_frequent_by * typed_frequency);
    std::size_t scanned = 0;
    for (auto it = m_db.allterms_begin(prefix); it != m_db.allterms_end(prefix) && scanned < m_max_scanned;
         ++it, ++scanned) {
        const std::string& term = *it;
        const Xapian::doccount candidate_frequency = it.get_termfreq();
        if (candidate_frequency < least) continue;
        const std::u32string stem = code_points(std::string_view(term).substr(1));
        // A stem much shorter than the word is a beginning of many words, not this one.
        if (stem.size() + max_ending < typed.size() + limit) continue;
        const unsigned distance = distance_to_a_beginning(stem, typed, limit);
        if (distance > limit) continue;
        candidates.push_back({term, candidate_frequency, distance});
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        return a.distance != b.distance ? a.distance < b.distance : a.frequency > b.frequency;
    });
    if (candidates.size() > max_candidates) candidates.resize(max_candidates);

    std::optional<std::string> best;
    double best_score = 0;
    for (const auto& candidate : candidates) {
        for (const std::string& form : written_forms(candidate.term)) {
            if (form == key || code_points(form).size() < two_edit_letters) continue;
            const unsigned distance = edit_distance(typed, code_points(form), limit);
            if (distance > limit) continue;
            const double score = std::log(candidate.frequency) - distance * std::log(edit_penalty);
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

std::optional<std::string> SpellingCorrector::correct_unwritten(const std::string& text) const {
    return rewrite_words(text, [&](std::size_t begin, std::size_t end, std::string& out, bool& changed) {
        const std::string token = text.substr(begin, end - begin);
        std::string key = token;
        for (char& c : key) c = static_cast<char>(c | 0x20);
        const bool letters = std::all_of(key.begin(), key.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        // A word that is its own stem is matched as typed; one that is not is looked for as
        // written ("kicke" is not, though its stem "kick" is everywhere).
        std::optional<std::string> better;
        const std::string stem = m_stemmer(key);
        if (letters && key.size() >= 3 && stem != key && !is_operator(token) &&
            articles_writing(schema::stem_term(stem), key, unwritten_sample, true).first == 0) {
            better = one_edit_away(code_points(key), 0, true);
        }
        if (better && *better != key) {
            out += capitalised_like(token, *better);
            changed = true;
        } else {
            out += token;
        }
        return end;
    });
}

std::optional<std::string> SpellingCorrector::correct_actor(std::string_view name, std::string_view prefix) const {
    const std::string folded = schema::fold_key(matching_form(name));
    if (folded.empty()) return std::nullopt;
    if (m_names) {
        for (const auto& term : m_names->terms_for(name, prefix)) {
            if (m_db.term_exists(term)) return std::nullopt;
        }
    } else if (m_db.term_exists(schema::boolean_term(prefix, name))) {
        return std::nullopt;
    }
    const std::vector<std::string> typed_words = name_words(folded);
    std::vector<std::u32string> typed(typed_words.size());
    std::transform(typed_words.begin(), typed_words.end(), typed.begin(), [](const std::string& w) { return code_points(w); });
    const std::u32string whole = code_points(folded);

    // The best whole name, or run of a name's words, over every actor of that type.
    struct Best {
        std::string term;
        std::size_t first_word = 0;  // the run's place in the name; whole names: 0
        bool whole = true;
        double score = 0;
    };
    std::optional<Best> best;
    auto consider = [&](const Best& candidate) {
        if (!best || candidate.score > best->score) best = candidate;
    };
    const std::string scan(prefix);
    for (auto it = m_db.allterms_begin(scan); it != m_db.allterms_end(scan); ++it) {
        const std::string actor = (*it).substr(scan.size());
        const double weight = std::log(it.get_termfreq() + 1.0);
        const unsigned distance = edit_distance(whole, code_points(actor), name_limit(whole.size()));
        if (distance > 0 && distance <= name_limit(whole.size())) {
            consider({*it, 0, true, weight - distance * std::log(edit_penalty)});
        }
        const std::vector<std::string> words = name_words(actor);
        for (std::size_t start = 0; start + typed.size() <= words.size() && typed.size() < words.size(); ++start) {
            unsigned total = 0;
            bool close = true;
            for (std::size_t k = 0; k < typed.size() && close; ++k) {
                const unsigned limit = name_limit(typed[k].size());
                const unsigned d = edit_distance(typed[k], code_points(words[start + k]), limit);
                close = d <= limit;
                total += d;
            }
            if (close && total > 0) consider({*it, start, false, weight - total * std::log(edit_penalty)});
        }
    }
    if (!best) return std::nullopt;
    const std::string display = actor_display_name(m_db, best->term);
    if (best->whole) return display;
    // The run of words, as the name writes them.
    std::vector<std::string> shown = name_words(display);
    if (shown.size() != name_words(best->term.substr(scan.size())).size()) shown = name_words(best->term.substr(scan.size()));
    std::string part;
    for (std::size_t k = 0; k < typed.size(); ++k) part += (k ? " " : "") + shown[best->first_word + k];
    return part;
}

std::optional<std::string> SpellingCorrector::correct_source(std::string_view name) const {
    const std::string folded = schema::fold_key(name);
    if (folded.empty() || m_db.term_exists(schema::boolean_term(schema::source_prefix, name))) return std::nullopt;
    const std::u32string typed = code_points(folded);
    const unsigned limit = name_limit(typed.size());
    std::optional<std::string> best;
    double best_score = 0;
    const std::string scan(schema::source_prefix);
    for (auto it = m_db.allterms_begin(scan); it != m_db.allterms_end(scan); ++it) {
        const unsigned distance = edit_distance(typed, code_points(std::string_view(*it).substr(scan.size())), limit);
        if (distance == 0 || distance > limit) continue;
        const double score = std::log(it.get_termfreq() + 1.0) - distance * std::log(edit_penalty);
        if (!best || score > best_score) {
            best = *it;
            best_score = score;
        }
    }
    if (!best) return std::nullopt;
    return source_display_name(m_db, *best);
}

std::optional<std::string> SpellingCorrector::correct_field(std::string_view field, const std::string& value) const {
    for (const auto& [name, prefix] : corrected_fields) {
        if (name != field) continue;
        if (name == "source") return correct_source(value);
        if (name == "title") return correct_query(value);
        return correct_actor(value, prefix);
    }
    return std::nullopt;
}

std::optional<std::string> SpellingCorrector::correct_query(const std::string& text) const {
    return rewrite_words(text, [&](std::size_t begin, std::size_t i, std::string& out, bool& changed) {
        const std::string token = text.substr(begin, i - begin);
        const bool field_name = i < text.size() && text[i] == ':';
        const bool known_field = std::any_of(corrected_fields.begin(), corrected_fields.end(),
                                             [&](const auto& field) { return field.first == token; });
        if (field_name && known_field && i + 1 < text.size()) {
            // The value: a quoted name, or up to the next space or bracket.
            const std::size_t value_at = i + 1;
            const bool quoted = text[value_at] == '"';
            std::size_t value_end = quoted ? text.find('"', value_at + 1) : text.find_first_of(" \t)", value_at);
            if (value_end == std::string::npos) value_end = text.size();
            const std::size_t after = quoted && value_end < text.size() ? value_end + 1 : value_end;
            const std::size_t skip = quoted ? 1 : 0;
            auto better = correct_field(token, text.substr(value_at + skip, value_end - value_at - skip));
            out += token + ':';
            if (better) {
                const bool quote = quoted || better->find(' ') != std::string::npos;
                out += quote ? '"' + *better + '"' : *better;
                changed = true;
            } else {
                out.append(text, value_at, after - value_at);
            }
            return after;
        }
        const bool field_value = begin > 0 && text[begin - 1] == ':';
        const bool wildcard = i < text.size() && text[i] == '*';
        const bool has_digit = std::any_of(token.begin(), token.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
        std::optional<std::string> better;
        if (!field_name && !field_value && !wildcard && !has_digit && !is_operator(token)) better = correct_word(token);
        if (better) {
            out += capitalised_like(token, *better);
            changed = true;
        } else {
            out += token;
        }
        return i;
    });
}

}  // namespace newsdex
