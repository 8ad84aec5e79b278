#include "indexer/write/segment_set.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>

#include "common/errors.hpp"
#include "common/facet_dictionary.hpp"
#include "indexer/write/durable_files.hpp"

namespace newsdex {
namespace fs = std::filesystem;
namespace {

constexpr const char* stub_name = "XAPIANDB";
constexpr const char* marker_name = ".newsdex-index";
constexpr const char* lock_name = ".newsdex-lock";

// The names newsdex gives what it makes in an index directory; nothing else there is touched.
const std::regex segment_pattern("seg-[0-9]{6}");
const std::regex work_pattern("work-[0-9]+-[0-9]+");

bool is_segment_name(const std::string& name) { return std::regex_match(name, segment_pattern); }

std::string segment_name(unsigned long number) {
    char name[32];
    std::snprintf(name, sizeof name, "seg-%06lu", number);
    return name;
}

Xapian::doccount doc_count(const fs::path& database) { return Xapian::Database(database.string()).get_doccount(); }

// The segment names a stub lists; nullopt when a line is not `glass seg-NNNNNN` (not ours).
std::optional<std::vector<std::string>> read_stub(const fs::path& stub) {
    std::ifstream in(stub);
    std::vector<std::string> names;
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::string backend, name, extra;
        if (!(words >> backend)) continue;  // a blank line
        if (backend != "glass" || !(words >> name) || (words >> extra) || !is_segment_name(name)) return std::nullopt;
        names.push_back(name);
    }
    return names;
}

std::vector<std::string> segment_directories(const fs::path& directory) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(directory)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_directory() && is_segment_name(name)) names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

// A facet dictionary file being written aside when a run stopped.
bool is_facet_dictionary_leftover(const std::string& name) {
    for (const auto* list : {&facet_dictionary_format::values, &facet_dictionary_format::clusters}) {
        for (std::string_view file : {list->names_file, list->ends_file}) {
            if (name == std::string(file) + ".tmp") return true;
        }
    }
    return false;
}

}  // namespace

void compact_databases(const std::vector<fs::path>& sources, const fs::path& destination) {
    try {
        Xapian::Database all;
        for (const auto& source : sources) all.add_database(Xapian::Database(source.string()));
        // Several passes merge many sources faster than one wide merge.
        all.compact(destination.string(), sources.size() > 3 ? Xapian::DBCOMPACT_MULTIPASS : 0);
        sync_tree(destination);
    } catch (...) {
        // A half-written segment (a full disk) must not keep the disk full until the next run.
        std::error_code ignored;
        fs::remove_all(destination, ignored);
        try {
            throw;
        } catch (const Xapian::Error& e) {
            throw FatalError("cannot compact into " + destination.string() + ": " + e.get_description());
        }
    }
}

void SegmentSet::check_directory(const fs::path& directory) {
    std::error_code error;
    if (!fs::exists(directory, error)) return;
    if (!fs::is_directory(directory, error)) throw FatalError("--db is not a directory: " + directory.string());
    const bool marked = fs::exists(directory / marker_name);
    const bool has_stub = fs::exists(directory / stub_name);
    const std::vector<std::string> segments = segment_directories(directory);
    if (has_stub || marked) {
        auto listed = has_stub ? read_stub(directory / stub_name) : std::optional<std::vector<std::string>>();
        if (has_stub && !listed) {
            throw FatalError("not a newsdex index (its XAPIANDB lists something other than newsdex segments): " +
                             directory.string());
        }
        // Segments without a list: refused unless they hold nothing (a new index interrupted
        // before its first list was written).
        const bool all_empty = std::all_of(segments.begin(), segments.end(), [&](const std::string& name) {
            try {
                return doc_count(directory / name) == 0;
            } catch (const Xapian::Error&) {
                return false;
            }
        });
        if (listed) {
            for (const auto& name : *listed) {
                if (!fs::is_directory(directory / name)) {
                    throw FatalError("the index lists the segment " + name + ", which is missing from " +
                                     directory.string() + "; nothing was changed (see \"Damaged indexes\" in the README)");
                }
            }
        }
        if ((!listed || listed->empty()) && !all_empty) {
            throw FatalError("the segment list " + (directory / stub_name).string() + " is " +
                             (has_stub ? "empty" : "missing") + " but " + std::to_string(segments.size()) +
                             (segments.size() == 1 ? " segment is" : " segments are") + " there; nothing was changed (see \"Damaged indexes\" in the README)");
        }
        return;
    }
    if (fs::exists(directory / "iamglass")) {
        const fs::path parent = directory.parent_path();
        auto listed = read_stub(parent / stub_name);
        if (listed && std::find(listed->begin(), listed->end(), directory.filename().string()) != listed->end()) {
            throw FatalError(directory.string() + " is one segment of the newsdex index " + parent.string() +
                             ": give --db " + parent.string());
        }
        throw FatalError("not a newsdex index (a Xapian database newsdex did not make): " + directory.string());
    }
    for (const auto& entry : fs::directory_iterator(directory)) {
        if (entry.path().filename() != lock_name) {
            throw FatalError("not a newsdex index, and not empty: " + directory.string() +
                             " (give --db a new or empty directory)");
        }
    }
}

