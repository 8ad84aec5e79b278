#include "indexer/write/segment_set.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "common/errors.hpp"

namespace newsdex {
namespace fs = std::filesystem;
namespace {

constexpr const char* stub_name = "XAPIANDB";
constexpr const char* segment_stem = "seg-";
constexpr const char* work_stem = "work-";

std::string segment_name(unsigned long number) {
    char name[32];
    std::snprintf(name, sizeof name, "%s%06lu", segment_stem, number);
    return name;
}

Xapian::doccount doc_count(const fs::path& database) { return Xapian::Database(database.string()).get_doccount(); }

}  // namespace

void compact_databases(const std::vector<fs::path>& sources, const fs::path& destination) {
    try {
        Xapian::Database all;
        for (const auto& source : sources) all.add_database(Xapian::Database(source.string()));
        // Several passes merge many sources faster than one wide merge.
        all.compact(destination.string(), sources.size() > 3 ? Xapian::DBCOMPACT_MULTIPASS : 0);
    } catch (const Xapian::Error& e) {
        throw FatalError("cannot compact into " + destination.string() + ": " + e.get_description());
    }
}

SegmentSet::SegmentSet(fs::path directory) : m_directory(std::move(directory)) {
    fs::create_directories(m_directory);
    if (fs::exists(m_directory / "iamglass")) {
        // A plain Xapian database: adopt it as the first segment.
        fs::path first = m_directory / segment_name(m_next_number++);
        fs::create_directory(first);
        for (const auto& entry : fs::directory_iterator(m_directory)) {
            std::string name = entry.path().filename().string();
            if (entry.is_regular_file() && name != ".newsdex-lock") fs::rename(entry.path(), first / name);
        }
        m_names.push_back(first.filename().string());
        write_stub();
    } else if (fs::exists(m_directory / stub_name)) {
        std::ifstream stub(m_directory / stub_name);
        std::string backend, name;
        while (stub >> backend >> name) {
            if (backend != "glass" || name.rfind(segment_stem, 0) != 0) {
                throw FatalError("not a newsdex index (unexpected stub line \"" + backend + " " + name + "\"): " +
                                 m_directory.string());
            }
            m_names.push_back(name);
            m_next_number = std::max(m_next_number, std::stoul(name.substr(4)) + 1);
        }
    }
    // Leftovers of an interrupted run: its working shards and segments it never listed.
    for (const auto& entry : fs::directory_iterator(m_directory)) {
        std::string name = entry.path().filename().string();
        bool listed = std::find(m_names.begin(), m_names.end(), name) != m_names.end();
        if (name.rfind(work_stem, 0) == 0 || (name.rfind(segment_stem, 0) == 0 && !listed)) fs::remove_all(entry.path());
    }
    if (m_names.empty()) {
        // Xapian cannot open a stub that lists nothing: start with one empty segment.
        fs::path first = new_segment_path();
        Xapian::WritableDatabase(first.string(), Xapian::DB_CREATE).commit();
        m_names.push_back(first.filename().string());
        write_stub();
    }
    m_listed_before_run = m_names.size();
}

std::vector<fs::path> SegmentSet::segments() const {
    std::vector<fs::path> paths;
    for (const auto& name : m_names) paths.push_back(m_directory / name);
    return paths;
}

fs::path SegmentSet::make_work_directory() {
    fs::path work = m_directory / (std::string(work_stem) + std::to_string(::getpid()) + "-" + std::to_string(m_next_number));
    fs::remove_all(work);
    fs::create_directories(work);
    return work;
}

fs::path SegmentSet::new_segment_path() { return m_directory / segment_name(m_next_number++); }

void SegmentSet::write_stub() {
    // Written aside and renamed, so a reader or a crash sees the old list or the new one.
    fs::path temporary = m_directory / (std::string(stub_name) + ".tmp");
    {
        std::ofstream stub(temporary, std::ios::trunc);
        for (const auto& name : m_names) stub << "glass " << name << '\n';
        stub.flush();
        if (!stub) throw FatalError("cannot write " + temporary.string());
    }
    fs::rename(temporary, m_directory / stub_name);
}

void SegmentSet::list_segment(const fs::path& segment) {
    // The first, empty segment has served its purpose once real ones exist.
    if (m_names.size() == 1 && doc_count(m_directory / m_names.front()) == 0) {
        fs::path empty = m_directory / m_names.front();
        m_names.clear();
        m_listed_before_run = 0;
        m_names.push_back(segment.filename().string());
        write_stub();
        fs::remove_all(empty);
    } else {
        m_names.push_back(segment.filename().string());
        write_stub();
    }
}

void SegmentSet::merge_run() {
    m_listed_before_run = std::min(m_listed_before_run, m_names.size());
    if (m_names.size() - m_listed_before_run >= 2) {
        std::vector<fs::path> added;
        for (std::size_t i = m_listed_before_run; i < m_names.size(); ++i) added.push_back(m_directory / m_names[i]);
        fs::path merged = new_segment_path();
        compact_databases(added, merged);
        m_names.resize(m_listed_before_run);
        m_names.push_back(merged.filename().string());
        write_stub();
        for (const auto& segment : added) fs::remove_all(segment);
    }
    merge_tail();
    m_listed_before_run = m_names.size();
}

void SegmentSet::merge_tail() {
    while (m_names.size() >= 2) {
        fs::path older = m_directory / m_names[m_names.size() - 2];
        fs::path newer = m_directory / m_names.back();
        // A segment is merged into its elder once it holds half as many documents, so over
        // many runs each document is copied about log2(n / run size) times and the index
        // keeps a handful of segments.
        if (static_cast<unsigned long long>(doc_count(newer)) * 2 < doc_count(older)) break;
        fs::path merged = new_segment_path();
        compact_databases({older, newer}, merged);
        m_names.pop_back();
        m_names.back() = merged.filename().string();
        write_stub();
        fs::remove_all(older);
        fs::remove_all(newer);
    }
}

}  // namespace newsdex
