#include "indexer/dedup/run_tables.hpp"

#include <algorithm>

namespace newsdex {

RunNumber RunTables::add(RunDocument document) {
    const RunNumber number = end();
    m_by_id[document.id] = number;
    if (!document.content_hash.empty()) m_by_content.emplace(document.content_hash, number);
    for (std::uint64_t band : document.bands) m_by_band.emplace(band, number);
    m_documents.push_back(std::move(document));
    return number;
}

std::optional<RunNumber> RunTables::find_id(const std::string& id) const {
    auto it = m_by_id.find(id);
    if (it == m_by_id.end()) return std::nullopt;
    return it->second;
}

std::vector<RunNumber> RunTables::find_content(const std::string& content_hash) const {
    std::vector<RunNumber> numbers;
    auto [first, last] = m_by_content.equal_range(content_hash);
    for (auto it = first; it != last; ++it) numbers.push_back(it->second);
    std::sort(numbers.begin(), numbers.end());
    return numbers;
}

template <class Map>
void RunTables::forget(Map& map, const typename Map::key_type& key, RunNumber number) {
    auto [first, last] = map.equal_range(key);
    for (auto it = first; it != last; ++it) {
        if (it->second == number) {
            map.erase(it);
            return;
        }
    }
}

void RunTables::drop_before(RunNumber number) {
    while (m_first < number && !m_documents.empty()) {
        const RunDocument& oldest = m_documents.front();
        forget(m_by_id, oldest.id, m_first);
        forget(m_by_content, oldest.content_hash, m_first);
        for (std::uint64_t band : oldest.bands) forget(m_by_band, band, m_first);
        m_documents.pop_front();
        ++m_first;
    }
}

}  // namespace newsdex
