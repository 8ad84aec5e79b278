#pragma once
/// Removing web furniture from one article: "Source:" lines, the headline repeated in the body,
/// a site name appended to the headline, and whatever the boilerplate rules match (including
/// the cut at a related-content marker near the end).

#include "indexer/clean/boilerplate_rules.hpp"
#include "indexer/removal.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

struct Article;
class SourceBoilerplate;

/// One paragraph while an article is being cleaned.
struct CleanParagraph {
    std::string text;                ///< stored form (see normalize_stored)
    std::string matching;            ///< matching form of `text` (see matching_form)
    std::optional<Removal> removal;  ///< set once the paragraph is removed

    /// Returns true while no step has removed the paragraph.
    [[nodiscard]] bool kept() const noexcept { return !removal; }
};

/// Returns the host name of `url`, lower-cased, without "www." ("https://www.AUN-News.com/x" →
/// "aun-news.com"); empty when there is none. Never fails.
[[nodiscard]] std::string url_host(std::string_view url);

/// A headline split at its last separator (" — ", " – ", " - ", " | ", " · ", " • ", " :: ").
struct TitleSuffix {
    std::string head;       ///< the headline before the separator, trimmed
    std::string separator;  ///< the separator as written, with its spaces
    std::string segment;    ///< the text after the separator, trimmed
};

/// Returns `title` split at its last separator when the segment after it is short enough to be
/// a site name (1 to 5 words, at most 40 characters) and the head keeps at least 2 words;
/// nothing otherwise. Says nothing about whether the segment IS a site name. Never fails.
[[nodiscard]] std::optional<TitleSuffix> split_title_suffix(std::string_view title);

/// Returns true when `segment` looks like the name of an outlet: every word capitalised (small
/// words such as "of", "the" aside) and either containing an outlet word (News, Times, Post,
/// Herald, Tribune, Journal, Gazette, Telegraph, Guardian, Chronicle, Express, Mirror, Daily,
/// Press, Wire, Online, Magazine, Radio, Reuters, AFP, BBC, CNN, Bloomberg, Xinhua, TASS,
/// Jazeera, Insider) or being a domain name ("aun-news.com"). "what happens next", "Kennedy"
/// and "TUC" do not. Never fails.
[[nodiscard]] bool looks_like_outlet_name(std::string_view segment);

/// Applies the per-article boilerplate steps. Holds references only: cheap to build per call,
/// const and safe to share between threads.
class BoilerplateFilter {
public:
    /// How many paragraphs at each end of the body may hold a "Source:" line or a repeated headline.
    static constexpr std::size_t edge_paragraphs = 3;

    /// Makes a filter using `rules`, and `learned` (may be null) to confirm recurring site
    /// names after headlines. Both must outlive the filter.
    explicit BoilerplateFilter(const BoilerplateRules& rules, const SourceBoilerplate* learned = nullptr) noexcept;

    /// Runs every step below in order (source lines, site name, headline repeats, rules) on
    /// `article`'s title and `paragraphs`: marks removed paragraphs, and may shorten
    /// article.title and set article.source. Returns the removals that are not paragraphs (a
    /// site name cut from the headline). Never fails.
    std::vector<Removal> apply(Article& article, std::vector<CleanParagraph>& paragraphs) const;

    /// Removes "Source: X" lines (X at most 8 words and 80 characters, among the first or last
    /// edge_paragraphs kept paragraphs; "Sources:" lists are kept) with reason source_line, and
    /// sets `source` to X when it is empty. Never fails.
    void remove_source_lines(std::vector<CleanParagraph>& paragraphs, std::string& source) const;

    /// Cuts a site name after the headline's last separator (see split_title_suffix) when the
    /// segment equals the source, or matches the URL's host name, or ends at least 5 and 30% of
    /// the headlines of the same group (see SourceBoilerplate), or looks like an outlet name.
    /// Sets article.source to the segment when it was empty. Returns the removal (reason title),
    /// or nothing when the headline is left alone. Never fails.
    std::optional<Removal> strip_site_name(Article& article) const;

    /// Removes, among the first edge_paragraphs kept paragraphs, those whose paragraph_key
    /// equals the key of `title` or of `original_title` (reason title). Never fails.
    void remove_headline_repeats(std::string_view title, std::string_view original_title,
                                 std::vector<CleanParagraph>& paragraphs) const;

    /// Applies the boilerplate rules to the kept paragraphs: a drop match is removed (reason
    /// boilerplate); the first tail match near the end (see is_near_end) is removed with every
    /// kept paragraph after it (reason tail); a tail match elsewhere is removed alone (reason
    /// boilerplate). A paragraph with no letter or digit at all is removed too. Never fails.
    void apply_rules(std::vector<CleanParagraph>& paragraphs) const;

    /// Returns true when position `index` of `paragraphs` (kept ones only count) is near the
    /// end: at least one kept paragraph precedes it and either it is in the last third of the
    /// kept paragraphs or at least two thirds of the kept text comes before it. Never fails.
    [[nodiscard]] static bool is_near_end(const std::vector<CleanParagraph>& paragraphs, std::size_t index);

private:
    const BoilerplateRules& m_rules;     ///< the rules apply_rules uses
    const SourceBoilerplate* m_learned;  ///< confirms recurring site names; may be null
};

}  // namespace newsdex
