#include "indexer/dedup/minhash.hpp"

#include "benchmarks/cluster_metrics.hpp"
#include "indexer/dedup/content_hash.hpp"
#include "tests/support/text_articles.hpp"
#include "tests/support/paths.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

using newsdex::Article;
using newsdex::MinHasher;
using newsdex::MinHashParams;
using newsdex::MinHashSignature;

namespace {

Article article(std::string title, std::vector<std::string> paragraphs) {
    Article a;
    a.title = std::move(title);
    a.paragraphs = std::move(paragraphs);
    return a;
}

// Files 001..per_category of each of the five BBC categories: different stories, except for
// the corpus's own byte-identical copies.
std::vector<Article> bbc_sample(int per_category) {
    std::vector<Article> out;
    for (const char* category : {"business", "entertainment", "politics", "sport", "tech"}) {
        for (int i = 1; i <= per_category; ++i) {
            char name[16];
            std::snprintf(name, sizeof name, "%03d.txt", i);
            const auto path = newsdex::test::shared_corpus() / "bbc" / category / name;
            REQUIRE(std::filesystem::exists(path));
            out.push_back(newsdex::test::read_text_file(path));
        }
    }
    return out;
}

enum class Edit { retitled, reordered, paragraph_added, paragraph_cut, words_changed, furniture_added, combined };

constexpr std::array k_edits = {Edit::retitled,      Edit::reordered,       Edit::paragraph_added,
                                Edit::paragraph_cut, Edit::words_changed,   Edit::furniture_added,
                                Edit::combined};

const char* name_of(Edit edit) {
    switch (edit) {
    case Edit::retitled: return "retitled";
    case Edit::reordered: return "reordered";
    case Edit::paragraph_added: return "paragraph added";
    case Edit::paragraph_cut: return "paragraph cut";
    case Edit::words_changed: return "words changed";
    case Edit::furniture_added: return "furniture added";
    case Edit::combined: return "combined";
    }
    return "?";
}

// Replaces one randomly chosen ASCII word of `text` with "altered".
void change_one_word(std::string& text, std::mt19937& rng) {
    std::vector<std::size_t> starts;
    const auto is_alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
    for (std::size_t i = 0; i < text.size(); ++i)
        if (is_alnum(text[i]) && (i == 0 || !is_alnum(text[i - 1]))) starts.push_back(i);
    if (starts.empty()) return;
    const std::size_t start = starts[rng() % starts.size()];
    std::size_t end = start;
    while (end < text.size() && is_alnum(text[end])) ++end;
    text.replace(start, end - start, "altered");
}

// A near copy of `original` made by one kind of edit, the way another outlet might republish it.
// `other` supplies an unrelated paragraph. Only raw std::mt19937 output is used, so the copies
// are the same with every standard library.
Article make_copy(const Article& original, Edit edit, const Article& other, std::mt19937& rng) {
    Article copy = original;
    copy.id = original.id + "#" + name_of(edit);
    auto& paragraphs = copy.paragraphs;
    const auto retitle = [&] { copy.title = "Wire report: markets and politics today"; };
    const auto add_furniture = [&] {
        paragraphs.insert(paragraphs.begin(), "Share this article");
        paragraphs.insert(paragraphs.begin() + std::min<std::ptrdiff_t>(2, std::ssize(paragraphs)), "Advertisement");
        paragraphs.push_back("Read more: follow us on Twitter and Facebook for the latest news");
        paragraphs.push_back("Image copyright Getty Images");
    };
    switch (edit) {
    case Edit::retitled: retitle(); break;
    case Edit::reordered: std::reverse(paragraphs.begin(), paragraphs.end()); break;
    case Edit::paragraph_added:
        paragraphs.insert(paragraphs.begin() + static_cast<std::ptrdiff_t>(rng() % (paragraphs.size() + 1)),
                          other.paragraphs[other.paragraphs.size() / 2]);
        break;
    case Edit::paragraph_cut:
        if (paragraphs.size() > 1) paragraphs.erase(paragraphs.begin() + static_cast<std::ptrdiff_t>(rng() % paragraphs.size()));
        break;
    case Edit::words_changed:
        for (int i = 0; i < 3; ++i) change_one_word(paragraphs[rng() % paragraphs.size()], rng);
        break;
    case Edit::furniture_added: add_furniture(); break;
    case Edit::combined:
        retitle();
        std::rotate(paragraphs.begin(), paragraphs.begin() + 1, paragraphs.end());
        for (int i = 0; i < 2; ++i) change_one_word(paragraphs[rng() % paragraphs.size()], rng);
        add_furniture();
        break;
    }
    return copy;
}

struct NearCopy {
    std::size_t original;  // index into the sample
    Edit edit;
    Article copy;
    double exact;  // exact Jaccard of the original and the copy
};

std::vector<NearCopy> near_copies(const std::vector<Article>& originals) {
    std::mt19937 rng(8);
    std::vector<NearCopy> out;
    for (std::size_t i = 0; i < originals.size(); ++i) {
        const Article& other = originals[(i + originals.size() / 2 + 1) % originals.size()];
        for (const Edit edit : k_edits) {
            Article copy = make_copy(originals[i], edit, other, rng);
            const double exact = newsdex::exact_jaccard_5shingles(originals[i], copy);
            out.push_back({i, edit, std::move(copy), exact});
        }
    }
    return out;
}

bool share_band_term(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    return std::any_of(a.begin(), a.end(), [&](const std::string& t) { return std::find(b.begin(), b.end(), t) != b.end(); });
}

std::string body_key(const Article& a) {
    std::string key;
    for (const auto& p : a.paragraphs) key += newsdex::comparison_form(p) + "\n";
    return key;
}

}  // namespace

