#include "indexer/extract/ner/word_clusters.hpp"

#include <charconv>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace newsdex {
namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    for (;;) {
        const std::size_t tab = line.find('\t', start);
        fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
        if (tab == std::string_view::npos) return fields;
        start = tab + 1;
    }
}

unsigned number(std::string_view text, const std::string& where) {
    unsigned value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) throw std::runtime_error(where + ": expected a number");
    return value;
}

template <typename Handle>
void for_each_line(std::istream& in, const std::string& name, Handle&& handle) {
    std::string line;
    std::size_t number_of_line = 0;
    while (std::getline(in, line)) {
        ++number_of_line;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        handle(split_tabs(line), name + ":" + std::to_string(number_of_line));
    }
}

}  // namespace

WordClusters WordClusters::load(const std::filesystem::path& classes_file, const std::filesystem::path& case_file) {
    WordClusters clusters;
    std::ifstream classes(classes_file);
    if (!classes) throw std::runtime_error(classes_file.string() + ": cannot open word classes");
    clusters.read_classes(classes, classes_file.string());
    std::ifstream cases(case_file);
    if (!cases) throw std::runtime_error(case_file.string() + ": cannot open capitalisation profile");
    clusters.read_case_profile(cases, case_file.string());
    return clusters;
}

void WordClusters::read_classes(std::istream& in, const std::string& name) {
    for_each_line(in, name, [this](const std::vector<std::string_view>& fields, const std::string& where) {
        if (fields.size() != 4) throw std::runtime_error(where + ": expected word and three classes");
        WordClassIds ids;
        for (std::size_t k = 0; k < 3; ++k) ids.ids[k] = static_cast<std::uint16_t>(number(fields[k + 1], where));
        ids.known = true;
        m_classes.set(word_forms(fields[0]).exact, ids);
        m_vocabulary.emplace_back(fields[0]);
    });
}

void WordClusters::read_case_profile(std::istream& in, const std::string& name) {
    for_each_line(in, name, [this](const std::vector<std::string_view>& fields, const std::string& where) {
        if (fields.size() != 3) throw std::runtime_error(where + ": expected word, percent and occurrences");
        const unsigned percent = number(fields[1], where);
        const std::uint8_t profile = percent < 10 ? 1 : percent < 50 ? 2 : percent < 90 ? 3 : 4;
        m_case.set(word_forms(fields[0]).lower, profile);
    });
}

WordClassIds WordClusters::classes(const WordForms& forms) const {
    if (const auto* ids = m_classes.find(forms.exact)) return *ids;
    if (const auto* ids = m_classes.find(forms.title)) return *ids;
    if (const auto* ids = m_classes.find(forms.lower)) return *ids;
    return {};
}

std::uint8_t WordClusters::case_profile_of_lower(std::uint64_t lower) const {
    const auto* profile = m_case.find(lower);
    return profile == nullptr ? 0 : *profile;
}

}  // namespace newsdex
