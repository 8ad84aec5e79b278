#include "searcher/render/render_text.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "common/join.hpp"
#include "common/schema.hpp"
#include "searcher/render/render_timeline.hpp"

namespace newsdex {
namespace {

constexpr const char* bold = "\033[1m";
constexpr const char* match_colour = "\033[1;31m";
constexpr const char* dim = "\033[2m";
constexpr const char* reset = "\033[0m";

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

}  // namespace

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
    for (const auto& timeline : result.timelines) blocks.push_back(render_timeline_text(timeline, colour));
    for (const auto& [name, values] : result.facets) {
        std::ostringstream out;
        out << (colour ? bold : "") << name << (colour ? reset : "") << '\n';
        // Counts right-aligned, as wide as the largest.
        std::size_t width = 1;
        for (const auto& value : values) width = std::max(width, std::to_string(value.count).size());
        for (const auto& value : values) {
            const std::string count = std::to_string(value.count);
            out << "  " << std::string(width - count.size(), ' ') << count << "  " << value.value << '\n';
        }
        blocks.push_back(out.str());
    }
    return join(blocks, "\n");
}

std::string relaxed_note(const RelaxedMatch& relaxed) {
    std::ostringstream out;
    const bool two = relaxed.words == 2;
    if (relaxed.all_words == 0) {
        out << "no article has " << (two ? "both" : "all " + std::to_string(relaxed.words)) << " words";
    } else {
        out << "only " << relaxed.all_words << (relaxed.all_words == 1 ? " article has " : " articles have ")
            << (two ? "both" : "all " + std::to_string(relaxed.words)) << " words";
    }
    if (two) {
        out << "; showing articles with either\n";
    } else {
        out << "; showing articles with at least " << relaxed.min_words << '\n';
    }
    return out.str();
}

std::string render_search_summary(const SearchResult& result) {
    std::ostringstream out;
    // On a terminal the summary follows the results: keep them a blank line apart.
    if (!result.hits.empty() || !result.facets.empty() || !result.timelines.empty()) out << '\n';
    if (!result.suggestion.empty()) out << "Did you mean: " << result.suggestion << '\n';
    for (const auto& flag : result.flag_suggestions) {
        const bool quote = flag.suggestion.find(' ') != std::string::npos;
        out << "Did you mean: " << flag.flag << ' ' << (quote ? "\"" + flag.suggestion + "\"" : flag.suggestion) << '\n';
    }
    if (result.relaxed) out << relaxed_note(*result.relaxed);
    for (const auto& note : result.notes) out << note << '\n';
    std::size_t first = result.hits.empty() ? 0 : result.offset + 1;
    char took[32];
    std::snprintf(took, sizeof took, "%.1f", result.took_ms);
    out << (result.total_exact ? "" : "about ") << result.total << (result.total == 1 ? " match" : " matches");
    // More like this ranks every article sharing a key word with the one asked about.
    if (!result.similar.empty()) out << " sharing key words with " << result.similar << ", most similar first";
    if (result.stories && result.articles > result.total) out << ", " << result.articles << " articles counting near copies";
    if (!result.hits.empty()) out << ", showing " << first << "–" << result.offset + result.hits.size();
    out << " (" << took << " ms)\n";
    return out.str();
}

std::string render_info_text(const IndexInfo& info) {
    std::ostringstream out;
    out << "index:         " << info.path << '\n';
    out << "articles:      " << info.articles << " (" << info.dated << " dated, " << info.articles - info.dated
        << " undated)\n";
    out << "stories:       " << info.stories << " (what searches count: near copies once; --no-collapse counts each)\n";
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
        const auto& article = member.article;
        out << article.id << "  " << (article.date.empty() ? "undated" : article.date);
        if (!article.source.empty()) out << " · " << article.source;
        out << "  " << article.title << '\n';
    }
    return out.str();
}

}  // namespace newsdex
