#include "searcher/render/render_text.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "common/join.hpp"
#include "common/schema.hpp"

namespace newsdex {
namespace {

constexpr const char* bold = "\033[1m";
constexpr const char* match_colour = "\033[1;31m";
constexpr const char* dim = "\033[2m";
constexpr const char* reset = "\033[0m";
constexpr std::size_t bar_width = 40;

std::string highlighted(const std::string& snippet, bool colour) {
    std::string out;
    for (char c : snippet) {
        if (c == highlight_start) {
            if (colour) out += match_colour;
        } else if (c == highlight_end) {
            if (colour) out += reset;
        } else {
            out += c;
        }
    }
    return out;
}

std::string meta_line(const schema::StoredArticle& article) {
    std::vector<std::string> parts;
    parts.push_back(article.date.empty() ? "undated" : article.date);
    if (!article.source.empty()) parts.push_back(article.source);
    parts.push_back(article.id);
    return join(parts, " · ");
}

std::string bar(std::size_t count, std::size_t largest) {
    static const char* eighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    if (largest == 0 || count == 0) return "";
    std::size_t units = (count * bar_width * 8 + largest - 1) / largest;
    std::string out;
    for (std::size_t i = 0; i < units / 8; ++i) out += "█";
    out += eighths[units % 8];
    return out;
}

}  // namespace

std::vector<std::string> timeline_rows(const std::vector<FacetValue>& values, bool monthly) {
    std::size_t largest = 0;
    for (const auto& value : values) largest = std::max(largest, value.count);
    std::vector<std::string> rows;
    for (const auto& value : values) {
        const bool unknown = value.value == schema::unknown_date;
        char counted[32];
        std::snprintf(counted, sizeof counted, "%6zu ", value.count);
        rows.push_back((unknown && !monthly ? std::string("unkn") : value.value) + " " + counted + bar(value.count, largest));
    }
    return rows;
}

std::string render_search_text(const SearchResult& result, bool colour) {
    // Blocks (one per result, one per facet) with one blank line between them.
    std::vector<std::string> blocks;
    for (const auto& hit : result.hits) {
        const auto& article = hit.article;
        std::ostringstream out;
        out << hit.rank << ". " << (colour ? bold : "") << (article.title.empty() ? "(untitled)" : article.title)
            << (colour ? reset : "") << '\n';
        out << "   " << (colour ? dim : "") << meta_line(article);
        if (hit.duplicates > 0) {
            out << "  +" << hit.duplicates << " similar";
        }
        out << (colour ? reset : "") << '\n';
        if (!hit.snippet.empty()) out << "   " << highlighted(hit.snippet, colour) << '\n';
        blocks.push_back(out.str());
    }
    for (const auto& [name, values] : result.facets) {
        std::ostringstream out;
        out << (colour ? bold : "") << name << (colour ? reset : "") << '\n';
        if (name == "month" || name == "year") {
            for (const auto& row : timeline_rows(values, name == "month")) out << "  " << row << '\n';
        } else {
            for (const auto& value : values) out << "  " << value.count << "  " << value.value << '\n';
        }
        blocks.push_back(out.str());
    }
    return join(blocks, "\n");
}

std::string render_search_summary(const SearchResult& result) {
    std::ostringstream out;
    // On a terminal the summary follows the results: keep them a blank line apart.
    if (!result.hits.empty() || !result.facets.empty()) out << '\n';
    if (!result.suggestion.empty()) out << "Did you mean: " << result.suggestion << '\n';
    std::size_t first = result.hits.empty() ? 0 : result.offset + 1;
    char took[32];
    std::snprintf(took, sizeof took, "%.1f", result.took_ms);
    out << (result.total_exact ? "" : "about ") << result.total << (result.total == 1 ? " match" : " matches");
    if (!result.hits.empty()) out << ", showing " << first << "–" << result.offset + result.hits.size();
    out << " (" << took << " ms)\n";
    return out.str();
}

std::string render_info_text(const IndexInfo& info) {
    std::ostringstream out;
    out << "index:         " << info.path << '\n';
    out << "articles:      " << info.articles << " (" << info.dated << " dated, " << info.articles - info.dated
        << " undated)\n";
    out << "dates:         " << (info.first_date.empty() ? "none" : info.first_date + " .. " + info.last_date) << '\n';
    out << "sources:       " << info.sources << '\n';
    out << "actors:        " << info.actors << " (" << info.persons << " people, " << info.orgs << " organisations, "
        << info.places << " places)\n";
    char size[32];
    std::snprintf(size, sizeof size, "%.1f MB", static_cast<double>(info.size_bytes) / (1024.0 * 1024.0));
    out << "size on disk:  " << size << " (" << info.size_bytes << " bytes)\n";
    out << "last updated:  " << (info.last_updated.empty() ? "unknown" : info.last_updated)
        << (info.last_updated_recorded || info.last_updated.empty() ? "" : " (file time)") << '\n';
    if (!info.top_sources.empty()) {
        out << "top sources:\n";
        for (const auto& source : info.top_sources) {
            char counted[32];
            std::snprintf(counted, sizeof counted, "%7zu  ", source.count);
            out << counted << source.value << '\n';
        }
    }
    return out.str();
}

std::string render_article_text(const LookedUpArticle& found, bool colour) {
    const auto& article = found.article;
    std::ostringstream out;
    out << (colour ? bold : "") << article.title << (colour ? reset : "") << '\n';
    out << "id:      " << article.id << '\n';
    out << "date:    " << (article.date.empty() ? "unknown" : article.date) << '\n';
    if (!article.source.empty()) out << "source:  " << article.source << '\n';
    if (!article.author.empty()) out << "author:  " << article.author << '\n';
    if (!article.url.empty()) out << "url:     " << article.url << '\n';
    if (!article.file.empty()) out << "file:    " << article.file << '\n';
    if (!article.persons.empty()) out << "people:  " << join(article.persons, ", ") << '\n';
    if (!article.orgs.empty()) out << "orgs:    " << join(article.orgs, ", ") << '\n';
    if (!article.places.empty()) out << "places:  " << join(article.places, ", ") << '\n';
    for (const auto& place : article.place_rollups) {
        if (place.why.empty()) continue;
        std::string in = place.region.empty() ? place.country : place.region;
        if (!place.region.empty() && !place.country.empty()) in += ", " + place.country;
        out << "  " << place.name << ": " << (in.empty() ? std::string("no country") : in) << " (" << place.why << ")\n";
    }
    for (const auto& seen : article.also_seen) {
        out << "also published as " << seen.id;
        if (!seen.source.empty()) out << " by " << seen.source;
        if (!seen.url.empty()) out << " <" << seen.url << ">";
        if (!seen.file.empty()) out << " (" << seen.file << ")";
        out << '\n';
    }
    out << '\n' << schema::body_text(article) << '\n';
    return out.str();
}

std::string render_cluster_text(const std::vector<LookedUpArticle>& members) {
    std::ostringstream out;
    for (const auto& member : members) {
        out << member.article.id << "  " << meta_line(member.article) << "  " << member.article.title << '\n';
    }
    return out.str();
}

}  // namespace newsdex
