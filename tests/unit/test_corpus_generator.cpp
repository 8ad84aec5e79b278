// Tests of the synthetic corpus generator (corpus/generator): determinism, planted rates, the
// similarity of every planted copy (recomputed here independently), and the realism measures
// the deduplication tests and the benchmarks rely on.

#include "corpus/generator/article_generator.hpp"
#include "corpus/generator/random.hpp"
#include "corpus/generator/text_model.hpp"
#include "tests/support/paths.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace newsdex::generator;
using nlohmann::json;

const TextModel& bbc_model()
{
    static const TextModel model = TextModel::from_directory(newsdex::test::shared_corpus() / "bbc");
    return model;
}

struct Corpus {
    std::string articles;
    std::string truth;
    CorpusSummary summary;
};

Corpus generate(const GeneratorOptions& options)
{
    std::ostringstream articles;
    std::ostringstream truth;
    Corpus corpus;
    corpus.summary = write_corpus(bbc_model(), options, articles, &truth);
    corpus.articles = articles.str();
    corpus.truth = truth.str();
    return corpus;
}

std::vector<json> parse_lines(const std::string& text)
{
    std::vector<json> records;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        records.push_back(json::parse(line));
    }
    return records;
}

// The 2,000-article sample most tests look at: default rates, seed 42.
struct Sample {
    Corpus corpus;
    std::vector<json> articles;
    std::vector<json> truth;
    std::map<std::string, std::size_t> index;  // id -> position
};

const Sample& sample()
{
    static const Sample s = [] {
        Sample result;
        GeneratorOptions options;
        options.count = 2000;
        options.seed = 42;
        result.corpus = generate(options);
        result.articles = parse_lines(result.corpus.articles);
        result.truth = parse_lines(result.corpus.truth);
        for (std::size_t i = 0; i < result.articles.size(); ++i) {
            result.index[result.articles[i]["id"].get<std::string>()] = i;
        }
        return result;
    }();
    return s;
}

// An independent implementation of the documented shingle definition: whitespace tokens,
// ASCII-lower-cased, leading and trailing ASCII punctuation stripped, empty tokens dropped,
// word 5-grams kept as strings.
std::set<std::string> shingles(const std::string& body)
{
    std::vector<std::string> words;
    std::istringstream in(body);
    std::string token;
    while (in >> token) {
        std::size_t begin = 0;
        std::size_t end = token.size();
        while (begin < end && std::ispunct(static_cast<unsigned char>(token[begin])) &&
               static_cast<unsigned char>(token[begin]) < 0x80) {
            ++begin;
        }
        while (end > begin && std::ispunct(static_cast<unsigned char>(token[end - 1])) &&
               static_cast<unsigned char>(token[end - 1]) < 0x80) {
            --end;
        }
        std::string word = token.substr(begin, end - begin);
        for (char& c : word) {
            if (c >= 'A' && c <= 'Z') {
                c = static_cast<char>(c - 'A' + 'a');
            }
        }
        if (!word.empty()) {
            words.push_back(word);
        }
    }
    std::set<std::string> result;
    const std::size_t width = std::min<std::size_t>(5, words.size());
    for (std::size_t i = 0; width > 0 && i + width <= words.size(); ++i) {
        std::string shingle;
        for (std::size_t k = 0; k < width; ++k) {
            shingle += words[i + k];
            shingle += '\x1F';
        }
        result.insert(shingle);
    }
    return result;
}

double jaccard(const std::set<std::string>& a, const std::set<std::string>& b)
{
    if (a.empty() && b.empty()) {
        return 1.0;
    }
    std::size_t common = 0;
    for (const auto& s : a) {
        common += b.count(s);
    }
    return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

std::string body_of(const Sample& s, const std::string& id)
{
    return s.articles[s.index.at(id)]["body"].get<std::string>();
}

// The original an article descends from, following `of` through related articles.
std::string root_of(const Sample& s, std::string id)
{
    for (;;) {
        const json& t = s.truth[s.index.at(id)];
        if (t["of"].is_null()) {
            return id;
        }
        id = t["of"].get<std::string>();
    }
}

}  // namespace

