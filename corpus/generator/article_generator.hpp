#pragma once
/// Synthetic news articles for tests and benchmarks: originals written by a TextModel around a
/// recurring cast of invented actors, with web furniture, and planted exact copies, near copies and
/// "related but different" articles whose similarity to their source is measured and recorded.

#include "corpus/generator/text_model.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex::generator {

/// What to generate. The same options, seed and model give byte-identical output.
struct GeneratorOptions {
    std::uint64_t count = 1000;   ///< articles to write (write_corpus only)
    std::uint64_t seed = 1;
    double exact_rate = 0.05;     ///< share of articles that are exact copies of an earlier one
    double near_rate = 0.10;      ///< share that are near copies (body 5-shingle Jaccard >= 0.8)
    double related_rate = 0.02;   ///< share that reuse part of an earlier article (Jaccard 0.3-0.6)
    std::size_t mean_bytes = 2200;  ///< target mean body size in bytes (about the BBC corpus's)
    int from_year = 2015;         ///< first year of the date range
    int to_year = 2024;           ///< last year of the date range (inclusive)
};

/// Throws std::invalid_argument, naming the option, when `options` are out of range: rates outside
/// [0, 1] or summing above 0.9, mean_bytes outside [200, 1000000], years outside 1970..2099 or
/// reversed.
void validate(const GeneratorOptions& options);

/// How an article relates to the story it belongs to.
enum class CopyKind {
    original,  ///< first article of its cluster
    exact,     ///< same title and body as the original; other id, source, url, maybe date
    near,      ///< an edited copy of the original: same story
    related,   ///< reuses part of an earlier article but is a different story (its own cluster)
};

/// The truth-file name of `kind`: "original", "exact", "near" or "related".
std::string_view kind_name(CopyKind kind);

/// One generated article and the truth about it.
struct GeneratedArticle {
    std::string id;      ///< "gen-0000001", numbered from 1 in stream order
    std::string title;
    std::string body;    ///< paragraphs separated by a blank line ("\n\n")
    std::optional<std::string> date_text;     ///< the date as a string, in one of several formats
    std::optional<std::int64_t> date_epoch;   ///< the date as Unix seconds (set instead of date_text)
    std::string source;
    std::string author;
    std::string url;
    std::string cluster;  ///< "c0000042": articles of one cluster are the same story
    CopyKind kind = CopyKind::original;
    std::string of;       ///< for copies and related articles, the id they were made from
    std::optional<double> jaccard;  ///< body 5-shingle Jaccard with `of`, rounded to 4 decimals
};

/// Counts of what a generator has planted so far.
struct CorpusSummary {
    std::uint64_t seed = 0;
    std::uint64_t articles = 0;
    std::uint64_t originals = 0;
    std::uint64_t exact = 0;
    std::uint64_t near = 0;
    std::uint64_t related = 0;
    std::uint64_t clusters = 0;              ///< originals + related articles
    std::uint64_t clusters_with_copies = 0;  ///< clusters with at least 2 members
    std::uint64_t largest_cluster = 1;       ///< members in the biggest cluster
    std::uint64_t true_pairs = 0;            ///< same-cluster article pairs (the dedup ground truth)
    std::uint64_t body_bytes = 0;
    double near_jaccard_min = 1.0;
    double near_jaccard_sum = 0.0;
    double related_jaccard_min = 1.0;
    double related_jaccard_max = 0.0;
};

/// The stream of articles for one seed. Keeps only what later copies need (a ring of recent
/// originals and a reservoir of far-back ones), so memory stays bounded for any count.
class ArticleGenerator {
public:
    /// Prepares the invented world (people, organisations, places, outlets) for `options.seed`.
    /// Throws std::invalid_argument when `options` are invalid. `model` must outlive the generator.
    ArticleGenerator(const TextModel& model, const GeneratorOptions& options);
    ~ArticleGenerator();
    ArticleGenerator(const ArticleGenerator&) = delete;
    ArticleGenerator& operator=(const ArticleGenerator&) = delete;

    /// Returns the next article of the stream.
    GeneratedArticle next();

    /// What has been generated so far.
    const CorpusSummary& summary() const;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

/// The article as one JSON object without a newline: id, title, body, date (string or number;
/// absent when unknown), source, author, url.
std::string article_json(const GeneratedArticle& article);

/// The truth record as one JSON object without a newline: id, cluster, kind, of (null for
/// originals), jaccard (null for originals).
std::string truth_json(const GeneratedArticle& article);

/// The summary as a JSON object (counts, clusters, true pairs, Jaccard ranges, mean body size).
nlohmann::ordered_json summary_json(const CorpusSummary& summary);

/// Writes `options.count` articles as JSON Lines to `articles` and, when `truth` is given, one truth
/// line per article to it. Throws std::runtime_error when a stream fails, std::invalid_argument for
/// invalid options.
CorpusSummary write_corpus(const TextModel& model, const GeneratorOptions& options, std::ostream& articles,
                           std::ostream* truth);

/// Everything the generate-corpus program does, as settings.
struct CorpusJob {
    GeneratorOptions options;
    std::filesystem::path model_dir;  ///< directory of .txt articles to learn from
    std::string out = "-";            ///< article file, or "-" for `standard_output`
    std::string truth;                ///< truth file, empty for none
    std::string summary;              ///< summary JSON file, empty for none
};

/// Builds the model, writes the corpus, truth and summary files of `job`, and returns the summary.
/// Throws ModelError, std::invalid_argument or std::runtime_error (a file cannot be written).
CorpusSummary run_corpus_job(const CorpusJob& job, std::ostream& standard_output);

/// The body's word 5-shingles as sorted, distinct 64-bit hashes. Words are the whitespace-separated
/// tokens, ASCII-lower-cased, with leading and trailing ASCII punctuation removed (tokens left empty
/// are dropped); shingles run across paragraph breaks. A body of 1-4 words has one shingle of all
/// its words; an empty body has none.
std::vector<std::uint64_t> body_shingles(std::string_view body);

/// Jaccard similarity of two sorted shingle sets; 1.0 when both are empty.
double shingle_jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b);

/// Jaccard similarity of two bodies' word 5-shingles (see body_shingles).
double body_jaccard(std::string_view a, std::string_view b);

}  // namespace newsdex::generator
