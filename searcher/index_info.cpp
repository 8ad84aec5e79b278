#include "searcher/index_info.hpp"

#include <fstream>
#include <sstream>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <optional>
#include <string>
#include <system_error>

#include "common/schema.hpp"
#include "searcher/match/article_lookup.hpp"

namespace newsdex {
namespace fs = std::filesystem;
namespace {

// `20220801` → `2022-08-01`.
std::string display_day(const std::string& key) {
    if (key.size() != 8) return key;
    return key.substr(0, 4) + "-" + key.substr(4, 2) + "-" + key.substr(6, 2);
}

std::size_t count_terms(const Xapian::Database& db, std::string_view prefix) {
    const std::string p(prefix);
    std::size_t count = 0;
    for (auto it = db.allterms_begin(p); it != db.allterms_end(p); ++it) ++count;
    return count;
}

std::string iso_utc(std::time_t time) {
    std::tm utc{};
    gmtime_r(&time, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

std::vector<FacetValue> top_sources(const Xapian::Database& db, std::size_t limit) {
    const std::string prefix(schema::source_prefix);
    std::vector<std::pair<std::string, std::size_t>> terms;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) terms.emplace_back(*it, it.get_termfreq());
    std::stable_sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (terms.size() > limit) terms.resize(limit);
    std::vector<FacetValue> top;
    for (const auto& [term, count] : terms) top.push_back({source_display_name(db, term), count});
    return top;
}

// The files of the index at `path`: a stub's local databases (a directory's XAPIANDB, or a
// stub file) and the stub itself; otherwise everything under `path`. Leftovers of an
// interrupted run beside the segments are not the index.
std::vector<fs::path> index_roots(const fs::path& path) {
    std::error_code error;
    const fs::path stub = fs::is_directory(path, error) ? path / "XAPIANDB" : path;
    if (!fs::is_regular_file(stub, error)) return {path};
    std::vector<fs::path> roots{stub};
    std::ifstream in(stub);
    for (std::string line; std::getline(in, line);) {
        std::istringstream words(line);
        std::string backend, target;
        if (!(words >> backend >> target) || backend == "remote") continue;
        fs::path database = target;
        roots.push_back(database.is_relative() ? stub.parent_path() / database : database);
    }
    return roots;
}

}  // namespace

IndexInfo read_index_info(const Xapian::Database& db, const fs::path& path) {
    IndexInfo info;
    info.path = path.string();
    info.articles = db.get_doccount();
    // Searches show one article per near-duplicate cluster: each cluster of n articles
    // counts n - 1 fewer.
    info.stories = info.articles;
    const std::string clusters(schema::cluster_prefix);
    for (auto it = db.allterms_begin(clusters); it != db.allterms_end(clusters); ++it) {
        if (it.get_termfreq() > 1) info.stories -= std::min<std::size_t>(info.stories, it.get_termfreq() - 1);
    }
    info.dated = db.get_value_freq(schema::slot_date);
    if (info.dated > 0) {
        info.first_date = display_day(db.get_value_lower_bound(schema::slot_date));
        info.last_date = display_day(db.get_value_upper_bound(schema::slot_date));
    }
    info.sources = count_terms(db, schema::source_prefix);
    info.actors = count_terms(db, schema::actor_prefix);
    info.persons = count_terms(db, schema::person_prefix);
    info.orgs = count_terms(db, schema::org_prefix);
    info.places = count_terms(db, schema::place_prefix);
    info.top_sources = top_sources(db, info_top_sources);

    std::optional<fs::file_time_type> newest;
    auto count_file = [&](const fs::directory_entry& entry) {
        std::error_code file_error;
        if (!entry.is_regular_file(file_error)) return;
        const std::uintmax_t size = entry.file_size(file_error);
        if (!file_error) info.size_bytes += size;
        const auto time = entry.last_write_time(file_error);
        if (!file_error && (!newest || time > *newest)) newest = time;
    };
    for (const auto& root : index_roots(path)) {
        std::error_code error;
        if (!fs::is_directory(root, error)) {
            count_file(fs::directory_entry(root, error));
            continue;
        }
        for (auto it = fs::recursive_directory_iterator(root, error); !error && it != fs::recursive_directory_iterator();
             it.increment(error)) {
            count_file(*it);
        }
    }
    info.last_updated = db.get_metadata(std::string(schema::last_updated_key));
    info.last_updated_recorded = !info.last_updated.empty();
    if (info.last_updated.empty() && newest) {
        auto system = std::chrono::file_clock::to_sys(*newest);
        info.last_updated = iso_utc(std::chrono::system_clock::to_time_t(
            std::chrono::time_point_cast<std::chrono::system_clock::duration>(system)));
    }
    return info;
}

}  // namespace newsdex
