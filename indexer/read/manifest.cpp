#include "indexer/read/manifest.hpp"

#include <algorithm>
#include <fstream>

#include <nlohmann/json.hpp>

#include "common/utf8.hpp"
#include "indexer/read/input_walker.hpp"
#include "indexer/read/jsonl_reader.hpp"
#include "indexer/read/record_fields.hpp"

namespace newsdex {
namespace fs = std::filesystem;

ManifestIndex::ManifestIndex(Diagnostics& diagnostics, std::size_t max_line_bytes)
    : m_diagnostics(diagnostics), m_max_line_bytes(max_line_bytes) {}

const ManifestIndex::Entries& ManifestIndex::entries_for(const fs::path& directory) {
    if (auto it = m_by_directory.find(directory); it != m_by_directory.end()) return it->second;
    Entries& entries = m_by_directory[directory];

    std::error_code error;
    std::vector<fs::path> manifests;
    for (fs::directory_iterator it(directory.empty() ? fs::path(".") : directory, error), end; !error && it != end;
         it.increment(error)) {
        if (is_manifest_file(it->path())) manifests.push_back(it->path());
    }
    std::sort(manifests.begin(), manifests.end());

    for (const auto& manifest : manifests) {
        std::ifstream in(manifest, std::ios::binary);
        std::string line;
        bool too_long = false;
        for (std::size_t number = 1; read_bounded_line(in, line, m_max_line_bytes, too_long) > 0; ++number) {
            Origin origin{manifest.string(), number};
            if (too_long) {
                m_diagnostics.reject(origin, "manifest line longer than " + std::to_string(m_max_line_bytes) + " bytes");
                continue;
            }
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            auto record = nlohmann::json::parse(repair_utf8(line).text, nullptr, false);
            if (record.is_discarded() || !record.is_object()) {
                m_diagnostics.reject(origin, "malformed manifest line (expected a JSON object)");
                continue;
            }
            auto file = record.find("file");
            if (file == record.end() || !file->is_string()) {
                m_diagnostics.reject(origin, "manifest line has no \"file\" string");
                continue;
            }
            Article metadata;
            if (auto problem = read_record_fields(record, metadata, false)) {
                m_diagnostics.reject(origin, *problem);
                continue;
            }
            entries[file->get<std::string>()] = std::move(metadata);
        }
    }
    return entries;
}

bool ManifestIndex::apply(const fs::path& file, Article& article) {
    const Entries& entries = entries_for(file.parent_path());
    auto it = entries.find(file.filename().string());
    if (it == entries.end()) return false;
    const Article& metadata = it->second;
    auto take = [](const std::string& from, std::string& to) {
        if (!from.empty()) to = from;
    };
    take(metadata.id, article.id);
    take(metadata.source, article.source);
    take(metadata.author, article.author);
    take(metadata.url, article.url);
    take(metadata.lang, article.lang);
    take(metadata.date_text, article.date_text);
    if (metadata.date_epoch) article.date_epoch = metadata.date_epoch;
    if (article.title.empty()) article.title = metadata.title;
    return true;
}

}  // namespace newsdex
