#include "indexer/write/amendments.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/errors.hpp"
#include "indexer/dedup/index_lookup.hpp"
#include "indexer/write/durable_files.hpp"

namespace newsdex {
namespace {

using nlohmann::json;

json version_json(const Version& version) {
    return {{"id_term", version.id_term}, {"record_hash", version.record_hash}};
}

Version version_from(const json& j) {
    return {j.at("id_term").get<std::string>(), j.at("record_hash").get<std::string>(), std::nullopt};
}

// Makes the document's source terms its own source's and its copies', so that `--source`
// finds it by the outlets it is still seen under, and by no other.
void set_source_terms(Xapian::Document& document, const schema::StoredArticle& stored) {
    std::vector<std::string> old;
    auto term = document.termlist_begin();
    for (term.skip_to(std::string(schema::source_prefix)); term != document.termlist_end(); ++term) {
        if (!std::string_view(*term).starts_with(schema::source_prefix)) break;
        old.push_back(*term);
    }
    for (const auto& stale : old) document.remove_term(stale);
    if (!stored.source.empty()) document.add_boolean_term(schema::boolean_term(schema::source_prefix, stored.source));
    for (const auto& copy : stored.also_seen) {
        if (!copy.source.empty()) document.add_boolean_term(schema::boolean_term(schema::source_prefix, copy.source));
    }
}

}  // namespace

void add_copies(Xapian::Document& document, const std::vector<schema::SeenAs>& copies) {
    schema::StoredArticle stored = schema::decode(document.get_data());
    for (const auto& copy : copies) {
        stored.also_seen.push_back(copy);
        document.add_boolean_term(schema::alias_id_term(copy.id));
    }
    set_source_terms(document, stored);
    document.set_data(schema::encode(stored));
}

bool apply_amendments(Xapian::WritableDatabase& db, const std::vector<Amendment>& amendments) {
    bool changed = false;
    for (const Amendment& amendment : amendments) {
        if (amendment.kind != Amendment::Kind::record_copy) continue;
        auto docid = find_document(db, amendment.target);
        if (!docid) continue;
        Xapian::Document document = db.get_document(*docid);
        const schema::StoredArticle stored = schema::decode(document.get_data());
        const bool known = std::any_of(stored.also_seen.begin(), stored.also_seen.end(),
                                       [&](const schema::SeenAs& seen) { return seen.id == amendment.copy.id; });
        if (known) continue;
        add_copies(document, {amendment.copy});
        db.replace_document(*docid, document);
        changed = true;
    }
    for (const Amendment& amendment : amendments) {
        if (amendment.kind == Amendment::Kind::record_copy) continue;
        auto docid = find_document(db, amendment.target);
        if (!docid) continue;
        if (amendment.kind == Amendment::Kind::retire) {
            db.delete_document(*docid);
            changed = true;
            continue;
        }
        Xapian::Document document = db.get_document(*docid);
        if (amendment.kind == Amendment::Kind::hand_over) {
            hand_over(document, amendment);
        } else if (!forget_copy(document, amendment.copy.id)) {
            continue;
        }
        db.replace_document(*docid, document);
        changed = true;
    }
    return changed;
}

bool apply_amendments_in_order(Xapian::WritableDatabase& db, const std::vector<Amendment>& amendments) {
    std::vector<Amendment> additions, deletions;
    for (const Amendment& amendment : amendments) {
        const bool deletes = amendment.kind == Amendment::Kind::retire || amendment.kind == Amendment::Kind::forget_copy;
        (deletes ? deletions : additions).push_back(amendment);
    }
    bool changed = false;
    for (const auto* group : {&additions, &deletions}) {
        if (apply_amendments(db, *group)) {
            db.commit();
            changed = true;
        }
    }
    return changed;
}

bool forget_copy(Xapian::Document& document, const std::string& copy_id) {
    schema::StoredArticle stored = schema::decode(document.get_data());
    if (std::erase_if(stored.also_seen, [&](const schema::SeenAs& seen) { return seen.id == copy_id; }) == 0) return false;
    const std::string alias = schema::alias_id_term(copy_id);
    for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
        if (*term == alias) {
            document.remove_term(alias);
            break;
        }
    }
    set_source_terms(document, stored);
    document.set_data(schema::encode(stored));
    return true;
}

void hand_over(Xapian::Document& document, const Amendment& amendment) {
    const schema::SeenAs& heir = amendment.copy;
    document.remove_term(amendment.target.id_term);
    document.add_boolean_term(schema::id_term(heir.id));
    forget_copy(document, heir.id);
    schema::StoredArticle stored = schema::decode(document.get_data());
    stored.id = heir.id;
    if (stored.source != heir.source) {
        stored.source = heir.source;
        if (heir.source.empty()) {
            document.remove_value(schema::slot_source);
        } else {
            document.add_value(schema::slot_source, heir.source);
        }
        // Its facet numbers name the old source; without them the document is counted by its
        // names, which are right.
        document.remove_value(schema::slot_facet_ids);
        set_source_terms(document, stored);
    }
    stored.url = heir.url;
    stored.file = heir.file;
    document.add_value(schema::slot_record_hash, amendment.successor_hash);
    document.set_data(schema::encode(stored));
}

void write_journal(const std::filesystem::path& file, const Journal& journal) {
    std::string text = json{{"after", journal.after_segment}}.dump() + '\n';
    for (const Amendment& amendment : journal.amendments) {
        json line{{"target", version_json(amendment.target)}};
        const auto& copy = amendment.copy;
        const json seen = {{"id", copy.id}, {"source", copy.source}, {"url", copy.url}, {"file", copy.file}};
        switch (amendment.kind) {
            case Amendment::Kind::retire: line["retire"] = true; break;
            case Amendment::Kind::record_copy: line["copy"] = seen; break;
            case Amendment::Kind::hand_over: line["heir"] = seen; line["successor_hash"] = amendment.successor_hash; break;
            case Amendment::Kind::forget_copy: line["forget"] = copy.id; break;
        }
        text += line.dump(-1, ' ', false, json::error_handler_t::replace) + '\n';
    }
    write_file_durably(file, text);
}

std::optional<Journal> read_journal(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) return std::nullopt;
    Journal journal;
    try {
        std::string line;
        if (!std::getline(in, line)) throw std::runtime_error("empty");
        journal.after_segment = json::parse(line).at("after").get<std::string>();
        while (std::getline(in, line)) {
            const json j = json::parse(line);
            Amendment amendment;
            amendment.target = version_from(j.at("target"));
            auto seen_from = [](const json& seen) {
                return schema::SeenAs{seen.at("id").get<std::string>(), seen.at("source").get<std::string>(),
                                      seen.at("url").get<std::string>(), seen.at("file").get<std::string>()};
            };
            if (auto copy = j.find("copy"); copy != j.end()) {
                amendment.kind = Amendment::Kind::record_copy;
                amendment.copy = seen_from(*copy);
            } else if (auto forget = j.find("forget"); forget != j.end()) {
                amendment.kind = Amendment::Kind::forget_copy;
                amendment.copy.id = forget->get<std::string>();
            } else if (auto heir = j.find("heir"); heir != j.end()) {
                amendment.kind = Amendment::Kind::hand_over;
                amendment.copy = seen_from(*heir);
                amendment.successor_hash = j.at("successor_hash").get<std::string>();
            }
            journal.amendments.push_back(std::move(amendment));
        }
    } catch (const std::exception& e) {
        throw FatalError("cannot read the index's journal " + file.string() + ": " + e.what());
    }
    return journal;
}

}  // namespace newsdex
