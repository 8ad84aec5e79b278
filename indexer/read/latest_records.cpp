#include "indexer/read/latest_records.hpp"

#include "common/schema.hpp"
#include "common/stable_hash.hpp"

namespace newsdex {

std::uint32_t LatestRecords::file_number(const std::string& file) {
    auto [it, inserted] = m_file_numbers.try_emplace(file, static_cast<std::uint32_t>(m_files.size()));
    if (inserted) m_files.push_back(file);
    return it->second;
}

void LatestRecords::observe(const Article& article, std::string_view record_hash) {
    // A 64-bit hash keeps a million ids in a few tens of MB; two ids colliding (about one chance
    // in 10^7 at a million) would leave the first one's record out with a warning.
    m_last[hash64(schema::id_term(article.id))] = {file_number(article.origin.file), article.origin.line,
                                                   hash64(record_hash)};
}

bool LatestRecords::has(std::string_view id_term) const { return m_last.contains(hash64(id_term)); }

bool LatestRecords::comes_after(std::string_view id_term, const Origin& now) const {
    auto it = m_last.find(hash64(id_term));
    if (it == m_last.end()) return false;
    // Files are numbered in the order they are read.
    auto file = m_file_numbers.find(now.file);
    const std::uint32_t now_file = file == m_file_numbers.end() ? 0 : file->second;
    const Position& last = it->second;
    return last.file > now_file || (last.file == now_file && last.line > now.line);
}

bool LatestRecords::replaces(std::string_view id_term, std::string_view record_hash) const {
    auto it = m_last.find(hash64(id_term));
    return it != m_last.end() && it->second.record != hash64(record_hash);
}

std::optional<Origin> LatestRecords::later_record(const Article& article) const {
    auto it = m_last.find(hash64(schema::id_term(article.id)));
    if (it == m_last.end()) return std::nullopt;
    const Position& last = it->second;
    auto file = m_file_numbers.find(article.origin.file);
    if (file != m_file_numbers.end() && file->second == last.file && last.line == article.origin.line) return std::nullopt;
    return Origin{m_files[last.file], last.line, {}};
}

}  // namespace newsdex
