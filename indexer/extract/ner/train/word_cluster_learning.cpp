#include "indexer/extract/ner/train/word_cluster_learning.hpp"

#include "indexer/extract/ner/code_point.hpp"
#include "indexer/extract/ner/train/conll_corpus.hpp"
#include "indexer/extract/ner/train/exchange_clustering.hpp"
#include "indexer/extract/ner/ner_tokenizer.hpp"
#include "indexer/extract/ner/sentence_layout.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unordered_map>

namespace newsdex {
namespace {

// Word ids 0 and 1 are the sentence boundary and every word below the count threshold.
constexpr std::uint32_t boundary_id = 0;
constexpr std::uint32_t rare_id = 1;

// A word as the tables key it: typographic apostrophes as "'".
std::string plain_word(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const CodePoint cp = decode_code_point(text, i);
        if (is_apostrophe_char(cp.value)) out += '\'';
        else out.append(text.substr(i, cp.next - i));
        i = cp.next;
    }
    return out;
}

std::string lower_word(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const CodePoint cp = decode_code_point(text, i);
        char bytes[4];
        const std::int32_t c = is_apostrophe_char(cp.value) ? '\'' : to_lower_char(cp.value);
        out.append(bytes, encode_code_point(c, bytes));
        i = cp.next;
    }
    return out;
}

// Sentences as words, and each lower-case word's running-text capitalisation.
class Collector {
public:
    void add(const NerSentence& sentence) {
        const bool running_text = line_case(sentence) == LineCase::normal;
        for (std::size_t i = 0; i < sentence.tokens.size(); ++i) {
            const NerToken& token = sentence.tokens[i];
            std::string word = plain_word(token.text);
            if (running_text && token_position(sentence, i) == 2 && (token.flags & token_has_letter) != 0) {
                auto& [capitalised, total] = m_case[lower_word(token.text)];
                ++total;
                if ((token.flags & token_first_upper) != 0) ++capitalised;
            }
            auto [it, inserted] = m_ids.try_emplace(word, static_cast<std::uint32_t>(m_words.size()));
            if (inserted) {
                m_words.push_back(word);
                m_counts.push_back(0);
            }
            ++m_counts[it->second];
            m_text.push_back(it->second);
        }
        m_text.push_back(no_word);
    }

    void add_text_file(const std::filesystem::path& file) {
        std::ifstream in(file, std::ios::binary);
        if (!in) throw std::runtime_error(file.string() + ": cannot open");
        std::string line;
        std::vector<NerSentence> sentences;
        while (std::getline(in, line)) {
            sentences.clear();
            tokenize_line(line, 0, sentences);
            for (const auto& sentence : sentences) add(sentence);
        }
    }

    // The text as vocabulary ids: kept words from 2 on, by count (ties by spelling).
    std::vector<std::uint32_t> text_ids(std::uint32_t min_count, std::vector<std::string>& vocabulary) const {
        std::vector<std::uint32_t> kept;
        for (std::uint32_t w = 0; w < m_words.size(); ++w)
            if (m_counts[w] >= min_count) kept.push_back(w);
        std::sort(kept.begin(), kept.end(), [this](std::uint32_t a, std::uint32_t b) {
            return m_counts[a] != m_counts[b] ? m_counts[a] > m_counts[b] : m_words[a] < m_words[b];
        });
        std::vector<std::uint32_t> id_of(m_words.size(), rare_id);
        vocabulary = {"<s>", "<rare>"};
        for (std::uint32_t w : kept) {
            id_of[w] = static_cast<std::uint32_t>(vocabulary.size());
            vocabulary.push_back(m_words[w]);
        }
        std::vector<std::uint32_t> text;
        text.reserve(m_text.size() + 1);
        text.push_back(boundary_id);
        for (std::uint32_t w : m_text) text.push_back(w == no_word ? boundary_id : id_of[w]);
        return text;
    }

    // Lower-case word -> (capitalised, total) away from sentence starts, in spelling order.
    const std::map<std::string, std::pair<std::uint32_t, std::uint32_t>>& case_counts() const { return m_case; }

private:
    static constexpr std::uint32_t no_word = 0xffffffffu;
    std::unordered_map<std::string, std::uint32_t> m_ids;
    std::vector<std::string> m_words;
    std::vector<std::uint32_t> m_counts;
    std::vector<std::uint32_t> m_text;
    std::map<std::string, std::pair<std::uint32_t, std::uint32_t>> m_case;
};

std::vector<std::filesystem::path> text_files(const std::filesystem::path& input) {
    std::vector<std::filesystem::path> files;
    if (std::filesystem::is_directory(input)) {
        for (const auto& item : std::filesystem::recursive_directory_iterator(input))
            if (item.is_regular_file() && item.path().extension() == ".txt") files.push_back(item.path());
        std::sort(files.begin(), files.end());
    } else {
        files.push_back(input);
    }
    return files;
}

void write_file(const std::filesystem::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) throw std::runtime_error(file.string() + ": cannot write");
}

}  // namespace

void learn_word_clusters(const ClusterLearningSettings& settings, std::ostream& log) {
    Collector collector;
    std::size_t files = 0;
    for (const auto& input : settings.text_inputs)
        for (const auto& file : text_files(input)) {
            collector.add_text_file(file);
            ++files;
        }
    for (const auto& file : settings.conll_inputs) {
        const ConllCorpus corpus = ConllCorpus::load(file);
        for (const auto& document : corpus.documents())
            for (const auto& sentence : document.document.sentences) collector.add(sentence);
    }
    std::vector<std::string> vocabulary;
    const std::vector<std::uint32_t> text = collector.text_ids(settings.min_count, vocabulary);
    log << "read " << files << " text files and " << settings.conll_inputs.size() << " annotated files: " << text.size()
        << " tokens, " << vocabulary.size() - 2 << " words seen at least " << settings.min_count << " times\n";

    std::vector<std::vector<std::uint32_t>> classes;
    for (std::uint32_t k : settings.classes) {
        ExchangeSettings exchange;
        exchange.classes = k;
        exchange.max_iterations = settings.max_iterations;
        classes.push_back(exchange_clustering(text, static_cast<std::uint32_t>(vocabulary.size()), exchange, log));
    }

    std::ostringstream out;
    out << "# Word classes for the recogniser: word, then its class among " << settings.classes[0] << ", "
        << settings.classes[1] << " and " << settings.classes[2] << ".\n"
        << "# Written by newsdex-learn-clusters (exchange algorithm on unlabeled news); do not edit.\n";
    for (std::size_t w = 2; w < vocabulary.size(); ++w)
        out << vocabulary[w] << '\t' << classes[0][w] << '\t' << classes[1][w] << '\t' << classes[2][w] << '\n';
    write_file(settings.classes_output, out.str());

    std::ostringstream cases;
    cases << "# How often each lower-case word is written capitalised away from a sentence start:\n"
          << "# word, percent capitalised, occurrences. Written by newsdex-learn-clusters; do not edit.\n";
    for (const auto& [word, counts] : collector.case_counts()) {
        const auto [capitalised, total] = counts;
        if (total < settings.min_count) continue;
        cases << word << '\t' << (capitalised * 100 + total / 2) / total << '\t' << total << '\n';
    }
    write_file(settings.case_output, cases.str());
}

}  // namespace newsdex
