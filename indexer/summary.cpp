#include "indexer/summary.hpp"

#include <cmath>
#include <sstream>

#include <nlohmann/json.hpp>

namespace newsdex {
namespace {

double per_second(std::size_t count, double seconds) {
    return seconds > 0 ? std::round(static_cast<double>(count) / seconds * 10) / 10 : 0.0;
}

}  // namespace

std::string render_summary_json(const IndexSummary& s) {
    nlohmann::json removed = nlohmann::json::object();
    for (const char* reason : {"repeated", "boilerplate", "tail", "title", "source-line"}) removed[reason] = 0;
    for (const auto& [reason, count] : s.paragraphs_removed) removed[reason] = count;
    nlohmann::json stages = nlohmann::json::object();
    for (const auto& [stage, seconds] : s.stage_seconds) stages[stage] = std::round(seconds * 1000) / 1000;
    nlohmann::json j = {
        {"read", s.read},
        {"indexed", s.indexed},
        {"replaced", s.replaced},
        {"unchanged", s.unchanged},
        {"duplicates", s.duplicates},
        {"older_versions", s.older_versions},
        {"near_duplicates", s.near_duplicates},
        {"near_duplicate_clusters", s.near_duplicate_clusters},
        {"removed", s.removed},
        {"rejected", s.rejected},
        {"warnings", s.warnings},
        {"dated", s.dated},
        {"undated", s.undated},
        {"paragraphs_removed", removed},
        {"stage_seconds", stages},
        {"documents", s.documents},
        {"bytes", s.bytes},
        {"seconds", std::round(s.seconds * 1000) / 1000},
        {"docs_per_second", per_second(s.read, s.seconds)},
        {"stopped", s.stopped},
    };
    return j.dump();
}

std::string render_check_text(const CheckReport& report) {
    std::string out;
    for (const auto& problem : report.problems) out += "problem: " + problem + '\n';
    for (const auto& note : report.notes) out += "note: " + note + '\n';
    return out;
}

std::string render_check_json(const CheckReport& report) {
    // Xapian's check quotes the keys of a damaged block, bytes and all: they are not always UTF-8.
    return nlohmann::json{{"problems", report.problems},
                          {"notes", report.notes},
                          {"segments", report.segments},
                          {"documents", report.documents}}
               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
           '\n';
}

std::string render_summary_text(const IndexSummary& s) {
    std::ostringstream out;
    out << "news-index: read " << s.read << " articles (" << s.bytes << " bytes) in " << std::round(s.seconds * 100) / 100
        << " s, " << per_second(s.read, s.seconds) << " articles/s\n"
        << "news-index: indexed " << s.indexed << " (" << s.replaced << " replaced), unchanged " << s.unchanged
        << ", exact duplicates " << s.duplicates << ", near duplicates " << s.near_duplicates;
    if (s.older_versions > 0) out << ", older versions " << s.older_versions;
    if (s.removed > 0) out << ", removed " << s.removed;
    out << ", rejected " << s.rejected << ", warnings " << s.warnings << "\n"
        << "news-index: dated " << s.dated << ", undated " << s.undated << "; index holds " << s.documents
        << " documents\n";
    if (s.stopped) out << "news-index: stopped by a signal: what was read is indexed; run again to finish\n";
    return out.str();
}

}  // namespace newsdex
