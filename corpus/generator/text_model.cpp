#include "corpus/generator/text_model.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

namespace newsdex::generator {

namespace {

// How often a body word is drawn from the one-word context instead of the two-word one. Without it
// the chain replays long verbatim runs of the training text, and unrelated generated articles
// would share 5-word shingles.
constexpr double k_body_back_off = 0.15;
// Headlines come from a much smaller sample (one per article), so they back off more.
constexpr double k_headline_back_off = 0.30;

constexpr std::size_t k_min_articles = 10;

std::uint64_t context_key(std::uint32_t a, std::uint32_t b)
{
    return (static_cast<std::uint64_t>(a) << 32) | b;
}

bool starts_with_at(std::string_view text, std::size_t pos, std::string_view what)
{
    return text.size() >= pos + what.size() && text.compare(pos, what.size(), what) == 0;
}

// Opening and closing quote marks in UTF-8.
constexpr std::string_view k_left_double = "\xE2\x80\x9C";
constexpr std::string_view k_right_double = "\xE2\x80\x9D";
constexpr std::string_view k_left_single = "\xE2\x80\x98";
constexpr std::string_view k_right_single = "\xE2\x80\x99";

std::string_view bare_word(std::string_view token)
{
    return split_word(token).bare;
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

std::string ascii_lower(std::string_view text)
{
    std::string out(text);
    for (char& c : out) {
        if (is_upper(c)) {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

const std::unordered_set<std::string_view>& abbreviations()
{
    static const std::unordered_set<std::string_view> set = {
        "Mr.",  "Mrs.", "Ms.",  "Dr.",  "St.",  "Jr.",  "Sr.",  "vs.",  "No.",  "Gen.", "Sen.",
        "Rep.", "Gov.", "Lt.",  "Col.", "Sgt.", "Capt.", "Prof.", "Jan.", "Feb.", "Aug.", "Sept.",
        "Oct.", "Nov.", "Dec.", "U.S.", "U.K.", "a.m.", "p.m.", "e.g.", "i.e.", "etc.", "Inc.", "Co."};
    return set;
}

// True for a token that ends a sentence: final . ! or ?, possibly inside closing quotes, and not a
// known abbreviation or an initial ("J.").
bool ends_sentence(std::string_view token)
{
    std::size_t end = token.size();
    for (;;) {
        if (end > 0 && (token[end - 1] == '"' || token[end - 1] == '\'' || token[end - 1] == ')')) {
            --end;
        } else if (end >= 3 && (starts_with_at(token, end - 3, k_right_double) ||
                                starts_with_at(token, end - 3, k_right_single))) {
            end -= 3;
        } else {
            break;
        }
    }
    if (end == 0) {
        return false;
    }
    const char last = token[end - 1];
    if (last == '!' || last == '?') {
        return true;
    }
    if (last != '.') {
        return false;
    }
    if (abbreviations().count(token.substr(0, end)) != 0) {
        return false;
    }
    if (end == 2 && is_upper(token[0])) {
        return false;
    }
    return true;
}

bool valid_utf8(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t extra = 0;
        // The allowed range of the second byte excludes overlong forms and surrogates.
        unsigned char second_lo = 0x80;
        unsigned char second_hi = 0xBF;
        if (c < 0x80) {
            extra = 0;
        } else if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            second_lo = (c == 0xE0) ? 0xA0 : 0x80;
            second_hi = (c == 0xED) ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            second_lo = (c == 0xF0) ? 0x90 : 0x80;
            second_hi = (c == 0xF4) ? 0x8F : 0xBF;
        } else {
            return false;
        }
        if (i + extra >= text.size() && extra > 0) {
            return false;
        }
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            const unsigned char lo = (k == 1) ? second_lo : 0x80;
            const unsigned char hi = (k == 1) ? second_hi : 0xBF;
            if (cc < lo || cc > hi) {
                return false;
            }
        }
        i += extra + 1;
    }
    return true;
}

const std::unordered_set<std::string_view>& title_words()
{
    static const std::unordered_set<std::string_view> set = {
        "President", "Minister", "Prime", "Secretary", "Chancellor", "Chairman", "Chairwoman", "Chief",
        "Executive", "Senator", "Governor", "Mayor", "King", "Queen", "Prince", "Princess", "Pope",
        "General", "Commissioner", "Director", "Ambassador", "Judge", "Speaker", "Leader", "Lord",
        "Lady", "Dame", "Professor", "Coach", "Manager", "Captain", "Deputy", "Foreign", "Finance",
        "Home", "Defence", "Defense", "Culture", "Health", "Trade", "Economy", "Vice"};
    return set;
}

const std::unordered_set<std::string_view>& honorific_words()
{
    static const std::unordered_set<std::string_view> set = {"Mr", "Mrs", "Ms", "Dr", "Sir", "Mr.", "Mrs.",
                                                            "Ms.", "Dr."};
    return set;
}

const std::unordered_set<std::string_view>& country_words()
{
    static const std::unordered_set<std::string_view> set = {
        "US",      "UK",        "Britain",   "America", "China",    "Japan",    "France",   "Germany",
        "India",   "Russia",    "Iraq",      "Iran",    "Italy",    "Spain",    "Europe",   "Australia",
        "Brazil",  "Canada",    "Ireland",   "Scotland", "Wales",   "England",  "Israel",   "Africa",
        "Mexico",  "Korea",     "Pakistan",  "Nigeria", "Egypt",    "Turkey",   "Greece",   "Poland",
        "Sweden",  "Norway",    "Denmark",   "Holland", "Belgium",  "Switzerland", "Austria", "Argentina",
        "Ukraine", "Afghanistan", "Syria",   "Kenya",   "Zimbabwe", "Asia",     "Singapore", "Taiwan",
        "Indonesia", "Thailand", "Vietnam",  "Portugal", "Chile",   "Colombia", "Venezuela", "Myanmar"};
    return set;
}

// Capitalised words that are not names of people, organisations or places.
const std::unordered_set<std::string_view>& not_names()
{
    static const std::unordered_set<std::string_view> set = {
        "I",         "I'm",      "I've",     "I'd",      "I'll",     "January",  "February", "March",
        "April",     "May",      "June",     "July",     "August",   "September", "October", "November",
        "December",  "Monday",   "Tuesday",  "Wednesday", "Thursday", "Friday",  "Saturday", "Sunday",
        "British",   "American", "European", "English", "French",   "German",   "Chinese",  "Japanese",
        "Indian",    "Russian",  "Italian",  "Spanish",  "Irish",   "Scottish", "Welsh",    "Australian",
        "African",   "Asian",    "Israeli",  "Iraqi",    "Iranian", "Canadian", "Dutch",    "Swiss",
        "Christmas", "Easter",   "TV",       "PC",       "PCs",     "DVD",      "DVDs",     "CD",
        "CDs",       "MP",       "MPs",      "GDP",      "CEO",     "OK",       "Internet", "Web",
        "AM",        "PM",       "UN",       "EU",       "Mr",      "Mrs",      "Ms",       "Dr"};
    return set;
}

bool name_shaped(std::string_view bare)
{
    if (bare.size() < 2 || !is_upper(bare[0])) {
        return false;
    }
    bool has_lower_or_caps = false;
    for (char c : bare) {
        const auto u = static_cast<unsigned char>(c);
        if (is_upper(c) || is_lower(c) || u >= 0x80) {
            has_lower_or_caps = true;
        } else if (c != '-' && c != '.' && c != '\'' && c != '&') {
            return false;
        }
    }
    return has_lower_or_caps;
}

struct NameCounts {
    std::uint32_t capitalised_inside = 0;  // capitalised, not first word of a sentence
    std::uint32_t lower = 0;
    std::uint32_t after_honorific = 0;
};

// One article split into its headline and paragraphs of tokens.
struct ParsedArticle {
    std::vector<std::string> headline;
    std::vector<std::vector<std::string>> paragraphs;
    std::size_t body_bytes = 0;
};

std::vector<std::string> tokenize(std::string_view line)
{
    std::vector<std::string> tokens;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) {
            ++i;
        }
        const std::size_t start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') {
            ++i;
        }
        if (i > start) {
            std::string_view token = line.substr(start, i - start);
            // A stray byte of another encoding would make the output invalid JSON; skip the word.
            if (valid_utf8(token)) {
                tokens.emplace_back(token);
            }
        }
    }
    return tokens;
}