SegmentSet::SegmentSet(fs::path directory) : m_directory(std::move(directory)) {
    fs::create_directories(m_directory);
    // The marker first: from here on the directory is an index, and what is named like a
    // segment in it is newsdex's.
    if (!fs::exists(m_directory / marker_name)) write_file_durably(m_directory / marker_name, "newsdex index\n");
    if (fs::exists(m_directory / stub_name)) m_names = read_stub(m_directory / stub_name).value_or(std::vector<std::string>{});
    for (const auto& name : m_names) m_next_number = std::max(m_next_number, std::stoul(name.substr(4)) + 1);
    for (const auto& name : segment_directories(m_directory)) {
        m_next_number = std::max(m_next_number, std::stoul(name.substr(4)) + 1);
    }
    // Leftovers of an interrupted run: its working shards, segments it never listed, a stub or
    // journal it was writing aside.
    for (const auto& entry : fs::directory_iterator(m_directory)) {
        const std::string name = entry.path().filename().string();
        const bool unlisted = is_segment_name(name) && !is_listed(name);
        if (unlisted || std::regex_match(name, work_pattern) || name == std::string(stub_name) + ".tmp" ||
            name == "journal.tmp" || is_facet_dictionary_leftover(name)) {
            fs::remove_all(entry.path());
        }
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

bool SegmentSet::is_listed(const std::string& name) const {
    return std::find(m_names.begin(), m_names.end(), name) != m_names.end();
}

fs::path SegmentSet::make_work_directory() {
    fs::path work = m_directory / ("work-" + std::to_string(::getpid()) + "-" + std::to_string(m_next_number));
    fs::remove_all(work);
    fs::create_directories(work);
    return work;
}

fs::path SegmentSet::new_segment_path() { return m_directory / segment_name(m_next_number++); }

void SegmentSet::write_stub() {
    std::string text;
    for (const auto& name : m_names) text += "glass " + name + '\n';
    write_file_durably(m_directory / stub_name, text);
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

// Lists `merged` instead of the `count` segments from `first` on, then removes them.
void SegmentSet::replace(std::size_t first, std::size_t count, const fs::path& merged) {
    std::vector<std::string> old(m_names.begin() + static_cast<std::ptrdiff_t>(first),
                                 m_names.begin() + static_cast<std::ptrdiff_t>(first + count));
    m_names.erase(m_names.begin() + static_cast<std::ptrdiff_t>(first),
                  m_names.begin() + static_cast<std::ptrdiff_t>(first + count));
    m_names.insert(m_names.begin() + static_cast<std::ptrdiff_t>(first), merged.filename().string());
    write_stub();
    for (const auto& name : old) fs::remove_all(m_directory / name);
}

void SegmentSet::merge_run() {
    m_listed_before_run = std::min(m_listed_before_run, m_names.size());
    if (m_names.size() - m_listed_before_run >= 2) {
        std::vector<fs::path> added;
        for (std::size_t i = m_listed_before_run; i < m_names.size(); ++i) added.push_back(m_directory / m_names[i]);
        fs::path merged = new_segment_path();
        compact_databases(added, merged);
        replace(m_listed_before_run, added.size(), merged);
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
        replace(m_names.size() - 2, 2, merged);
    }
}

}  // namespace newsdex