TEST_CASE("the random generator yields the same numbers on every platform", "[generator][random]")
{
    Rng rng(42);
    CHECK(rng.next() == 1546998764402558742ULL);
    CHECK(rng.next() == 6990951692964543102ULL);
    CHECK(rng.next() == 12544586762248559009ULL);

    Rng bounded(42);
    const std::vector<std::uint64_t> expected = {83, 378, 680, 924, 991};
    for (const auto value : expected) {
        CHECK(bounded.below(1000) == value);
    }

    Rng zipf_rng(7);
    const ZipfTable zipf(10);
    const std::vector<std::size_t> ranks = {3, 1, 0, 5, 5, 3, 1, 0, 3, 1};
    for (const auto rank : ranks) {
        CHECK(zipf.sample(zipf_rng) == rank);
    }
    CHECK(mix_seed(1, 2) == 17976013367585798959ULL);
}

TEST_CASE("shingle Jaccard follows its definition", "[generator][shingles]")
{
    struct Row {
        const char* a;
        const char* b;
        double expected;
    };
    const std::vector<Row> table = {
        {"one two three four five", "One, two three four FIVE.", 1.0},   // case and punctuation ignored
        {"one two three four five", "six seven eight nine ten", 0.0},
        {"", "", 1.0},                                                   // both empty
        {"a b c d e f", "a b c d e g", 1.0 / 3.0},                       // {abcde, bcdef} vs {abcde, bcdeg}
        {"a b c\n\nd e f", "a b c d e f", 1.0},                          // shingles cross paragraphs
        {"short text", "short text", 1.0},                               // fewer than five words
    };
    for (const auto& row : table) {
        INFO(row.a << " | " << row.b);
        CHECK(body_jaccard(row.a, row.b) == Approx(row.expected));
        CHECK(jaccard(shingles(row.a), shingles(row.b)) == Approx(row.expected));
    }
}

TEST_CASE("invalid generator options are rejected naming the option", "[generator][options]")
{
    struct Row {
        GeneratorOptions options;
        const char* names;
    };
    auto with = [](auto change) {
        GeneratorOptions o;
        change(o);
        return o;
    };
    const std::vector<Row> table = {
        {with([](GeneratorOptions& o) { o.exact_rate = 1.5; }), "--exact-rate"},
        {with([](GeneratorOptions& o) { o.near_rate = -0.1; }), "--near-rate"},
        {with([](GeneratorOptions& o) { o.exact_rate = 0.5; o.near_rate = 0.5; }), "--near-rate"},
        {with([](GeneratorOptions& o) { o.mean_bytes = 10; }), "--mean-bytes"},
        {with([](GeneratorOptions& o) { o.from_year = 2030; o.to_year = 2020; }), "--from-year"},
    };
    for (const auto& row : table) {
        CHECK_THROWS_WITH(validate(row.options), Catch::Contains(row.names));
    }
    CHECK_NOTHROW(validate(GeneratorOptions{}));
}

TEST_CASE("a missing model directory or too little text is a model error", "[generator][model]")
{
    CHECK_THROWS_AS(TextModel::from_directory(newsdex::test::shared_corpus() / "no-such-folder"), ModelError);
    CHECK_THROWS_AS(TextModel::from_texts({"Headline\n\nOne paragraph."}), ModelError);
}

TEST_CASE("the text model learns from all BBC articles", "[generator][model]")
{
    const ModelStats& stats = bbc_model().stats();
    CHECK(stats.articles == 2225);
    CHECK(stats.words > 800000);
    CHECK(stats.vocabulary > 30000);
    CHECK(stats.sentences > 30000);
    CHECK(bbc_model().mean_body_bytes() > 2000);
}

TEST_CASE("the same seed and options give byte-identical corpora", "[generator][determinism]")
{
    GeneratorOptions options;
    options.count = 300;
    options.seed = 1234;
    const Corpus first = generate(options);
    const Corpus second = generate(options);
    CHECK(first.articles == second.articles);
    CHECK(first.truth == second.truth);

    options.seed = 1235;
    const Corpus other = generate(options);
    CHECK(other.articles != first.articles);
}