ParsedArticle parse_article(const std::string& text)
{
    ParsedArticle article;
    std::istringstream in(text);
    std::string line;
    std::string paragraph;
    bool have_headline = false;
    std::size_t paragraph_count = 0;
    auto flush = [&] {
        if (paragraph.empty()) {
            return;
        }
        auto tokens = tokenize(paragraph);
        if (!tokens.empty()) {
            article.body_bytes += paragraph.size();
            ++paragraph_count;
            article.paragraphs.push_back(std::move(tokens));
        }
        paragraph.clear();
    };
    while (std::getline(in, line)) {
        const bool blank = line.find_first_not_of(" \t\r") == std::string::npos;
        if (!have_headline) {
            if (!blank) {
                article.headline = tokenize(line);
                have_headline = true;
            }
            continue;
        }
        if (blank) {
            flush();
        } else {
            if (!paragraph.empty()) {
                paragraph += ' ';
            }
            paragraph += line;
        }
    }
    flush();
    if (paragraph_count > 1) {
        article.body_bytes += 2 * (paragraph_count - 1);
    }
    return article;
}

std::string read_file(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw ModelError("cannot read " + path.string());
    }
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

template <typename T>
std::size_t draw_index(const std::vector<T>& values, Rng& rng)
{
    return static_cast<std::size_t>(rng.below(values.size()));
}

}  // namespace