TEST_CASE("shingle words lower-case the text and keep apostrophes only inside words", "[minhash]") {
    struct Row {
        std::string paragraph;
        std::vector<std::string> words;
    };
    const std::vector<Row> rows = {
        {"Time Warner's profits jumped 76% to $1.13bn.", {"time", "warner's", "profits", "jumped", "76", "to", "1", "13bn"}},
        {"AOL\u2019s \u201cbest\u201d year \u2014 so far\u2026", {"aol's", "best", "year", "so", "far"}},
        {"'Quoted' rock 'n' roll, don't!", {"quoted", "rock", "n", "roll", "don't"}},
        {"high-speed e-mail", {"high", "speed", "e", "mail"}},
        {"Z\u00fcrich caf\u00e9 \u0432\u044b\u0431\u043e\u0440\u044b", {"z\u00fcrich", "caf\u00e9", "\u0432\u044b\u0431\u043e\u0440\u044b"}},
        {"zero\u200bwidth", {"zerowidth"}},
        {"  ... -- !! ", {}},
        {"", {}},
    };
    for (const auto& row : rows) {
        CAPTURE(row.paragraph);
        CHECK(newsdex::shingle_words(row.paragraph) == row.words);
    }
}

TEST_CASE("shingles stay inside paragraphs and a short paragraph is one shingle", "[minhash]") {
    const Article a = article("Title words are never shingled", {"One two three four five six.", "Share this", ""});
    CHECK(newsdex::shingles(a) ==
          std::vector<std::string>{"one two three four five", "two three four five six", "share this"});

    CHECK(newsdex::shingles(article("t", {"Only four words here"})).empty());
    CHECK(newsdex::shingles(article("t", {"Two words", "and three more"})) ==
          std::vector<std::string>{"two words", "and three more"});
    CHECK(newsdex::shingles(article("t", {"a b c"}), 3) == std::vector<std::string>{"a b c"});
}

TEST_CASE("exact jaccard of 5-shingles counts each shingle once", "[minhash]") {
    const Article a = article("", {"w1 w2 w3 w4 w5 w6 w7 w8", "w1 w2 w3 w4 w5"});  // 4 distinct shingles
    const Article b = article("", {"w2 w3 w4 w5 w6 w7 w8 w9"});                     // 4, 3 shared
    CHECK(newsdex::exact_jaccard_5shingles(a, b) == Approx(3.0 / 5.0));
    CHECK(newsdex::exact_jaccard_5shingles(a, a) == 1.0);
    CHECK(newsdex::exact_jaccard_5shingles(a, article("", {"too short"})) == 0.0);
    CHECK(newsdex::exact_jaccard_5shingles(article("", {}), article("", {})) == 0.0);
}

