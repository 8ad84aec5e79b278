#include "common/analyzer.hpp"

#include <array>
#include <unordered_map>
#include <utility>

#include "common/schema.hpp"
#include "common/unicode_text.hpp"

namespace newsdex {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 24> language_codes{{
    {"ar", "arabic"},   {"hy", "armenian"},  {"eu", "basque"},     {"ca", "catalan"},
    {"da", "danish"},   {"nl", "dutch"},     {"en", "english"},    {"fi", "finnish"},
    {"fr", "french"},   {"de", "german"},    {"hu", "hungarian"},  {"id", "indonesian"},
    {"ga", "irish"},    {"it", "italian"},   {"lt", "lithuanian"}, {"ne", "nepali"},
    {"nb", "norwegian"}, {"no", "norwegian"}, {"pt", "portuguese"}, {"ro", "romanian"},
    {"ru", "russian"},  {"es", "spanish"},   {"sv", "swedish"},    {"tr", "turkish"},
}};

// The Xapian stemmer name of `lang`, or empty when it names none.
std::string_view stemmer_name(std::string_view lang) {
    std::string code = Xapian::Unicode::tolower(std::string(lang));
    if (auto dash = code.find_first_of("-_"); dash != std::string::npos) code.resize(dash);
    for (const auto& [iso, name] : language_codes) {
        if (code == iso || code == name) return name;
    }
    return {};
}

}  // namespace

Xapian::Stem stemmer_for(std::string_view lang) {
    const std::string_view name = stemmer_name(lang);
    return Xapian::Stem(std::string(name.empty() ? "english" : name));
}

bool is_known_language(std::string_view lang) { return !stemmer_name(lang).empty(); }

std::string known_languages() {
    std::string out;
    for (const auto& [iso, name] : language_codes) out += (out.empty() ? "" : ", ") + std::string(iso);
    return out;
}

namespace {

// A stemmer that remembers its answers. Its memory is bounded: past the limit it only computes.
class CachingStemmer : public Xapian::StemImplementation {
public:
    explicit CachingStemmer(Xapian::Stem stem) : m_stem(std::move(stem)) {}

    std::string operator()(const std::string& word) override {
        if (auto it = m_stems.find(word); it != m_stems.end()) return it->second;
        std::string stem = m_stem(word);
        if (m_stems.size() < max_remembered) m_stems.emplace(word, stem);
        return stem;
    }
    std::string get_description() const override { return m_stem.get_description(); }

private:
    static constexpr std::size_t max_remembered = 200000;
    Xapian::Stem m_stem;
    std::unordered_map<std::string, std::string> m_stems;
};

}  // namespace

const Xapian::Stem& Stemmers::get(std::string_view lang) {
    for (const auto& [code, stem] : m_by_language) {
        if (code == lang) return stem;
    }
    m_by_language.emplace_back(std::string(lang), Xapian::Stem(new CachingStemmer(stemmer_for(lang))));
    return m_by_language.back().second;
}

namespace {

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_word_byte(char c) { return is_ascii_letter(c) || (c >= '0' && c <= '9'); }

}  // namespace

std::string index_form(std::string_view text) {
    std::string out = matching_form(text);
    // An initialism: single letters each followed by a dot (the last dot may be missing), at
    // least two, with no word character or dot right before or after it.
    for (std::size_t i = 0; i + 2 < out.size(); ++i) {
        if (!is_ascii_letter(out[i]) || out[i + 1] != '.' || !is_ascii_letter(out[i + 2])) continue;
        if (i > 0 && (is_ascii_word_byte(out[i - 1]) || out[i - 1] == '.' || out[i - 1] == '\'')) continue;
        std::size_t end = i;  // one past the last letter
        bool small = false;
        while (end < out.size() && is_ascii_letter(out[end]) && (end + 1 == out.size() || !is_ascii_word_byte(out[end + 1]))) {
            small = small || (out[end] >= 'a' && out[end] <= 'z');
            ++end;
            if (end < out.size() && out[end] == '.') {
                ++end;
            } else {
                break;
            }
        }
        const std::size_t letters = (end - i + 1) / 2;
        if (letters >= 2 && small) {
            for (std::size_t k = i; k < end; k += 2) out[k] = static_cast<char>(out[k] & ~0x20);
        }
        i = end > i ? end - 1 : i;
    }
    return out;
}

Xapian::TermGenerator make_term_generator(std::string_view lang) {
    Xapian::TermGenerator generator;
    generator.set_stemmer(stemmer_for(lang));
    generator.set_stemming_strategy(index_stemming);
    return generator;
}

Xapian::QueryParser make_query_parser(const Xapian::Database& db, std::string_view lang) {
    Xapian::QueryParser parser;
    parser.set_database(db);
    parser.set_stemmer(stemmer_for(lang));
    parser.set_stemming_strategy(query_stemming);
    parser.set_default_op(Xapian::Query::OP_AND);
    parser.add_prefix("", std::string(schema::stem_prefix));
    parser.add_prefix("title", std::string(schema::stem_prefix) + std::string(schema::title_prefix));
    return parser;
}

}  // namespace newsdex