WordParts split_word(std::string_view token)
{
    std::size_t begin = 0;
    while (begin < token.size()) {
        const char c = token[begin];
        if (c == '"' || c == '\'' || c == '(' || c == '[') {
            ++begin;
        } else if (starts_with_at(token, begin, k_left_double) || starts_with_at(token, begin, k_left_single)) {
            begin += 3;
        } else {
            break;
        }
    }
    std::size_t end = token.size();
    while (end > begin) {
        const char c = token[end - 1];
        if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == ']' ||
            c == '"' || c == '\'') {
            --end;
        } else if (end - begin >= 3 && (starts_with_at(token, end - 3, k_right_double) ||
                                        starts_with_at(token, end - 3, k_right_single))) {
            end -= 3;
        } else {
            break;
        }
    }
    WordParts parts;
    parts.prefix = token.substr(0, begin);
    parts.suffix = token.substr(end);
    std::string_view word = token.substr(begin, end - begin);
    if (word.size() > 2 && word.substr(word.size() - 2) == "'s") {
        parts.possessive = word.substr(word.size() - 2);
        word.remove_suffix(2);
    } else if (word.size() > 4 && word.substr(word.size() - 4) == "\xE2\x80\x99s") {
        parts.possessive = word.substr(word.size() - 4);
        word.remove_suffix(4);
    }
    parts.bare = word;
    return parts;
}

void MarkovChain::build(const std::vector<std::uint32_t>& sequences, std::size_t vocabulary_size)
{
    struct Triple {
        std::uint32_t a, b, c;
    };
    std::vector<Triple> triples;
    triples.reserve(sequences.size());
    std::uint32_t a = begin_id;
    std::uint32_t b = begin_id;
    for (const std::uint32_t w : sequences) {
        triples.push_back({a, b, w});
        if (w == end_id) {
            a = begin_id;
            b = begin_id;
        } else {
            a = b;
            b = w;
        }
    }
    std::sort(triples.begin(), triples.end(), [](const Triple& x, const Triple& y) {
        if (x.a != y.a) {
            return x.a < y.a;
        }
        if (x.b != y.b) {
            return x.b < y.b;
        }
        return x.c < y.c;
    });

    // Contexts in sorted order, each owning a run of successors.
    m_keys.clear();
    m_offsets.clear();
    for (std::size_t i = 0; i < triples.size(); ++i) {
        const std::uint64_t key = context_key(triples[i].a, triples[i].b);
        if (m_keys.empty() || m_keys.back() != key) {
            m_keys.push_back(key);
            m_offsets.push_back(static_cast<std::uint32_t>(i));
        }
    }
    m_offsets.push_back(static_cast<std::uint32_t>(triples.size()));
    m_first.assign(vocabulary_size + 1, 0);
    for (const std::uint64_t key : m_keys) {
        ++m_first[(key >> 32) + 1];
    }
    for (std::size_t i = 1; i < m_first.size(); ++i) {
        m_first[i] += m_first[i - 1];
    }
    auto link = [this](std::uint32_t previous, std::uint32_t word) {
        const Cursor c = word == end_id ? Cursor{} : find(previous, word);
        return Entry{word, c.offset, c.count};
    };
    m_trigram.resize(triples.size());
    for (std::size_t i = 0; i < triples.size(); ++i) {
        m_trigram[i] = link(triples[i].b, triples[i].c);
    }
    m_start = find(begin_id, begin_id);

    // One-word contexts in CSR form, successors in training order.
    m_bigram_offsets.assign(vocabulary_size + 1, 0);
    for (const Triple& t : triples) {
        ++m_bigram_offsets[t.b + 1];
    }
    for (std::size_t i = 1; i < m_bigram_offsets.size(); ++i) {
        m_bigram_offsets[i] += m_bigram_offsets[i - 1];
    }
    m_bigram.assign(sequences.size(), Entry{end_id, 0, 0});
    std::vector<std::uint32_t> fill(m_bigram_offsets.begin(), m_bigram_offsets.end() - 1);
    b = begin_id;
    for (const std::uint32_t w : sequences) {
        m_bigram[fill[b]++] = link(b, w);
        b = (w == end_id) ? begin_id : w;
    }
}

