#include "indexer/write/index_check.hpp"

#include <fstream>
#include <optional>
#include <regex>
#include <set>
#include <sstream>

#include <xapian.h>

#include "common/errors.hpp"
#include "common/facet_column.hpp"
#include "common/facet_dictionary.hpp"
#include "common/schema.hpp"
#include "indexer/write/segment_set.hpp"

namespace newsdex {
namespace fs = std::filesystem;
namespace {

// The first line of Xapian's check output that says what is wrong (not a table's name, its
// statistics or an "okay").
std::string first_error_line(const std::string& output) {
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) {
        const bool routine = line.empty() || line.ends_with(":") || line.starts_with("blocksize=") ||
                             line.find("checked okay") != std::string::npos ||
                             line.find("checked OK") != std::string::npos;
        if (!routine) return line;
    }
    return "see xapian-check";
}

// A facet column of the segment's revision must hold exactly its documents' values; one of an
// older revision is never read, and the next run writes it again.
void check_facet_column(const fs::path& segment, CheckReport& report) {
    const fs::path column = segment / FacetColumn::file_name;
    std::error_code error;
    if (!fs::exists(column, error)) return;
    try {
        const Xapian::Database db(segment.string());
        if (FacetColumn::revision_of(column) != db.get_revision()) {
            report.notes.push_back(column.string() +
                                   " is of an older revision of its segment or an older format: searches do not read "
                                   "it, and the next run of news-index writes it again");
        } else if (MappedFile::open(column).bytes() != FacetColumn::encode(db)) {
            report.problems.push_back(column.string() + ": the facet column disagrees with its segment's documents "
                                                        "(remove it: searches then read the documents, and the next "
                                                        "run of news-index writes it again)");
        }
    } catch (const Xapian::Error& e) {
        report.problems.push_back(column.string() + ": " + e.get_description());
    } catch (const std::length_error& e) {
        report.problems.push_back(column.string() + ": " + e.what());
    }
}

void check_segment(const fs::path& segment, CheckReport& report) {
    std::ostringstream output;
    try {
        const std::size_t errors = Xapian::Database::check(segment.string(), 0, &output);
        if (errors > 0) {
            report.problems.push_back(segment.string() + ": Xapian's check found " + std::to_string(errors) +
                                      " errors (" + first_error_line(output.str()) + ")");
        }
    } catch (const Xapian::Error& e) {
        report.problems.push_back(segment.string() + ": " + e.get_description());
        return;
    }
    check_facet_column(segment, report);
}

// What is wrong with the document's slot_facet_ids value, when it is numbered by `dictionary`:
// each number must be in the dictionary and name the value its names slots give, in order.
// Numbers from another dictionary (one replaced since) are no problem: they are read by name.
std::optional<std::string> facet_ids_problem(const Xapian::Document& document, const FacetDictionary* dictionary) {
    const std::string packed = document.get_value(schema::slot_facet_ids);
    if (packed.empty() || !dictionary || schema::facet_ids_tag(packed) != dictionary->tag()) return std::nullopt;
    std::vector<schema::FacetId> ids;
    if (!schema::for_each_facet_id(packed, [&](schema::FacetIdKind kind, std::uint32_t id) {
            ids.push_back({kind, id});
            return true;
        })) {
        return "its facet numbers cannot be read";
    }
    std::vector<std::pair<schema::FacetIdKind, std::string>> named;
    schema::for_each_facet_value(document, [&](schema::FacetIdKind kind, std::string_view name) { named.emplace_back(kind, name); });
    if (ids.size() != named.size()) return "its facet numbers and facet values disagree";
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const bool cluster = ids[i].kind == schema::FacetIdKind::cluster;
        const std::uint32_t size = cluster ? dictionary->clusters() : dictionary->size();
        const std::string what = cluster ? "cluster number " : "facet number ";
        if (ids[i].id >= size) {
            return "its " + what + std::to_string(ids[i].id) + " is beyond the facet dictionary (" +
                   std::to_string(size) + " names)";
        }
        const std::string_view name = cluster ? dictionary->cluster(ids[i].id) : dictionary->name(ids[i].id);
        if (ids[i].kind != named[i].first || name != named[i].second) {
            return "its " + what + std::to_string(ids[i].id) + " names \"" + std::string(name) + "\", not \"" +
                   named[i].second + "\"";
        }
    }
    return std::nullopt;
}

