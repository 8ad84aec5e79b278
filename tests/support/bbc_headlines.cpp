#include "tests/support/bbc_headlines.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "tests/support/paths.hpp"
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

std::vector<std::string> headline_query(const std::string& headline) {
    auto edge = [](char c) { return !std::isalnum(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80; };
    std::vector<std::string> words;
    std::istringstream in(headline);
    for (std::string word; in >> word;) {
        while (!word.empty() && edge(word.front())) word.erase(0, 1);
        while (!word.empty() && edge(word.back())) word.pop_back();
        if (word.empty()) continue;
        if (word == "AND" || word == "OR" || word == "NOT" || word == "XOR" || word == "NEAR" || word == "ADJ") word = lower(word);
        words.push_back(word);
    }
    return words;
}

}  // namespace newsdex::test