MarkovChain::Cursor MarkovChain::find(std::uint32_t a, std::uint32_t b) const
{
    // Only the contexts starting with a are searched.
    const std::uint64_t key = context_key(a, b);
    const auto end = m_keys.begin() + m_first[a + 1];
    const auto it = std::lower_bound(m_keys.begin() + m_first[a], end, key);
    if (it == end || *it != key) {
        return Cursor{0, 0, b};
    }
    const auto index = static_cast<std::size_t>(it - m_keys.begin());
    return Cursor{m_offsets[index], m_offsets[index + 1] - m_offsets[index], b};
}

std::uint32_t MarkovChain::next(std::uint32_t a, std::uint32_t b, bool back_off, Rng& rng) const
{
    if (!back_off) {
        const Cursor context = find(a, b);
        if (context.count > 0) {
            return m_trigram[context.offset + rng.below(context.count)].word;
        }
    }
    const std::uint32_t lo = m_bigram_offsets[b];
    const std::uint32_t hi = m_bigram_offsets[b + 1];
    if (lo == hi) {
        return end_id;
    }
    return m_bigram[lo + rng.below(hi - lo)].word;
}

TextModel TextModel::from_directory(const std::filesystem::path& dir)
{
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        throw ModelError("model directory " + dir.string() + " does not exist (pass --model-from DIR)");
    }
    std::vector<std::filesystem::path> files;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".txt") {
            files.push_back(it->path());
        }
    }
    if (ec) {
        throw ModelError("cannot list " + dir.string() + ": " + ec.message());
    }
    // Sorted, so the model (and with it every generated byte) does not depend on directory order.
    std::sort(files.begin(), files.end());
    std::vector<std::string> texts;
    texts.reserve(files.size());
    for (const auto& file : files) {
        texts.push_back(read_file(file));
    }
    try {
        return from_texts(texts);
    } catch (const ModelError& e) {
        throw ModelError(dir.string() + ": " + e.what());
    }
}