TEST_CASE("a signature has num_hashes values, ignores the title and paragraph order", "[minhash]") {
    const MinHasher hasher;
    const Article a = article("Ad sales boost Time Warner profit",
                              {"Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn.",
                               "The firm, which is now one of the biggest investors in Google, benefited."});
    const MinHashSignature s = hasher.signature(a);
    REQUIRE(s.size() == 256);
    CHECK(hasher.signature(a) == s);

    Article retitled = a;
    retitled.title = "Something else entirely";
    CHECK(hasher.signature(retitled) == s);

    Article reordered = a;
    std::swap(reordered.paragraphs[0], reordered.paragraphs[1]);
    CHECK(hasher.signature(reordered) == s);

    Article edited = a;
    edited.paragraphs[0] += " Shares rose.";
    CHECK(hasher.signature(edited) != s);
    CHECK(std::set<std::uint8_t>(s.begin(), s.end()).size() > 140);  // random bytes: about 162 of 256
}

TEST_CASE("band terms of a fixed text never change, because they are stored in the index", "[minhash]") {
    const MinHasher hasher;
    const Article a = article("", {"Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn."});
    const auto terms = hasher.band_terms(hasher.signature(a));
    REQUIRE(terms.size() == 32);
    CHECK(terms.front() == "00123bb4322a");
    CHECK(terms.back() == "1fafb3ac4e35");
}

TEST_CASE("band terms are one short hex string per band, numbered by band", "[minhash]") {
    const MinHasher hasher;
    const auto sample = bbc_sample(2);
    for (const auto& a : sample) {
        CAPTURE(a.id);
        const auto terms = hasher.band_terms(hasher.signature(a));
        REQUIRE(terms.size() == 32);
        CHECK(std::set<std::string>(terms.begin(), terms.end()).size() == 32);
        for (std::size_t band = 0; band < terms.size(); ++band) {
            const std::string& t = terms[band];
            CHECK(t.size() == 12);
            CHECK(t.find_first_not_of("0123456789abcdef") == std::string::npos);
            CHECK(std::stoul(t.substr(0, 2), nullptr, 16) == band);
        }
    }
    CHECK(hasher.band_terms(MinHashSignature(100, 7)).empty());  // wrong length: not comparable
}

TEST_CASE("articles too short to shingle have no signature and are never near copies", "[minhash]") {
    const MinHasher hasher;
    for (const Article& a : {article("A long title that does not count", {}), article("t", {"", "   "}),
                             article("t", {"Watch the video", "above"})}) {
        const auto s = hasher.signature(a);
        CHECK(s.empty());
        CHECK(hasher.band_terms(s).empty());
        CHECK_FALSE(hasher.is_near_copy(s, s));
        CHECK(newsdex::estimated_jaccard(s, s) == 0.0);
        CHECK(newsdex::serialise_signature(s).empty());
    }
    // Five words are enough: one shingle, a full signature.
    const auto five = hasher.signature(article("t", {"Watch the video", "above now"}));
    CHECK(five.size() == 256);
    CHECK(hasher.is_near_copy(five, five));
}

TEST_CASE("signatures round-trip through 1 + K bytes and unknown formats are refused", "[minhash]") {
    const MinHasher hasher;
    const auto s = hasher.signature(bbc_sample(1).front());
    const std::string bytes = newsdex::serialise_signature(s);
    CHECK(bytes.size() == 257);
    CHECK(newsdex::unserialise_signature(bytes) == s);
    CHECK(newsdex::unserialise_signature("") == MinHashSignature{});

    // A damaged value of another length is returned, but matches nothing.
    const auto shorter = newsdex::unserialise_signature(bytes.substr(0, bytes.size() - 1));
    REQUIRE(shorter.has_value());
    CHECK(newsdex::estimated_jaccard(*shorter, s) == 0.0);
    CHECK(hasher.band_terms(*shorter).empty());

    struct Row {
        const char* what;
        std::string bytes;
    };
    const std::vector<Row> bad = {
        {"unknown format byte", std::string(1, '\x02') + bytes.substr(1)},
        {"format byte only", bytes.substr(0, 1)},
    };
    for (const auto& row : bad) {
        CAPTURE(row.what);
        CHECK_FALSE(newsdex::unserialise_signature(row.bytes).has_value());
    }
}

