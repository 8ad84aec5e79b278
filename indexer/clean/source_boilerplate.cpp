#include "indexer/clean/source_boilerplate.hpp"
#include "indexer/clean/paragraph_splitter.hpp"

#include "common/article.hpp"
#include "common/unicode_text.hpp"
#include "indexer/clean/boilerplate_filter.hpp"
#include "indexer/clean/repeated_paragraphs.hpp"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <vector>

namespace newsdex {

namespace {

std::uint64_t hash_text(std::string_view text) { return std::hash<std::string_view>{}(text); }

/// The key that identifies a source or a headline group: case-folded and trimmed.
std::uint64_t group_hash(std::string_view name) { return hash_text(paragraph_key(name)); }

std::size_t word_count(std::string_view key) {
    return key.empty() ? 0 : static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
}

/// Quoted speech is never learned: two articles of one outlet may well carry the same quote.
bool looks_like_speech(std::string_view matching, std::string_view key) {
    if (matching.find('"') != std::string_view::npos) return true;
    const std::string padded = " " + std::string(key) + " ";
    for (const std::string_view verb : {" said ", " says ", " told ", " say "}) {
        if (padded.find(verb) != std::string::npos) return true;
    }
    return false;
}

/// Headlines are grouped by URL host, else by the directory (or file) they were read from:
/// fields that cleaning never changes, unlike the source.
std::uint64_t title_group(const Article& article) {
    if (const std::string host = url_host(article.url); !host.empty()) return group_hash("host " + host);
    return group_hash("dir " + std::filesystem::path(article.origin.file).parent_path().string());
}

}  // namespace

SourceBoilerplate::SourceBoilerplate(SourceBoilerplateThresholds thresholds) : m_thresholds(thresholds) {}

void SourceBoilerplate::observe(const Article& article) {
    // All the text work happens before taking the lock.
    std::optional<std::uint64_t> suffix_hash;
    if (const auto suffix = split_title_suffix(normalize_stored(article.title))) {
        suffix_hash = group_hash(suffix->segment);
    }
    const std::uint64_t group = title_group(article);

    const std::string source_key = paragraph_key(article.source);
    std::vector<std::uint64_t> learned;
    std::uint64_t text_hash = 14695981039346656037ULL;
    if (!source_key.empty()) {
        for (const std::string& paragraph : prepare_paragraphs(article.paragraphs)) {
            text_hash = (text_hash ^ hash_text(paragraph)) * 1099511628211ULL;
            const std::string matching = matching_form(paragraph);
            const std::string key = paragraph_key(matching);
            const std::size_t words = word_count(key);
            if (words < 2 || words > m_thresholds.max_words || looks_like_speech(matching, key)) continue;
            learned.push_back(hash_text(key));
        }
        std::sort(learned.begin(), learned.end());
        learned.erase(std::unique(learned.begin(), learned.end()), learned.end());
    }

    const std::lock_guard lock(m_mutex);
    TitleGroupStats& titles = m_title_groups[group];
    ++titles.titles;
    if (suffix_hash) ++titles.suffixes[*suffix_hash];
    if (source_key.empty()) return;
    SourceStats& stats = m_sources[hash_text(source_key)];
    if (!stats.seen_texts.insert(text_hash).second) return;  // an identical copy
    ++stats.articles;
    for (const std::uint64_t hash : learned) ++stats.paragraphs[hash];
}

std::optional<std::size_t> SourceBoilerplate::recurrence(std::string_view source, std::string_view paragraph) const {
    const std::string source_key = paragraph_key(source);
    if (source_key.empty()) return std::nullopt;
    const auto stats = m_sources.find(hash_text(source_key));
    if (stats == m_sources.end()) return std::nullopt;
    const std::string matching = matching_form(paragraph);
    const std::string key = paragraph_key(matching);
    const std::size_t words = word_count(key);
    if (words < 2 || words > m_thresholds.max_words || looks_like_speech(matching, key)) return std::nullopt;
    const auto count = stats->second.paragraphs.find(hash_text(key));
    if (count == stats->second.paragraphs.end()) return std::nullopt;
    const auto articles = static_cast<double>(stats->second.articles);
    if (count->second < m_thresholds.min_articles || count->second < m_thresholds.min_share * articles) {
        return std::nullopt;
    }
    return count->second;
}

bool SourceBoilerplate::is_boilerplate(std::string_view source, std::string_view paragraph) const {
    return recurrence(source, paragraph).has_value();
}

std::size_t SourceBoilerplate::article_count(std::string_view source) const {
    const auto stats = m_sources.find(hash_text(paragraph_key(source)));
    return stats == m_sources.end() ? 0 : stats->second.articles;
}

std::optional<std::size_t> SourceBoilerplate::title_suffix_recurrence(const Article& article,
                                                                      std::string_view segment) const {
    const auto group = m_title_groups.find(title_group(article));
    if (group == m_title_groups.end()) return std::nullopt;
    const auto count = group->second.suffixes.find(group_hash(segment));
    if (count == group->second.suffixes.end()) return std::nullopt;
    const auto titles = static_cast<double>(group->second.titles);
    if (count->second < m_thresholds.min_title_suffixes || count->second < m_thresholds.min_title_share * titles) {
        return std::nullopt;
    }
    return count->second;
}

}  // namespace newsdex
