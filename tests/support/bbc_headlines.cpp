#include "tests/support/bbc_headlines.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "tests/support/paths.hpp"
#include "tests/support/shared_indexes.hpp"
#include "benchmarks/split_mix.hpp"
#include "tests/support/snippet_text.hpp"

namespace newsdex::test {
namespace fs = std::filesystem;

std::vector<BbcFile> distinct_bbc_files() {
    std::vector<fs::path> paths;
    for (const auto& entry : fs::recursive_directory_iterator(shared_corpus() / "bbc")) {
        if (entry.is_regular_file() && entry.path().extension() == ".txt" && entry.path().parent_path() != shared_corpus() / "bbc") {
            paths.push_back(entry.path());
        }
    }
    std::sort(paths.begin(), paths.end());
    std::set<std::string> seen;
    std::vector<BbcFile> files;
    for (const auto& path : paths) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream content;
        content << in.rdbuf();
        if (!seen.insert(content.str()).second) continue;
        std::string id = (path.parent_path().filename() / path.stem()).string();
        files.push_back({id, content.str().substr(0, content.str().find('\n'))});
    }
    return files;
}

std::vector<BbcFile> sample_files(std::vector<BbcFile> files, std::size_t count, std::uint64_t seed) {
    SplitMix random(seed);
    count = std::min(count, files.size());
    for (std::size_t i = 0; i < count; ++i) std::swap(files[i], files[i + random.below(files.size() - i)]);
    files.resize(count);
    return files;
}

namespace {

bool is_operator(const std::string& word) {
    return word == "AND" || word == "OR" || word == "NOT" || word == "XOR" || word == "NEAR" || word == "ADJ";
}

}  // namespace

std::vector<std::string> headline_query(const std::string& headline) {
    auto edge = [](char c) { return !std::isalnum(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80; };
    std::vector<std::string> words;
    std::istringstream in(headline);
    for (std::string word; in >> word;) {
        while (!word.empty() && edge(word.front())) word.erase(0, 1);
        while (!word.empty() && edge(word.back())) word.pop_back();
        if (word.empty()) continue;
        if (is_operator(word)) word = lower(word);
        words.push_back(word);
    }
    return words;
}

std::vector<std::string> stripped_headline_query(const std::string& headline) {
    std::vector<std::string> words;
    std::istringstream in(headline);
    for (std::string word; in >> word;) {
        std::erase_if(word, [](char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; });
        if (word.empty()) continue;
        if (is_operator(word)) word = lower(word);
        words.push_back(word);
    }
    return words;
}

bool finds_first(const TempDir& db, const BbcFile& file, const std::vector<std::string>& query, std::string& top) {
    std::vector<std::string> args = query;
    args.insert(args.begin(), {"--limit", "1"});
    nlohmann::json result = search_json(db, args);
    top = result["results"].empty() ? "" : result["results"][0]["id"].get<std::string>();
    if (top.empty()) return false;
    if (top == file.id) return true;
    // A file whose cleaned text equals an earlier one's is folded into that document, and near
    // copies are one story, shown by one of them.
    nlohmann::json shown = search_json(db, {"--show", file.id});
    return shown["id"] == top || (!shown["cluster"].empty() && shown["cluster"] == result["results"][0]["cluster"]);
}

}  // namespace newsdex::test
