#pragma once
/// Reading search output in tests: the marked spans of a JSON snippet and the words of a text.

#include <cctype>
#include <string>
#include <vector>

namespace newsdex::test {

/// `text` with ASCII letters lower-cased.
inline std::string lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

/// The <mark>…</mark> spans of a JSON snippet, in order.
inline std::vector<std::string> marks(const std::string& snippet) {
    std::vector<std::string> found;
    std::size_t at = 0;
    while ((at = snippet.find("<mark>", at)) != std::string::npos) {
        std::size_t end = snippet.find("</mark>", at);
        found.push_back(snippet.substr(at + 6, end - at - 6));
        at = end;
    }
    return found;
}

/// The words of `text`, lower-cased: runs of ASCII letters, digits and apostrophes.
inline std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    for (char c : text + " ") {
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '\'') {
            word += c;
        } else if (!word.empty()) {
            words.push_back(lower(word));
            word.clear();
        }
    }
    return words;
}

}  // namespace newsdex::test
