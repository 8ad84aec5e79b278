#include "indexer/clean/repeated_paragraphs.hpp"

#include "common/unicode_text.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <unordered_map>

namespace newsdex {

namespace {

bool is_word_code_point(UChar32 c) noexcept {
    if (u_isalnum(c)) return true;
    const auto type = u_charType(c);
    // Vowel signs and other marks are part of words in Indic and South-East Asian scripts.
    return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
}

constexpr std::uint64_t fnv_offset = 14695981039346656037ULL;
constexpr std::uint64_t fnv_prime = 1099511628211ULL;

/// A paragraph as repeat detection sees it, built in one pass without materialising the key:
/// the words of its paragraph_key, hashed one by one (FNV-1a), a hash of the whole word
/// sequence, and a hash of the words that hold a digit, in order.
struct Fingerprint {
    std::vector<std::uint64_t> words;
    std::uint64_t whole = fnv_offset;
    std::uint64_t numbers = fnv_offset;
};

Fingerprint fingerprint(std::string_view text) {
    std::string folded;
    std::string_view matching = text;
    if (!is_ascii(text)) {
        folded = matching_form(text);
        matching = folded;
    }
    Fingerprint print;
    std::uint64_t word = fnv_offset;
    bool in_word = false;
    bool has_digit = false;
    const auto end_word = [&] {
        if (!in_word) return;
        print.words.push_back(word);
        print.whole = (print.whole ^ word) * fnv_prime;
        if (has_digit) print.numbers = (print.numbers ^ word) * fnv_prime;
        word = fnv_offset;
        in_word = false;
        has_digit = false;
    };
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(matching.data());
    const auto length = static_cast<std::int32_t>(matching.size());
    for (std::int32_t i = 0; i < length;) {
        std::uint8_t byte = bytes[i];
        if (byte < 0x80) {
            ++i;
            if (byte >= 'A' && byte <= 'Z') byte = static_cast<std::uint8_t>(byte - 'A' + 'a');
            const bool digit = byte >= '0' && byte <= '9';
            if (digit || (byte >= 'a' && byte <= 'z')) {
                word = (word ^ byte) * fnv_prime;
                in_word = true;
                has_digit = has_digit || digit;
            } else {
                end_word();
            }
            continue;
        }
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        if (c < 0 || !is_word_code_point(c)) {
            end_word();
            continue;
        }
        std::uint8_t buffer[U8_MAX_LENGTH];
        std::int32_t size = 0;
        UBool error = false;
        U8_APPEND(buffer, size, U8_MAX_LENGTH, u_foldCase(c, U_FOLD_CASE_DEFAULT), error);
        if (error) size = 0;
        for (std::int32_t k = 0; k < size; ++k) word = (word ^ buffer[k]) * fnv_prime;
        in_word = true;
        has_digit = has_digit || u_isdigit(c);
    }
    end_word();
    return print;
}

/// Word-level Levenshtein distance between `a` and `b`, computed only inside the diagonal band
/// of width `limit`; any distance above `limit` is reported as limit + 1.
std::size_t banded_distance(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b,
                            std::size_t limit) {
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    const std::size_t beyond = limit + 1;
    if ((n > m ? n - m : m - n) > limit) return beyond;
    std::vector<std::size_t> previous(m + 1, beyond);
    std::vector<std::size_t> current(m + 1, beyond);
    for (std::size_t j = 0; j <= std::min(m, limit); ++j) previous[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        const std::size_t low = i > limit ? i - limit : 1;
        const std::size_t high = std::min(m, i + limit);
        current[low - 1] = low == 1 && i <= limit ? i : beyond;
        std::size_t row_best = current[low - 1];
        for (std::size_t j = low; j <= high; ++j) {
            std::size_t value = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            value = std::min(value, previous[j] + 1);
            value = std::min(value, current[j - 1] + 1);
            current[j] = std::min(value, beyond);
            row_best = std::min(row_best, current[j]);
        }
        if (high < m) current[high + 1] = beyond;
        if (row_best > limit) return beyond;
        std::swap(previous, current);
    }
    return std::min(previous[m], beyond);
}

}  // namespace

std::string paragraph_key(std::string_view text) {
    const std::string folded = matching_form(text);
    std::string key;
    key.reserve(folded.size());
    bool pending_space = false;
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(folded.data());
    const auto length = static_cast<std::int32_t>(folded.size());
    for (std::int32_t i = 0; i < length;) {
        const std::uint8_t byte = bytes[i];
        if (byte < 0x80) {
            ++i;
            const char lower = static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte - 'A' + 'a' : byte);
            if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
                if (pending_space) key.push_back(' ');
                pending_space = false;
                key.push_back(lower);
            } else {
                pending_space = !key.empty();
            }
            continue;
        }
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        if (c < 0 || !is_word_code_point(c)) {
            pending_space = !key.empty();
            continue;
        }
        if (pending_space) key.push_back(' ');
        pending_space = false;
        char buffer[U8_MAX_LENGTH];
        std::int32_t size = 0;
        UBool error = false;
        U8_APPEND(reinterpret_cast<std::uint8_t*>(buffer), size, U8_MAX_LENGTH, u_foldCase(c, U_FOLD_CASE_DEFAULT), error);
        if (!error) key.append(buffer, static_cast<std::size_t>(size));
    }
    return key;
}