TEST_CASE("articles carry the metadata fields of scraped news", "[generator][format]")
{
    const Sample& s = sample();
    REQUIRE(s.articles.size() == 2000);
    std::set<std::string> sources;
    for (std::size_t i = 0; i < s.articles.size(); ++i) {
        const json& a = s.articles[i];
        char expected_id[32];
        std::snprintf(expected_id, sizeof expected_id, "gen-%07zu", i + 1);
        CHECK(a["id"] == expected_id);
        CHECK(!a["title"].get<std::string>().empty());
        CHECK(!a["body"].get<std::string>().empty());
        CHECK(!a["author"].get<std::string>().empty());
        CHECK(a["url"].get<std::string>().rfind("https://", 0) == 0);
        sources.insert(a["source"].get<std::string>());
    }
    CHECK(sources.size() >= 40);
}

TEST_CASE("dates come in the mixed formats news metadata has", "[generator][dates]")
{
    const std::vector<std::pair<std::string, std::regex>> forms = {
        {"iso", std::regex(R"(\d{4}-\d\d-\d\d)")},
        {"iso-time", std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d))")},
        {"rfc2822", std::regex(R"((Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d (GMT|[+-]\d{4}))")},
        {"month-day-year", std::regex(R"([A-Z][a-z]+ \d{1,2}, \d{4})")},
        {"day-month-year", std::regex(R"(\d{1,2} [A-Z][a-z]+ \d{4})")},
        {"month-only", std::regex(R"(\d{4}-\d\d)")},
    };
    std::map<std::string, std::size_t> seen;
    for (const json& a : sample().articles) {
        if (!a.contains("date")) {
            ++seen["missing"];
            continue;
        }
        if (a["date"].is_number_integer()) {
            const auto epoch = a["date"].get<std::int64_t>();
            CHECK(epoch >= 1420070400);  // 2015-01-01
            CHECK(epoch < 1735689600);   // 2025-01-01
            ++seen["epoch"];
            continue;
        }
        const std::string text = a["date"].get<std::string>();
        std::string form = "other";
        for (const auto& [name, pattern] : forms) {
            if (std::regex_match(text, pattern)) {
                form = name;
                break;
            }
        }
        INFO(text);
        CHECK(form != "other");
        std::smatch year;
        REQUIRE(std::regex_search(text, year, std::regex(R"(\d{4})")));
        // A local time east or west of UTC may fall on the other side of New Year.
        const bool local = std::regex_search(text, std::regex(R"([+-]\d\d:?\d\d$)"));
        CHECK(std::stoi(year.str()) >= (local ? 2014 : 2015));
        CHECK(std::stoi(year.str()) <= (local ? 2025 : 2024));
        ++seen[form];
    }
    for (const char* form : {"iso", "iso-time", "rfc2822", "month-day-year", "day-month-year", "month-only", "epoch",
                             "missing"}) {
        INFO(form);
        CHECK(seen[form] >= 10);
    }
    CHECK(seen["iso"] > seen["missing"]);
}

TEST_CASE("bodies carry web furniture and repeated paragraphs at their rates", "[generator][furniture]")
{
    std::map<std::string, std::size_t> seen;
    std::size_t repeated = 0;
    for (const json& a : sample().articles) {
        const std::string body = a["body"].get<std::string>();
        std::vector<std::string> paragraphs;
        std::size_t start = 0;
        for (;;) {
            const std::size_t end = body.find("\n\n", start);
            paragraphs.push_back(body.substr(start, end - start));
            if (end == std::string::npos) {
                break;
            }
            start = end + 2;
        }
        for (const auto& p : paragraphs) {
            ++seen[p];
        }
        std::set<std::string> distinct(paragraphs.begin(), paragraphs.end());
        repeated += distinct.size() < paragraphs.size() ? 1 : 0;
    }
    // 2,000 articles at rates of 2-8 % each.
    CHECK(seen["Share post:"] >= 40);
    CHECK(seen["Share."] >= 40);
    CHECK(seen["About Author"] >= 30);
    CHECK(seen["Comments are closed."] >= 30);
    CHECK(seen["More like this"] >= 80);
    CHECK(seen["0"] >= 10);
    CHECK(repeated >= 20);
}

