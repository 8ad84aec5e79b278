#include "indexer/dedup/minhash.hpp"

#include "indexer/dedup/content_hash.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <unordered_set>

namespace newsdex {

namespace {

// These seeds are part of the stored format: band terms and signatures made with other seeds
// never match. Change them only together with a full re-index.
constexpr std::uint64_t k_permutation_seed = 0x6e657773646578ULL;  // "newsdex"
constexpr std::uint64_t k_word_seed = 0x5eed0001ULL;
constexpr std::uint64_t k_golden = 0x9e3779b97f4a7c15ULL;

constexpr std::uint64_t rotl(std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

// SplitMix64 (Steele, Lea and Flood), our own implementation: a stream of well-mixed 64-bit
// values from a counter, used only to derive the hash-function coefficients.
std::uint64_t splitmix_next(std::uint64_t& state) {
    state += k_golden;
    std::uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

constexpr std::array<bool, 256> make_word_bytes() {
    std::array<bool, 256> table{};
    for (int b = 'a'; b <= 'z'; ++b) table[b] = true;
    for (int b = '0'; b <= '9'; ++b) table[b] = true;
    for (int b = 0x80; b <= 0xFF; ++b) table[b] = true;  // any UTF-8 byte: letters of other scripts
    return table;
}

constexpr std::array<bool, 256> k_word_byte = make_word_bytes();

bool is_word_byte(char c) { return k_word_byte[static_cast<unsigned char>(c)]; }

// Splits a comparison form (already lower-cased and folded) into word views.
void split_words(std::string_view folded, std::vector<std::string_view>& words) {
    words.clear();
    const std::size_t n = folded.size();
    std::size_t i = 0;
    while (i < n) {
        while (i < n && !is_word_byte(folded[i])) ++i;
        if (i == n) break;
        const std::size_t start = i;
        for (;;) {
            while (i < n && is_word_byte(folded[i])) ++i;
            // An apostrophe stays only inside a word: "aol's", not "'quoted'".
            if (i + 1 < n && folded[i] == '\'' && is_word_byte(folded[i + 1])) {
                i += 2;
                continue;
            }
            break;
        }
        words.push_back(folded.substr(start, i - start));
    }
}

// Calls `on_words(words)` for every paragraph that has at least one word. `folded` and `words`
// are scratch buffers owned by the caller so that one article costs few allocations.
template <class OnWords>
void for_each_paragraph(const Article& article, std::string& folded,
                        std::vector<std::string_view>& words, OnWords&& on_words) {
    for (const auto& paragraph : article.paragraphs) {
        folded.clear();
        append_comparison_form(paragraph, folded);
        split_words(folded, words);
        if (!words.empty()) on_words(words);
    }
}

// Order-dependent combination of `count` word hashes into one shingle hash. The word count is
// mixed in so that a short paragraph's one shingle never equals a 5-word shingle by construction.
std::uint64_t shingle_hash(const std::uint64_t* word_hashes, std::size_t count) {
    std::uint64_t h = count * k_golden;
    for (std::size_t t = 0; t < count; ++t) h = (rotl(h, 27) ^ word_hashes[t]) * 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

// The stored value of a minimum: 8 bits that depend on all of its bits (its top bits are small
// because it is a minimum, so they cannot be used directly). This is b-bit MinHash (Li and
// Koenig): unrelated values agree with chance 1/256, which estimated_jaccard subtracts; near
// J = 0.8 the standard error grows by under 1% over full 64-bit values, for one byte per value.
std::uint8_t fold8(std::uint64_t minimum) {
    return static_cast<std::uint8_t>((minimum * k_golden) >> 56);
}

constexpr double k_chance_match = 1.0 / 256.0;  // two unrelated 8-bit values agree
constexpr unsigned char k_format_version = 1;

void append_hex(std::string& out, std::uint64_t value, int digits) {
    static constexpr char hex[] = "0123456789abcdef";
    for (int d = digits - 1; d >= 0; --d) out += hex[(value >> (4 * d)) & 15];
}

}  // namespace

std::vector<std::string> shingle_words(std::string_view paragraph) {
    const std::string folded = comparison_form(paragraph);
    std::vector<std::string_view> views;
    split_words(folded, views);
    return {views.begin(), views.end()};
}

std::vector<std::string> shingles(const Article& article, int shingle_words) {
    const auto k = static_cast<std::size_t>(std::max(shingle_words, 1));
    std::vector<std::string> out;
    std::size_t total_words = 0;
    std::string folded;
    std::vector<std::string_view> words;
    for_each_paragraph(article, folded, words, [&](const std::vector<std::string_view>& w) {
        total_words += w.size();
        const std::size_t width = std::min(k, w.size());
        for (std::size_t j = 0; j + width <= w.size(); ++j) {
            std::string shingle(w[j]);
            for (std::size_t t = 1; t < width; ++t) {
                shingle += ' ';
                shingle += w[j + t];
            }
            out.push_back(std::move(shingle));
        }
    });
    if (total_words < k) out.clear();
    return out;
}

double exact_jaccard_5shingles(const Article& a, const Article& b) {
    const auto sa = shingles(a, 5);
    const auto sb = shingles(b, 5);
    if (sa.empty() || sb.empty()) return 0.0;
    const std::unordered_set<std::string> set_a(sa.begin(), sa.end());
    const std::unordered_set<std::string> set_b(sb.begin(), sb.end());
    std::size_t common = 0;
    for (const auto& s : set_a) common += set_b.count(s);
    return static_cast<double>(common) / static_cast<double>(set_a.size() + set_b.size() - common);
}

double estimated_jaccard(const MinHashSignature& a, const MinHashSignature& b) {
    if (a.empty() || a.size() != b.size()) return 0.0;
    std::size_t equal = 0;
    for (std::size_t i = 0; i < a.size(); ++i) equal += a[i] == b[i];
    const double share = static_cast<double>(equal) / static_cast<double>(a.size());
    return std::clamp((share - k_chance_match) / (1.0 - k_chance_match), 0.0, 1.0);
}

std::string serialise_signature(const MinHashSignature& signature) {
    if (signature.empty()) return {};
    std::string out;
    out.reserve(1 + signature.size());
    out += static_cast<char>(k_format_version);
    for (const std::uint8_t v : signature) out += static_cast<char>(v);
    return out;
}

std::optional<MinHashSignature> unserialise_signature(std::string_view bytes) {
    if (bytes.empty()) return MinHashSignature{};
    if (static_cast<unsigned char>(bytes[0]) != k_format_version) return std::nullopt;
    if (bytes.size() < 2) return std::nullopt;
    MinHashSignature signature(bytes.size() - 1);
    for (std::size_t i = 0; i < signature.size(); ++i) signature[i] = static_cast<std::uint8_t>(bytes[1 + i]);
    return signature;
}

MinHasher::MinHasher(MinHashParams params) : m_params(params) {
    if (params.shingle_words < 1) throw std::invalid_argument("minhash: shingle_words must be at least 1");
    if (params.num_hashes < 1) throw std::invalid_argument("minhash: num_hashes must be at least 1");
    if (params.bands < 1 || params.bands > 256)
        throw std::invalid_argument("minhash: bands must be between 1 and 256");
    if (params.rows < 1) throw std::invalid_argument("minhash: rows must be at least 1");
    if (params.bands * params.rows > params.num_hashes)
        throw std::invalid_argument("minhash: bands * rows must not exceed num_hashes");
    if (!(params.verify_threshold >= 0.0 && params.verify_threshold <= 1.0))
        throw std::invalid_argument("minhash: verify_threshold must be between 0 and 1");

    std::uint64_t state = k_permutation_seed;
    m_multipliers.resize(static_cast<std::size_t>(params.num_hashes));
    m_increments.resize(static_cast<std::size_t>(params.num_hashes));
    for (std::size_t i = 0; i < m_multipliers.size(); ++i) {
        m_multipliers[i] = splitmix_next(state) | 1;  // odd, so x -> a*x + c is a bijection
        m_increments[i] = splitmix_next(state);
    }
}

MinHashSignature MinHasher::signature(const Article& article) const {
    const auto k = static_cast<std::size_t>(m_params.shingle_words);
    std::vector<std::uint64_t> hashes;  // one per shingle, repeats included (harmless for a minimum)
    std::vector<std::uint64_t> word_hashes;
    std::size_t total_words = 0;
    std::string folded;
    std::vector<std::string_view> words;
    for_each_paragraph(article, folded, words, [&](const std::vector<std::string_view>& w) {
        total_words += w.size();
        word_hashes.clear();
        for (const auto word : w) word_hashes.push_back(hash64(word, k_word_seed));
        const std::size_t width = std::min(k, w.size());
        for (std::size_t j = 0; j + width <= w.size(); ++j)
            hashes.push_back(shingle_hash(word_hashes.data() + j, width));
    });
    if (total_words < k) return {};

    // K hash functions h_i(x) = a_i * x + c_i (mod 2^64) over the one base hash per shingle,
    // each a bijection of an already uniform value; the minimum is taken over all 64 bits.
    const std::size_t num = m_multipliers.size();
    const std::uint64_t* const a = m_multipliers.data();
    const std::uint64_t* const c = m_increments.data();
    constexpr std::uint64_t none = std::numeric_limits<std::uint64_t>::max();
    MinHashSignature signature(num);
    std::size_t i = 0;
    // Four functions per pass over the shingles, written out so that the four minima stay in
    // registers as independent dependency chains (g++ -O2 keeps a lane array in memory).
    for (; i + 4 <= num; i += 4) {
        std::uint64_t m0 = none, m1 = none, m2 = none, m3 = none;
        for (const std::uint64_t x : hashes) {
            m0 = std::min(m0, a[i] * x + c[i]);
            m1 = std::min(m1, a[i + 1] * x + c[i + 1]);
            m2 = std::min(m2, a[i + 2] * x + c[i + 2]);
            m3 = std::min(m3, a[i + 3] * x + c[i + 3]);
        }
        signature[i] = fold8(m0);
        signature[i + 1] = fold8(m1);
        signature[i + 2] = fold8(m2);
        signature[i + 3] = fold8(m3);
    }
    for (; i < num; ++i) {
        std::uint64_t m = none;
        for (const std::uint64_t x : hashes) m = std::min(m, a[i] * x + c[i]);
        signature[i] = fold8(m);
    }
    return signature;
}

std::vector<std::string> MinHasher::band_terms(const MinHashSignature& signature) const {
    if (signature.size() != m_multipliers.size()) return {};
    const auto rows = static_cast<std::size_t>(m_params.rows);
    std::vector<std::string> terms;
    terms.reserve(static_cast<std::size_t>(m_params.bands));
    for (std::size_t band = 0; band < static_cast<std::size_t>(m_params.bands); ++band) {
        const std::string_view band_bytes(reinterpret_cast<const char*>(signature.data() + band * rows), rows);
        std::string term;
        term.reserve(12);
        append_hex(term, band, 2);
        append_hex(term, hash64(band_bytes, band) >> 24, 10);
        terms.push_back(std::move(term));
    }
    return terms;
}

bool MinHasher::is_near_copy(const MinHashSignature& a, const MinHashSignature& b) const {
    if (a.empty() || b.empty()) return false;
    return estimated_jaccard(a, b) >= m_params.verify_threshold;
}

double MinHasher::candidate_probability(double jaccard) const {
    const double j = std::clamp(jaccard, 0.0, 1.0);
    return 1.0 - std::pow(1.0 - std::pow(j, m_params.rows), m_params.bands);
}

}  // namespace newsdex
