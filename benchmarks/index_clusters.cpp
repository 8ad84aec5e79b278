#include "benchmarks/index_clusters.hpp"

#include <nlohmann/json.hpp>

#include "common/schema.hpp"

namespace newsdex {

std::unordered_map<std::string, std::string> clusters_in_index(const Xapian::Database& db) {
    std::unordered_map<std::string, std::string> clusters;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        Xapian::Document document = db.get_document(*it);
        std::string cluster = document.get_value(schema::slot_cluster);
        schema::StoredArticle stored = schema::decode(document.get_data());
        clusters[stored.id] = cluster;
        for (const auto& copy : stored.also_seen) clusters[copy.id] = cluster;
    }
    return clusters;
}

std::unordered_map<std::string, std::string> read_true_clusters(std::istream& truth) {
    std::unordered_map<std::string, std::string> clusters;
    std::string line;
    while (std::getline(truth, line)) {
        auto record = nlohmann::json::parse(line, nullptr, false);
        if (!record.is_object() || !record.contains("id") || !record.contains("cluster")) continue;
        if (!record["id"].is_string() || !record["cluster"].is_string()) continue;
        clusters[record["id"].get<std::string>()] = record["cluster"].get<std::string>();
    }
    return clusters;
}

}  // namespace newsdex