TEST_CASE("planted copies appear at the configured rates and the summary counts them", "[generator][rates]")
{
    const Sample& s = sample();
    std::map<std::string, std::size_t> kinds;
    std::map<std::string, std::uint64_t> cluster_sizes;
    for (const json& t : s.truth) {
        ++kinds[t["kind"].get<std::string>()];
        ++cluster_sizes[t["cluster"].get<std::string>()];
    }
    const double n = 2000.0;
    CHECK(kinds["exact"] / n == Approx(0.05).margin(0.02));
    CHECK(kinds["near"] / n == Approx(0.10).margin(0.025));
    CHECK(kinds["related"] / n == Approx(0.02).margin(0.012));

    std::uint64_t pairs = 0;
    std::uint64_t with_copies = 0;
    std::uint64_t largest = 0;
    for (const auto& [cluster, size] : cluster_sizes) {
        pairs += size * (size - 1) / 2;
        with_copies += size >= 2 ? 1 : 0;
        largest = std::max(largest, size);
    }
    const CorpusSummary& summary = s.corpus.summary;
    CHECK(summary.articles == 2000);
    CHECK(summary.originals == kinds["original"]);
    CHECK(summary.exact == kinds["exact"]);
    CHECK(summary.near == kinds["near"]);
    CHECK(summary.related == kinds["related"]);
    CHECK(summary.clusters == cluster_sizes.size());
    CHECK(summary.true_pairs == pairs);
    CHECK(summary.clusters_with_copies == with_copies);
    CHECK(summary.largest_cluster == largest);
    CHECK(largest >= 4);  // some stories are republished many times
}

TEST_CASE("copies come later in the stream than the article they copy", "[generator][rates]")
{
    const Sample& s = sample();
    std::size_t far = 0;
    for (std::size_t i = 0; i < s.truth.size(); ++i) {
        const json& t = s.truth[i];
        if (t["of"].is_null()) {
            CHECK(t["kind"] == "original");
            continue;
        }
        const std::size_t source = s.index.at(t["of"].get<std::string>());
        CHECK(source < i);
        CHECK(s.truth[source]["kind"] != "exact");
        CHECK(s.truth[source]["kind"] != "near");
        far += (i - source > 500) ? 1 : 0;
    }
    CHECK(far > 0);
}

TEST_CASE("exact copies repeat the original's title and body under another source", "[generator][exact]")
{
    const Sample& s = sample();
    std::size_t checked = 0;
    for (const json& t : s.truth) {
        if (t["kind"] != "exact") {
            continue;
        }
        const json& copy = s.articles[s.index.at(t["id"].get<std::string>())];
        const json& original = s.articles[s.index.at(t["of"].get<std::string>())];
        CHECK(copy["title"] == original["title"]);
        CHECK(copy["body"] == original["body"]);
        CHECK(copy["source"] != original["source"]);
        CHECK(copy["url"] != original["url"]);
        CHECK(t["cluster"] == s.truth[s.index.at(t["of"].get<std::string>())]["cluster"]);
        CHECK(t["jaccard"].get<double>() == 1.0);
        ++checked;
    }
    CHECK(checked > 50);
}

TEST_CASE("every near copy keeps a body Jaccard of at least 0.8 with its original", "[generator][near]")
{
    const Sample& s = sample();
    std::size_t checked = 0;
    std::size_t differing = 0;
    for (const json& t : s.truth) {
        if (t["kind"] != "near") {
            continue;
        }
        const std::string id = t["id"].get<std::string>();
        const std::string of = t["of"].get<std::string>();
        const double recomputed = jaccard(shingles(body_of(s, id)), shingles(body_of(s, of)));
        INFO(id << " of " << of);
        CHECK(recomputed >= 0.8);
        CHECK(t["jaccard"].get<double>() == Approx(recomputed).margin(0.0001));
        CHECK(t["cluster"] == s.truth[s.index.at(of)]["cluster"]);
        differing += body_of(s, id) != body_of(s, of) ? 1 : 0;
        ++checked;
    }
    CHECK(checked > 100);
    CHECK(differing == checked);
}

