#include "benchmarks/typo_sample.hpp"

#include <set>
#include <utility>

#include "benchmarks/split_mix.hpp"
#include "common/schema.hpp"

namespace newsdex {
namespace {

// Tries at a typo that is no word before a word is given up.
constexpr int max_tries = 50;

void add_words(const std::string& text, std::set<std::string>& words) {
    std::string word;
    for (char c : text + " ") {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            word += static_cast<char>(c | 0x20);
        } else if (!word.empty()) {
            words.insert(word);
            word.clear();
        }
    }
}

}  // namespace

std::map<std::string, std::size_t> written_words(const Xapian::Database& db, std::size_t max_documents) {
    std::map<std::string, std::size_t> frequencies;
    std::size_t read = 0;
    for (auto it = db.postlist_begin(""); it != db.postlist_end("") && read < max_documents; ++it, ++read) {
        const schema::StoredArticle article = schema::decode(db.get_document(*it).get_data());
        std::set<std::string> words;
        add_words(article.title, words);
        for (const auto& paragraph : article.paragraphs) add_words(paragraph, words);
        for (const auto& word : words) ++frequencies[word];
    }
    return frequencies;
}

const char* typo_kind_name(int kind) {
    switch (kind) {
        case 0: return "deletion";
        case 1: return "insertion";
        case 2: return "substitution";
        default: return "swap";
    }
}

std::vector<Typo> one_edit_typos(const std::map<std::string, std::size_t>& words, std::size_t count,
                                 std::size_t min_articles, std::uint64_t seed) {
    std::vector<std::string> common;
    for (const auto& [word, articles] : words) {
        if (articles >= min_articles && word.size() >= 3) common.push_back(word);
    }
    SplitMix random(seed);
    count = std::min(count, common.size());
    for (std::size_t i = 0; i < count; ++i) std::swap(common[i], common[i + random.below(common.size() - i)]);

    std::vector<Typo> typos;
    for (std::size_t i = 0; i < count; ++i) {
        const std::string& word = common[i];
        const int kind = static_cast<int>(i % 4);
        for (int attempt = 0; attempt < max_tries; ++attempt) {
            std::string typo = word;
            const auto letter = static_cast<char>('a' + random.below(26));
            const std::size_t at = random.below(word.size());
            switch (kind) {
                case 0: typo.erase(at, 1); break;
                case 1: typo.insert(random.below(word.size() + 1), 1, letter); break;
                case 2: typo[at] = letter; break;
                default:
                    if (at + 1 < typo.size()) std::swap(typo[at], typo[at + 1]);
                    break;
            }
            if (typo != word && !words.count(typo)) {
                typos.push_back({word, typo, kind});
                break;
            }
        }
    }
    return typos;
}

}  // namespace newsdex