// newsdex's own invariants, document by document.
void check_documents(const Xapian::Database& db, const FacetDictionary* dictionary, CheckReport& report) {
    const std::string id_prefix(schema::id_prefix), cluster_prefix(schema::cluster_prefix);
    for (auto it = db.allterms_begin(id_prefix); it != db.allterms_end(id_prefix); ++it) {
        if (it.get_termfreq() > 1) {
            report.problems.push_back("id term " + *it + " is held by " + std::to_string(it.get_termfreq()) +
                                      " documents (an id must be one document)");
        }
    }
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        ++report.documents;
        const Xapian::Document document = db.get_document(*it);
        const std::string where = "document " + std::to_string(*it);
        schema::StoredArticle stored;
        try {
            stored = schema::decode(document.get_data());
        } catch (const std::exception&) {
            report.problems.push_back(where + ": its stored data cannot be read");
            continue;
        }
        std::set<std::string> terms;
        std::vector<std::string> clusters;
        for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
            if ((*term).starts_with(cluster_prefix)) clusters.push_back(*term);
            terms.insert(*term);
        }
        const std::string named = where + " (id \"" + stored.id + "\")";
        if (!terms.contains(schema::id_term(stored.id))) report.problems.push_back(named + ": lacks its id term");
        if (auto problem = facet_ids_problem(document, dictionary)) report.problems.push_back(named + ": " + *problem);
        const std::string cluster = document.get_value(schema::slot_cluster);
        if (clusters.size() != 1 || clusters.front() != schema::boolean_term(schema::cluster_prefix, cluster)) {
            report.problems.push_back(named + ": its cluster value \"" + cluster + "\" and cluster terms disagree");
        }
        for (const auto& copy : stored.also_seen) {
            if (!terms.contains(schema::alias_id_term(copy.id))) {
                report.problems.push_back(named + ": its copy \"" + copy.id + "\" cannot be found by its id");
            }
            if (db.get_termfreq(schema::id_term(copy.id)) > 0) {
                report.problems.push_back(named + ": its copy \"" + copy.id + "\" is also a document of its own");
            }
        }
    }
}

}  // namespace

CheckReport check_index(const fs::path& directory) {
    CheckReport report;
    std::error_code error;
    if (!fs::is_directory(directory, error)) throw FatalError("no index at " + directory.string());
    try {
        SegmentSet::check_directory(directory);
    } catch (const FatalError& e) {
        if (!fs::exists(directory / "XAPIANDB") && !fs::exists(directory / ".newsdex-index")) throw;
        report.problems.push_back(e.what());
        return report;
    }
    if (!fs::exists(directory / "XAPIANDB")) throw FatalError("no index at " + directory.string());
    std::vector<std::string> listed;
    {
        std::ifstream stub(directory / "XAPIANDB");
        for (std::string backend, name; stub >> backend >> name;) listed.push_back(name);
    }
    report.segments = listed.size();
    const std::regex leftover("(seg-[0-9]{6}|work-[0-9]+-[0-9]+)");
    for (const auto& entry : fs::directory_iterator(directory)) {
        const std::string name = entry.path().filename().string();
        if (std::regex_match(name, leftover) && std::find(listed.begin(), listed.end(), name) == listed.end()) {
            report.notes.push_back(entry.path().string() + " was left by an interrupted run; the next run removes it");
        }
        if (name == "journal") {
            report.notes.push_back(entry.path().string() +
                                   ": an interrupted run's last changes wait here; the next run applies them");
        }
    }
    const std::size_t before = report.problems.size();
    for (const auto& name : listed) check_segment(directory / name, report);
    if (report.problems.size() > before) return report;  // the invariants need readable segments
    try {
        // Opened after the segments, as readers open it.
        const Xapian::Database db((directory / "XAPIANDB").string());
        const auto dictionary = FacetDictionary::open(directory);
        check_documents(db, dictionary.get(), report);
    } catch (const Xapian::Error& e) {
        report.problems.push_back(directory.string() + ": " + e.get_description());
    }
    return report;
}

}  // namespace newsdex