TextModel TextModel::from_texts(const std::vector<std::string>& texts)
{
    TextModel model;
    model.m_words = {"", ""};
    std::unordered_map<std::string, std::uint32_t> ids;
    // Name evidence is counted per token here and merged per lower-cased word afterwards.
    std::vector<NameCounts> token_counts(2);
    std::vector<bool> token_is_honorific(2, false);
    auto intern = [&](const std::string& token) {
        const auto [it, inserted] = ids.try_emplace(token, static_cast<std::uint32_t>(model.m_words.size()));
        if (inserted) {
            model.m_words.push_back(token);
            token_counts.emplace_back();
            token_is_honorific.push_back(honorific_words().count(token) != 0);
        }
        return it->second;
    };

    std::vector<std::uint32_t> body_stream;
    std::vector<std::uint32_t> headline_stream;
    std::uint64_t total_body_bytes = 0;

    for (const auto& text : texts) {
        ParsedArticle article = parse_article(text);
        if (article.headline.empty() || article.paragraphs.empty()) {
            continue;
        }
        ++model.m_stats.articles;
        model.m_body_bytes.push_back(static_cast<std::uint32_t>(article.body_bytes));
        total_body_bytes += article.body_bytes;

        for (const auto& token : article.headline) {
            headline_stream.push_back(intern(token));
        }
        headline_stream.push_back(MarkovChain::end_id);
        model.m_headline_words.push_back(static_cast<std::uint16_t>(std::min<std::size_t>(article.headline.size(), 30)));

        for (const auto& paragraph : article.paragraphs) {
            std::size_t sentences = 0;
            std::size_t words_in_sentence = 0;
            std::uint32_t previous = MarkovChain::begin_id;
            for (const auto& token : paragraph) {
                const std::uint32_t id = intern(token);
                body_stream.push_back(id);
                model.m_unigram.push_back(id);
                ++model.m_stats.words;

                const std::string_view bare = bare_word(token);
                const char first = bare.empty() ? ' ' : bare[0];
                NameCounts& counts = token_counts[id];
                if (is_lower(first)) {
                    ++counts.lower;
                } else if (is_upper(first) && words_in_sentence > 0) {
                    ++counts.capitalised_inside;
                    if (token_is_honorific[previous]) {
                        ++counts.after_honorific;
                    }
                }
                ++words_in_sentence;
                previous = id;
                if (ends_sentence(token)) {
                    body_stream.push_back(MarkovChain::end_id);
                    model.m_sentence_words.push_back(static_cast<std::uint16_t>(std::min<std::size_t>(words_in_sentence, 200)));
                    ++sentences;
                    words_in_sentence = 0;
                    previous = MarkovChain::begin_id;
                }
            }
            if (words_in_sentence > 0) {
                // A paragraph that ends without a full stop still ends its sentence.
                body_stream.push_back(MarkovChain::end_id);
                model.m_sentence_words.push_back(static_cast<std::uint16_t>(std::min<std::size_t>(words_in_sentence, 200)));
                ++sentences;
            }
            model.m_paragraph_sentences.push_back(static_cast<std::uint16_t>(std::min<std::size_t>(sentences, 50)));
            model.m_stats.sentences += sentences;
        }
    }
    if (model.m_stats.articles < k_min_articles) {
        throw ModelError("found " + std::to_string(model.m_stats.articles) +
                         " usable articles (headline, blank line, paragraphs); need at least " +
                         std::to_string(k_min_articles));
    }
    model.m_mean_body_bytes = static_cast<double>(total_body_bytes) / static_cast<double>(model.m_stats.articles);

    std::unordered_map<std::string, NameCounts> name_counts;
    for (std::size_t id = 2; id < model.m_words.size(); ++id) {
        const std::string_view bare = bare_word(model.m_words[id]);
        if (bare.empty()) {
            continue;
        }
        NameCounts& merged = name_counts[ascii_lower(bare)];
        merged.lower += token_counts[id].lower;
        merged.capitalised_inside += token_counts[id].capitalised_inside;
        merged.after_honorific += token_counts[id].after_honorific;
    }

    model.m_flags.assign(model.m_words.size(), 0);
    for (std::size_t id = 2; id < model.m_words.size(); ++id) {
        const std::string& token = model.m_words[id];
        std::uint8_t flags = 0;
        if (ends_sentence(token)) {
            flags |= word_flag::sentence_end;
        }
        const std::string_view bare = bare_word(token);
        if (title_words().count(bare) != 0) {
            flags |= word_flag::title;
        } else if (honorific_words().count(bare) != 0 || honorific_words().count(token) != 0) {
            flags |= word_flag::honorific;
        } else if (country_words().count(bare) != 0) {
            flags |= word_flag::name | word_flag::country;
        } else if (name_shaped(bare) && not_names().count(bare) == 0) {
            const auto it = name_counts.find(ascii_lower(bare));
            if (it != name_counts.end()) {
                const NameCounts& counts = it->second;
                if (counts.capitalised_inside >= 2 && counts.lower * 20 <= counts.capitalised_inside) {
                    flags |= word_flag::name;
                    if (counts.after_honorific >= 1) {
                        flags |= word_flag::surname;
                    }
                }
            }
        }
        model.m_flags[id] = flags;
    }

    model.m_body.build(body_stream, model.m_words.size());
    model.m_headlines.build(headline_stream, model.m_words.size());
    model.m_stats.vocabulary = model.m_words.size() - 2;
    model.m_stats.contexts = model.m_body.context_count();
    return model;
}

