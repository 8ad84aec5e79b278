#include "indexer/dedup/run_tables.hpp"

namespace newsdex {

RunTables::Number RunTables::add(RunDocument document) {
    const Number number = end();
    m_by_id[document.id] = number;
    if (!document.content_hash.empty()) {
        auto [entry, inserted] = m_by_content.emplace(document.content_hash, number);
        if (!inserted && at(entry->second).superseded) entry->second = number;
    }
    for (std::uint64_t band : document.bands) m_by_band.emplace(band, number);
    m_documents.push_back(std::move(document));
    return number;
}

RunDocument* RunTables::find_id(const std::string& id) {
    auto it = m_by_id.find(id);
    return it == m_by_id.end() ? nullptr : &at(it->second);
}

RunDocument* RunTables::find_content(const std::string& content_hash) {
    auto it = m_by_content.find(content_hash);
    return it == m_by_content.end() ? nullptr : &at(it->second);
}

void RunTables::drop_before(Number number) {
    while (m_first < number && !m_documents.empty()) {
        const RunDocument& oldest = m_documents.front();
        if (auto it = m_by_id.find(oldest.id); it != m_by_id.end() && it->second == m_first) m_by_id.erase(it);
        if (auto it = m_by_content.find(oldest.content_hash); it != m_by_content.end() && it->second == m_first) {
            m_by_content.erase(it);
        }
        for (std::uint64_t band : oldest.bands) {
            auto [first, last] = m_by_band.equal_range(band);
            for (auto it = first; it != last; ++it) {
                if (it->second == m_first) {
                    m_by_band.erase(it);
                    break;
                }
            }
        }
        m_documents.pop_front();
        ++m_first;
    }
}

}  // namespace newsdex