TEST_CASE("estimated jaccard is the share of equal values, 0 for incomparable signatures", "[minhash]") {
    MinHashSignature a(256);
    for (std::size_t i = 0; i < a.size(); ++i) a[i] = static_cast<std::uint8_t>(i);
    MinHashSignature b = a;
    CHECK(newsdex::estimated_jaccard(a, b) == 1.0);
    for (std::size_t i = 0; i < 64; ++i) b[i] = static_cast<std::uint8_t>(b[i] + 1);
    // 192 of 256 agree; the estimate removes the 1/256 that unrelated values agree by chance.
    CHECK(newsdex::estimated_jaccard(a, b) == Approx((0.75 - 1.0 / 256) / (1 - 1.0 / 256)));
    for (auto& v : b) v = static_cast<std::uint8_t>(v + 128);
    CHECK(newsdex::estimated_jaccard(a, b) == 0.0);  // never negative
    CHECK(newsdex::estimated_jaccard(a, MinHashSignature(128, 0)) == 0.0);
    CHECK(newsdex::estimated_jaccard(MinHashSignature{}, MinHashSignature{}) == 0.0);
}

TEST_CASE("MinHasher refuses parameters it cannot honour", "[minhash]") {
    struct Row {
        const char* what;
        MinHashParams params;
    };
    const std::vector<Row> rows = {
        {"no words per shingle", {0, 256, 32, 8, 0.82}},
        {"no hashes", {5, 0, 1, 1, 0.82}},
        {"no bands", {5, 256, 0, 8, 0.82}},
        {"more bands than two hex digits", {5, 1024, 257, 1, 0.82}},
        {"no rows", {5, 256, 32, 0, 0.82}},
        {"bands need more hashes than there are", {5, 256, 33, 8, 0.82}},
        {"threshold above 1", {5, 256, 32, 8, 1.5}},
        {"threshold below 0", {5, 256, 32, 8, -0.1}},
    };
    for (const auto& row : rows) {
        CAPTURE(row.what);
        CHECK_THROWS_AS(MinHasher(row.params), std::invalid_argument);
    }
    CHECK_NOTHROW(MinHasher(MinHashParams{5, 128, 21, 6, 0.8}));
}

TEST_CASE("the default bands make J=0.8 pairs candidates almost surely and J=0.5 pairs rarely", "[minhash]") {
    const MinHasher hasher;
    CHECK(hasher.params().num_hashes == 256);
    CHECK(hasher.params().bands * hasher.params().rows == 256);
    CHECK(hasher.candidate_probability(0.9) > 0.99999);
    CHECK(hasher.candidate_probability(0.8) > 0.997);
    CHECK(hasher.candidate_probability(0.7) == Approx(0.850).margin(0.001));
    CHECK(hasher.candidate_probability(0.5) < 0.12);
    CHECK(hasher.candidate_probability(0.3) < 0.0025);
    CHECK(hasher.candidate_probability(0.0) == 0.0);
    CHECK(hasher.candidate_probability(1.0) == 1.0);
}

TEST_CASE("estimated jaccard tracks exact jaccard for every kind of BBC near copy", "[minhash][bbc]") {
    const MinHasher hasher;
    const auto originals = bbc_sample(40);
    const auto copies = near_copies(originals);
    REQUIRE(copies.size() == 200 * k_edits.size());

    double sum_squared_z = 0;  // squared errors in units of the theoretical variance
    int counted = 0;
    for (const auto& c : copies) {
        CAPTURE(c.copy.id, c.exact);
        const double estimate = newsdex::estimated_jaccard(hasher.signature(originals[c.original]), hasher.signature(c.copy));
        CHECK(std::abs(estimate - c.exact) < 0.1);
        if (c.exact > 0.05 && c.exact < 0.999) {
            sum_squared_z += (estimate - c.exact) * (estimate - c.exact) / (c.exact * (1 - c.exact) / 256);
            ++counted;
        }
        if (c.edit == Edit::retitled || c.edit == Edit::reordered) CHECK(c.exact == 1.0);
    }
    // The K hash functions behave like independent permutations: the error variance is the
    // textbook J(1-J)/K, not more.
    REQUIRE(counted > 500);
    CHECK(sum_squared_z / counted == Approx(1.0).margin(0.3));
}