void TextModel::sentences(Rng& rng, std::vector<Sentence>& out) const
{
    struct Walker {
        Rng rng;
        MarkovChain::Cursor cursor;
        const MarkovChain::Entry* pending = nullptr;
        std::size_t target = 0;
        std::size_t n = 0;
        int steps = 0;
        bool done = false;
    };
    auto ending = [this](std::uint32_t w) {
        return w == MarkovChain::end_id || (m_flags[w] & word_flag::sentence_end) != 0;
    };
    auto draw = [this](Walker& walker) {
        return m_body.choose(walker.cursor, walker.n > 0 && walker.rng.chance(k_body_back_off), walker.rng);
    };

    std::vector<Walker> walkers;
    walkers.reserve(out.size());
    for (auto& sentence : out) {
        sentence.words.clear();
        sentence.needs_period = false;
        Walker walker{Rng(rng.next()), m_body.start()};
        walker.target = std::max<std::size_t>(3, m_sentence_words[draw_index(m_sentence_words, walker.rng)]);
        walker.pending = draw(walker);
        __builtin_prefetch(walker.pending);
        walkers.push_back(walker);
    }
    // Round-robin over the walkers: while one waits for its next entry, the others proceed.
    std::size_t active = walkers.size();
    while (active > 0) {
        for (std::size_t i = 0; i < walkers.size(); ++i) {
            Walker& walker = walkers[i];
            if (walker.done) {
                continue;
            }
            Sentence& sentence = out[i];
            const MarkovChain::Entry* entry = walker.pending;
            if (walker.n + 1 < walker.target) {
                // Too short yet: steer away from ending the sentence.
                for (int t = 0; t < 3 && ending(entry->word); ++t) {
                    entry = draw(walker);
                }
            } else {
                // Long enough: look for a way to end it.
                for (int t = 0; t < 4 && !ending(entry->word); ++t) {
                    entry = draw(walker);
                }
            }
            bool finished = false;
            if (entry->word == MarkovChain::end_id) {
                finished = walker.n > 0;
                sentence.needs_period = finished;
            } else {
                sentence.words.push_back(entry->word);
                ++walker.n;
                if ((m_flags[entry->word] & word_flag::sentence_end) != 0) {
                    finished = true;
                } else if (walker.n >= walker.target + 12 || entry->count == 0) {
                    sentence.needs_period = true;
                    finished = true;
                } else {
                    walker.cursor = MarkovChain::follow(*entry);
                }
            }
            if (!finished && ++walker.steps >= 400) {
                sentence.needs_period = walker.n > 0;
                finished = true;
            }
            if (finished) {
                walker.done = true;
                --active;
                continue;
            }
            walker.pending = draw(walker);
            __builtin_prefetch(walker.pending);
        }
    }
}

void TextModel::headline(Rng& rng, std::vector<std::uint32_t>& out) const
{
    const std::size_t target = std::max<std::size_t>(2, m_headline_words[draw_index(m_headline_words, rng)]);
    std::uint32_t a = MarkovChain::begin_id;
    std::uint32_t b = MarkovChain::begin_id;
    std::size_t n = 0;
    for (int guard = 0; guard < 200; ++guard) {
        // Backing off to the body's one-word context (not the headlines' own) keeps headlines from
        // replaying real ones verbatim; words with a full stop are refused, headlines have none.
        auto draw = [&] {
            if (n > 0 && rng.chance(k_headline_back_off)) {
                return m_body.next(a, b, true, rng);
            }
            return m_headlines.next(a, b, false, rng);
        };
        auto draw_fit = [&] {
            for (int t = 0; t < 4; ++t) {
                const std::uint32_t w = draw();
                if (w == MarkovChain::end_id || (m_flags[w] & word_flag::sentence_end) == 0) {
                    return w;
                }
            }
            return MarkovChain::end_id;
        };
        std::uint32_t w = draw_fit();
        if (n + 1 < target) {
            for (int t = 0; t < 3 && w == MarkovChain::end_id; ++t) {
                w = draw_fit();
            }
        } else {
            for (int t = 0; t < 4 && w != MarkovChain::end_id; ++t) {
                w = draw_fit();
            }
        }
        if (w == MarkovChain::end_id) {
            if (n < 2) {
                continue;
            }
            return;
        }
        out.push_back(w);
        ++n;
        if (n >= target + 4) {
            return;
        }
        a = b;
        b = w;
    }
}

std::size_t TextModel::paragraph_sentences(Rng& rng) const
{
    return std::max<std::size_t>(1, m_paragraph_sentences[draw_index(m_paragraph_sentences, rng)]);
}

std::size_t TextModel::body_bytes(Rng& rng) const
{
    return m_body_bytes[draw_index(m_body_bytes, rng)];
}

std::uint32_t TextModel::random_word(Rng& rng) const
{
    return m_unigram[draw_index(m_unigram, rng)];
}

}  // namespace newsdex::generator
