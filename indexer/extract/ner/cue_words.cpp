#include "indexer/extract/ner/cue_words.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace newsdex {

CueWords CueWords::load(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error(file.string() + ": cannot open cue words");
    CueWords cues;
    cues.read(in, file.string());
    return cues;
}

void CueWords::read(std::istream& in, const std::string& name) {
    std::string line;
    std::size_t line_number = 0;
    std::uint32_t bit = 0;
    while (std::getline(in, line)) {
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        const std::string where = name + ":" + std::to_string(line_number);
        if (line.front() == '[' && line.back() == ']') {
            if (m_class_names.size() == 32) throw std::runtime_error(where + ": more than 32 classes");
            m_class_names.push_back(line.substr(1, line.size() - 2));
            bit = std::uint32_t{1} << (m_class_names.size() - 1);
            continue;
        }
        if (bit == 0) throw std::runtime_error(where + ": a word before the first [class] line");
        std::istringstream words(line);
        std::string word;
        while (words >> word) {
            const std::uint64_t key = word_forms(word).lower;
            const auto* old = m_words.find(key);
            m_words.set(key, static_cast<std::uint32_t>((old == nullptr ? 0 : *old) | bit));
        }
    }
}

std::uint32_t CueWords::class_bit(std::string_view name) const {
    for (std::size_t i = 0; i < m_class_names.size(); ++i)
        if (m_class_names[i] == name) return static_cast<std::uint32_t>(1u << i);
    return 0;
}

}  // namespace newsdex
