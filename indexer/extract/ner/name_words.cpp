#include "indexer/extract/ner/name_words.hpp"

#include "common/gazetteer.hpp"

namespace newsdex {

std::vector<std::string> name_words(std::string_view name) {
    const std::string folded = Gazetteer::fold_key(name);
    std::vector<std::string> words;
    for (std::size_t start = 0; start < folded.size();) {
        std::size_t end = folded.find(' ', start);
        if (end == std::string::npos) end = folded.size();
        if (end > start) words.push_back(folded.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

}  // namespace newsdex