TEST_CASE("related articles overlap their source by 0.3 to 0.6 and form their own cluster", "[generator][related]")
{
    const Sample& s = sample();
    std::size_t checked = 0;
    for (const json& t : s.truth) {
        if (t["kind"] != "related") {
            continue;
        }
        const std::string id = t["id"].get<std::string>();
        const std::string of = t["of"].get<std::string>();
        const double recomputed = jaccard(shingles(body_of(s, id)), shingles(body_of(s, of)));
        INFO(id << " of " << of);
        CHECK(recomputed >= 0.3);
        CHECK(recomputed <= 0.6);
        CHECK(t["jaccard"].get<double>() == Approx(recomputed).margin(0.0001));
        CHECK(t["cluster"] != s.truth[s.index.at(of)]["cluster"]);
        ++checked;
    }
    CHECK(checked > 15);
}

TEST_CASE("unrelated generated articles share almost no 5-word shingles", "[generator][realism]")
{
    const Sample& s = sample();
    Rng rng(99);
    double total = 0;
    double worst = 0;
    std::size_t pairs = 0;
    while (pairs < 300) {
        const auto i = static_cast<std::size_t>(rng.below(s.articles.size()));
        const auto j = static_cast<std::size_t>(rng.below(s.articles.size()));
        const std::string a = s.articles[i]["id"].get<std::string>();
        const std::string b = s.articles[j]["id"].get<std::string>();
        if (root_of(s, a) == root_of(s, b)) {
            continue;
        }
        const double value = jaccard(shingles(body_of(s, a)), shingles(body_of(s, b)));
        total += value;
        worst = std::max(worst, value);
        ++pairs;
    }
    CHECK(worst < 0.3);
    CHECK(total / static_cast<double>(pairs) < 0.01);
}

TEST_CASE("generated text has a Zipf-like vocabulary", "[generator][realism]")
{
    std::map<std::string, std::size_t> counts;
    std::size_t tokens = 0;
    for (std::size_t i = 0; i < 300; ++i) {
        std::istringstream in(sample().articles[i]["body"].get<std::string>());
        std::string word;
        while (in >> word) {
            ++counts[word];
            ++tokens;
        }
    }
    std::vector<std::size_t> frequencies;
    for (const auto& [word, count] : counts) {
        frequencies.push_back(count);
    }
    std::sort(frequencies.rbegin(), frequencies.rend());
    REQUIRE(frequencies.size() > 1000);
    // Rank-frequency falls roughly as 1/rank: rank 10 is several times rarer than rank 1, rank 100
    // again, and most distinct words are rare.
    CHECK(frequencies[0] > 3 * frequencies[9]);
    CHECK(frequencies[9] > 3 * frequencies[99]);
    CHECK(counts["the"] == frequencies[0]);
    const auto once = std::count(frequencies.begin(), frequencies.end(), std::size_t{1});
    CHECK(static_cast<double>(once) / static_cast<double>(frequencies.size()) > 0.3);
    CHECK(static_cast<double>(counts.size()) / static_cast<double>(tokens) > 0.1);
}

TEST_CASE("mean body size follows the requested mean", "[generator][size]")
{
    const double mean_default =
        static_cast<double>(sample().corpus.summary.body_bytes) / static_cast<double>(sample().corpus.summary.articles);
    CHECK(mean_default == Approx(2200).epsilon(0.08));

    GeneratorOptions options;
    options.count = 400;
    options.seed = 5;
    options.mean_bytes = 800;
    const CorpusSummary small = generate(options).summary;
    CHECK(static_cast<double>(small.body_bytes) / static_cast<double>(small.articles) == Approx(800).epsilon(0.12));
}
