#include "searcher/render/render_json.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

#include "searcher/render/render_timeline.hpp"

namespace newsdex {
namespace {

using nlohmann::json;

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace) + "\n"; }

std::string marked(const std::string& snippet) {
    std::string out;
    out.reserve(snippet.size() + 32);
    for (char c : snippet) {
        if (c == highlight_start) {
            out += "<mark>";
        } else if (c == highlight_end) {
            out += "</mark>";
        } else {
            out += c;
        }
    }
    return out;
}

// A missing value is null, not "".
json or_null(const std::string& value) { return value.empty() ? json(nullptr) : json(value); }

json actors_of(const schema::StoredArticle& article) {
    return {{"person", article.persons}, {"org", article.orgs}, {"place", article.places}};
}

// Additive beside "actors": each place with its region and country (null when unknown), and,
// with `why`, the reason it rolled up there.
json places_of(const schema::StoredArticle& article, bool why) {
    auto or_null = [](const std::string& text) { return text.empty() ? json() : json(text); };
    json places = json::array();
    for (const auto& place : article.place_rollups) {
        json item = {{"name", place.name}, {"region", or_null(place.region)}, {"country", or_null(place.country)}};
        if (why) item["why"] = or_null(place.why);
        places.push_back(std::move(item));
    }
    return places;
}

json summary_of(const schema::StoredArticle& article) {
    return {{"id", article.id},
            {"title", article.title},
            {"date", or_null(article.date)},
            {"source", or_null(article.source)},
            {"url", or_null(article.url)}};
}

}  // namespace

std::string render_search_json(const SearchResult& result) {
    json results = json::array();
    for (const auto& hit : result.hits) {
        json item = summary_of(hit.article);
        item["rank"] = hit.rank;
        item["score"] = std::round(hit.score * 1000) / 1000;
        item["snippet"] = result.snippets ? json(marked(hit.snippet)) : json(nullptr);
        item["duplicates"] = hit.duplicates;
        item["cluster"] = or_null(hit.cluster);
        item["actors"] = actors_of(hit.article);
        item["places"] = places_of(hit.article, false);
        results.push_back(std::move(item));
    }
    json facets = json::object();
    for (const auto& [name, values] : result.facets) {
        json list = json::array();
        for (const auto& value : values) list.push_back({{"value", value.value}, {"count", value.count}});
        facets[name] = std::move(list);
    }
    for (const auto& timeline : result.timelines) facets[timeline.period] = timeline_json(timeline);
    // A --similar search without words has no query.
    json query = result.query.empty() && !result.similar.empty() ? json(nullptr) : json(result.query);
    json j = {{"query", query},
              {"similar", or_null(result.similar)},
              {"total", result.total},
              {"total_exact", result.total_exact},
              {"total_unit", result.stories ? "stories" : "articles"},
              {"articles", result.articles},
              {"offset", result.offset},
              {"results", results},
              {"facets", facets},
              {"took_ms", std::round(result.took_ms * 1000) / 1000},
              {"suggestion", or_null(result.suggestion)}};
    json flags = json::array();
    for (const auto& flag : result.flag_suggestions) {
        flags.push_back({{"flag", flag.flag}, {"value", flag.value}, {"suggestion", flag.suggestion}});
    }
    j["flag_suggestions"] = flags;
    j["relaxed"] = result.relaxed ? json{{"words", result.relaxed->words},
                                         {"min_words", result.relaxed->min_words},
                                         {"all_words", result.relaxed->all_words}}
                                  : json(nullptr);
    j["notes"] = result.notes;
    return dump(j);
}

std::string render_info_json(const IndexInfo& info) {
    json top = json::array();
    for (const auto& source : info.top_sources) top.push_back({{"value", source.value}, {"count", source.count}});
    json range = info.first_date.empty() ? json(nullptr) : json{{"from", info.first_date}, {"to", info.last_date}};
    json j = {{"path", info.path},
              {"articles", info.articles},
              {"stories", info.stories},
              {"dated", info.dated},
              {"undated", info.articles - info.dated},
              {"date_range", range},
              {"sources", info.sources},
              {"actors", {{"total", info.actors}, {"person", info.persons}, {"org", info.orgs}, {"place", info.places}}},
              {"top_sources", top},
              {"size_bytes", info.size_bytes},
              {"last_updated", info.last_updated.empty() ? json(nullptr) : json(info.last_updated)},
              {"last_updated_from", info.last_updated_recorded ? "indexer" : "file time"}};
    return dump(j);
}

std::string render_article_json(const LookedUpArticle& found) { return dump(article_json(found)); }

nlohmann::json article_json(const LookedUpArticle& found) {
    const schema::StoredArticle& article = found.article;
    json j = summary_of(article);
    j["author"] = or_null(article.author);
    j["lang"] = or_null(article.lang);
    j["file"] = or_null(article.file);
    j["date_precision"] = or_null(article.date_precision);
    j["cluster"] = or_null(found.cluster);
    j["actors"] = actors_of(article);
    j["places"] = places_of(article, true);
    json seen = json::array();
    for (const auto& s : article.also_seen) seen.push_back({{"id", s.id}, {"source", s.source}, {"url", s.url}, {"file", s.file}});
    j["also_seen"] = seen;
    j["paragraphs"] = article.paragraphs;
    j["body"] = schema::body_text(article);
    return j;
}

std::string render_cluster_json(const std::string& id, const std::vector<LookedUpArticle>& members) {
    json list = json::array();
    for (const auto& member : members) list.push_back(summary_of(member.article));
    return dump({{"id", id}, {"cluster", members.empty() ? json(nullptr) : or_null(members.front().cluster)}, {"members", list}});
}

std::string render_error_json(const std::string& message, ExitCode code) {
    return dump({{"error", message}, {"exit", static_cast<int>(code)}});
}

}  // namespace newsdex
