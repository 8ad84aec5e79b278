#include "tests/support/index_contents.hpp"

#include <xapian.h>

#include "common/schema.hpp"

namespace newsdex::test {

std::map<std::string, std::string> documents_by_id(const std::filesystem::path& db) {
    Xapian::Database index(db.string());
    std::map<std::string, std::string> documents;
    for (auto it = index.postlist_begin(""); it != index.postlist_end(""); ++it) {
        Xapian::Document document = index.get_document(*it);
        schema::StoredArticle stored = schema::decode(document.get_data());
        std::string described = "cluster " + document.get_value(schema::slot_cluster) + "; copies";
        for (const auto& seen : stored.also_seen) described += " " + seen.id;
        described += "; terms";
        for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) described += " " + *term;
        documents[stored.id] = described;
    }
    return documents;
}

std::string index_differences(const std::filesystem::path& expected_db, const std::filesystem::path& got_db) {
    const auto expected = documents_by_id(expected_db);
    const auto got = documents_by_id(got_db);
    std::size_t differ = 0;
    std::string shown;
    for (const auto& [id, described] : expected) {
        auto it = got.find(id);
        if (it != got.end() && it->second == described) continue;
        if (++differ <= 3) {
            shown += "\n" + id + " expected: " + described.substr(0, 300) +
                     "\n  got: " + (it == got.end() ? std::string("missing") : it->second.substr(0, 300));
        }
    }
    for (const auto& [id, described] : got) {
        if (!expected.contains(id) && ++differ <= 3) shown += "\n" + id + " not expected: " + described.substr(0, 300);
    }
    if (differ == 0) return {};
    return std::to_string(differ) + " documents differ" + shown;
}

}  // namespace newsdex::test