TEST_CASE("BBC near copies with exact jaccard 0.8 or more share a band term and pass verification",
          "[minhash][bbc]") {
    const MinHasher hasher;
    const auto originals = bbc_sample(40);
    std::map<std::string, std::array<int, 3>> per_edit;  // edit -> {J >= 0.8, sharing a band, verified}
    int at_least_08 = 0;
    int shared = 0;
    int verified = 0;
    for (const auto& c : near_copies(originals)) {
        if (c.exact < 0.8) continue;
        const auto a = hasher.signature(originals[c.original]);
        const auto b = hasher.signature(c.copy);
        const bool share = share_band_term(hasher.band_terms(a), hasher.band_terms(b));
        const bool near = hasher.is_near_copy(a, b);
        auto& counts = per_edit[name_of(c.edit)];
        ++counts[0];
        counts[1] += share;
        counts[2] += share && near;
        ++at_least_08;
        shared += share;
        verified += share && near;
    }
    std::ostringstream breakdown;
    for (const auto& [edit, counts] : per_edit)
        breakdown << edit << ": " << counts[0] << " pairs, " << counts[1] << " share a band, " << counts[2] << " verified\n";
    INFO(breakdown.str());
    REQUIRE(at_least_08 > 1000);
    CHECK(shared >= 0.995 * at_least_08);
    // Verification at 0.82 rejects some pairs just above 0.8 (one standard error is 0.025).
    CHECK(verified >= 0.95 * at_least_08);
    // The light edits a republishing outlet makes (J >= 0.9 here) are always caught.
    for (const char* edit : {"retitled", "reordered", "furniture added"}) {
        CAPTURE(edit);
        CHECK(per_edit[edit][2] == per_edit[edit][0]);
    }
}

TEST_CASE("different BBC stories share band terms rarely and never pass verification", "[minhash][bbc]") {
    const MinHasher hasher;
    const auto articles = bbc_sample(40);
    std::vector<MinHashSignature> signatures;
    std::vector<std::string> bodies;
    std::unordered_map<std::string, std::vector<std::size_t>> postings;  // band term -> articles, as in the index
    for (std::size_t i = 0; i < articles.size(); ++i) {
        signatures.push_back(hasher.signature(articles[i]));
        bodies.push_back(body_key(articles[i]));
        for (const auto& term : hasher.band_terms(signatures.back())) postings[term].push_back(i);
    }
    std::set<std::pair<std::size_t, std::size_t>> sharing;
    for (const auto& [term, ids] : postings)
        for (std::size_t x = 0; x < ids.size(); ++x)
            for (std::size_t y = x + 1; y < ids.size(); ++y) sharing.insert({ids[x], ids[y]});

    std::size_t identical = 0;
    std::size_t different = 0;
    std::size_t different_sharing = 0;
    std::size_t different_verified = 0;
    for (std::size_t i = 0; i < articles.size(); ++i) {
        for (std::size_t j = i + 1; j < articles.size(); ++j) {
            if (bodies[i] == bodies[j]) {  // the corpus's own identical copies are not different stories
                ++identical;
                CHECK(sharing.count({i, j}) == 1);
                continue;
            }
            ++different;
            different_sharing += sharing.count({i, j});
            different_verified += hasher.is_near_copy(signatures[i], signatures[j]);
        }
    }
    INFO(different << " different-story pairs, " << different_sharing << " share a band term");
    CHECK(identical >= 1);
    CHECK(different > 19000);
    CHECK(different_sharing <= different / 1000);
    CHECK(different_verified == 0);
}