std::vector<RepeatedParagraph> find_repeated_paragraphs(std::span<const std::string> paragraphs,
                                                        const RepeatRule& rule) {
    std::vector<RepeatedParagraph> repeats;
    // Exact repeats: hash of the key → first paragraph. 64-bit hashes of whole keys do not
    // collide in practice, and keeping no strings keeps this cheap.
    std::unordered_map<std::uint64_t, std::size_t> first_by_key;
    // Near-repeat candidates: word count → (paragraph, fingerprint), kept paragraphs only.
    std::map<std::size_t, std::vector<std::pair<std::size_t, Fingerprint>>> by_length;
    const std::size_t candidate_min_words =
        rule.min_words_near > rule.max_word_edits ? rule.min_words_near - rule.max_word_edits : 0;

    for (std::size_t index = 0; index < paragraphs.size(); ++index) {
        Fingerprint print = fingerprint(paragraphs[index]);
        const std::size_t words = print.words.size();
        if (words == 0) continue;

        const auto found = first_by_key.find(print.whole);
        if (found != first_by_key.end() && words >= rule.min_words_exact) {
            repeats.push_back({index, found->second, 1.0});
            continue;
        }

        if (words >= rule.min_words_near) {
            std::size_t best_distance = rule.max_word_edits + 1;
            std::size_t best_index = 0;
            double best_similarity = 0.0;
            const auto first = by_length.lower_bound(words > rule.max_word_edits ? words - rule.max_word_edits : 0);
            const auto last = by_length.upper_bound(words + rule.max_word_edits);
            for (auto bucket = first; bucket != last; ++bucket) {
                for (const auto& [candidate, candidate_print] : bucket->second) {
                    if (candidate_print.numbers != print.numbers) continue;
                    const std::size_t distance =
                        banded_distance(print.words, candidate_print.words, rule.max_word_edits);
                    const double longer =
                        static_cast<double>(std::max(print.words.size(), candidate_print.words.size()));
                    const double similarity = 1.0 - static_cast<double>(distance) / longer;
                    if (distance < best_distance && similarity >= rule.min_similarity) {
                        best_distance = distance;
                        best_index = candidate;
                        best_similarity = similarity;
                    }
                }
            }
            if (best_distance <= rule.max_word_edits) {
                repeats.push_back({index, best_index, best_similarity});
                continue;
            }
        }

        if (found == first_by_key.end()) first_by_key.emplace(print.whole, index);
        if (words >= candidate_min_words) by_length[words].emplace_back(index, std::move(print));
    }
    return repeats;
}

}  // namespace newsdex
