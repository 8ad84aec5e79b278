#pragma once
/// Corpus-level learning of boilerplate: short paragraphs that one source repeats in many of its
/// articles (a footer, a newsletter plug), and site names that end most headlines of a site.

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace newsdex {

struct Article;

/// When a recurring paragraph counts as boilerplate.
struct SourceBoilerplateThresholds {
    std::size_t max_words = 40;          ///< only paragraphs of 2..max_words words are learned
    std::size_t min_articles = 5;        ///< it must recur in at least this many articles of the source
    double min_share = 0.02;             ///< ... and in at least this share of the source's articles
    std::size_t min_title_suffixes = 5;  ///< a headline suffix must end at least this many headlines
    double min_title_share = 0.3;        ///< ... and this share of the headlines of its group
};

/// Learns from a pre-scan of the corpus. Call observe() for every article first (from one or
/// several threads), then query from any number of threads: the queries are const and take no
/// lock, so they must not overlap with observe(). Memory: 64-bit hashes and counters only, no
/// text: about 50 bytes per distinct short paragraph per source and per article.
class SourceBoilerplate {
public:
    /// Makes an empty learner with the given thresholds.
    explicit SourceBoilerplate(SourceBoilerplateThresholds thresholds = {});
    SourceBoilerplate(const SourceBoilerplate&) = delete;
    SourceBoilerplate& operator=(const SourceBoilerplate&) = delete;

    /// Counts `article`: its short paragraphs (each distinct one once) under its source, and its
    /// headline's last segment (see split_title_suffix) under its headline group: the URL's
    /// host, else the directory of origin.file (not the source, which cleaning may set).
    /// Paragraphs are keyed as the cleaner sees them (prepare_paragraphs, then paragraph_key).
    /// Articles with an empty source teach no paragraphs; an article whose text was already
    /// seen for its source is not counted again (byte-identical copies must not make a
    /// paragraph "recur"); paragraphs that look like quoted speech (a double quote, or "said",
    /// "says", "say", "told") are never learned. Thread-safe (takes a lock). Never fails.
    void observe(const Article& article);

    /// Returns in how many articles of `source` the paragraph recurs when that makes it
    /// boilerplate (>= min_articles and >= min_share of the source's articles), else nothing.
    /// `paragraph` is in stored or matching form. Thread-safe once observation is over.
    [[nodiscard]] std::optional<std::size_t> recurrence(std::string_view source, std::string_view paragraph) const;

    /// Returns true when recurrence(source, paragraph) has a value.
    [[nodiscard]] bool is_boilerplate(std::string_view source, std::string_view paragraph) const;

    /// Returns how many distinct articles of `source` were observed.
    [[nodiscard]] std::size_t article_count(std::string_view source) const;

    /// Returns how many headlines of `article`'s group end with `segment` when that makes it a
    /// recurring site name (>= min_title_suffixes and >= min_title_share of the group's
    /// headlines), else nothing. Thread-safe once observation is over.
    [[nodiscard]] std::optional<std::size_t> title_suffix_recurrence(const Article& article,
                                                                     std::string_view segment) const;

private:
    /// What was counted for one source.
    struct SourceStats {
        std::size_t articles = 0;                                     ///< distinct articles seen
        std::unordered_map<std::uint64_t, std::uint32_t> paragraphs;  ///< key hash → articles
        std::unordered_set<std::uint64_t> seen_texts;                 ///< article text hashes
    };
    /// What was counted for one headline group (a URL host or an input directory).
    struct TitleGroupStats {
        std::size_t titles = 0;                                     ///< headlines seen
        std::unordered_map<std::uint64_t, std::uint32_t> suffixes;  ///< suffix key hash → titles
    };

    SourceBoilerplateThresholds m_thresholds;  ///< when counts make boilerplate
    std::mutex m_mutex;  ///< serialises observe()
    std::unordered_map<std::uint64_t, SourceStats> m_sources;         ///< by source key hash
    std::unordered_map<std::uint64_t, TitleGroupStats> m_title_groups;  ///< by group key hash
};

}  // namespace newsdex