namespace {

// What duplicate_finder does against the index, with the index replaced by a map: look up the
// band terms' posting lists, verify each candidate's stored signature, and join the cluster of
// the best verified candidate; otherwise start a new cluster. Returns id -> cluster.
std::unordered_map<std::string, std::string> cluster_incrementally(const std::vector<const Article*>& stream,
                                                                   const MinHasher& hasher) {
    std::unordered_map<std::string, std::vector<std::size_t>> postings;
    std::vector<MinHashSignature> signatures;
    std::vector<std::string> cluster_of_doc;
    std::unordered_map<std::string, std::string> predicted;
    for (const Article* a : stream) {
        const auto signature = hasher.signature(*a);
        const auto terms = hasher.band_terms(signature);
        std::set<std::size_t> candidates;
        for (const auto& term : terms) {
            const auto found = postings.find(term);
            if (found != postings.end()) candidates.insert(found->second.begin(), found->second.end());
        }
        std::string cluster = a->id;
        double best = -1;
        for (const std::size_t doc : candidates) {
            const double estimate = newsdex::estimated_jaccard(signature, signatures[doc]);
            if (hasher.is_near_copy(signature, signatures[doc]) && estimate > best) {
                best = estimate;
                cluster = cluster_of_doc[doc];
            }
        }
        for (const auto& term : terms) postings[term].push_back(signatures.size());
        signatures.push_back(signature);
        cluster_of_doc.push_back(cluster);
        predicted[a->id] = cluster;
    }
    return predicted;
}

// Clusters the originals and those copies whose exact Jaccard lies outside [skip_from, skip_to),
// in a shuffled order (copies may come before their original), and scores the result against
// the truth "same story = exact Jaccard >= 0.8 with the original". Originals with an identical
// body (the corpus's own copies) are one story.
newsdex::PairwiseScores score_clustering(const std::vector<Article>& originals, const std::vector<NearCopy>& copies,
                                         const MinHasher& hasher, double skip_from, double skip_to) {
    std::unordered_map<std::string, std::string> truth;
    std::map<std::string, std::string> story_of_body;
    std::vector<const Article*> stream;
    for (const auto& a : originals) {
        truth[a.id] = story_of_body.try_emplace(body_key(a), a.id).first->second;
        stream.push_back(&a);
    }
    for (const auto& c : copies) {
        if (c.exact >= skip_from && c.exact < skip_to) continue;
        truth[c.copy.id] = c.exact >= 0.8 ? truth[originals[c.original].id] : c.copy.id;
        stream.push_back(&c.copy);
    }
    std::mt19937 rng(3);
    for (std::size_t i = stream.size(); i > 1; --i) std::swap(stream[i - 1], stream[rng() % i]);
    return newsdex::pairwise_scores(cluster_incrementally(stream, hasher), truth);
}

}  // namespace

TEST_CASE("incremental band-term clustering of BBC near copies reaches 0.99 precision and 0.95 recall",
          "[minhash][cluster_metrics][bbc]") {
    const MinHasher hasher;
    const auto originals = bbc_sample(40);
    const auto copies = near_copies(originals);

    SECTION("away from the 0.8 border") {
        // Copies within two standard errors (+-0.05) of the definition are left out: there any
        // K=256 estimate is close to a coin toss, and this sample has many of them by design.
        const auto s = score_clustering(originals, copies, hasher, 0.75, 0.85);
        INFO("true " << s.true_pairs << ", predicted " << s.predicted_pairs << ", correct " << s.correct_pairs
                     << ", precision " << s.precision << ", recall " << s.recall);
        CHECK(s.true_pairs > 3000);
        CHECK(s.precision >= 0.99);
        CHECK(s.recall >= 0.95);
    }
    SECTION("including the border") {
        // Each border copy judged wrongly moves all its pairs with the cluster (about 8), and the
        // threshold sits above 0.8 on purpose, so recall pays: measured 0.997 / 0.919.
        const auto s = score_clustering(originals, copies, hasher, 2.0, 2.0);
        INFO("true " << s.true_pairs << ", predicted " << s.predicted_pairs << ", correct " << s.correct_pairs
                     << ", precision " << s.precision << ", recall " << s.recall);
        CHECK(s.true_pairs > 4000);
        CHECK(s.precision >= 0.99);
        CHECK(s.recall >= 0.90);
    }
}
