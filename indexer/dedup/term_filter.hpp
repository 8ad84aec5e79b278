#pragma once
/// TermFilter: which lookup terms the index may hold, answered from memory.
///
/// Deciding what an article is costs several term lookups in the index (its id, its content
/// hash, its 32 LSH bands), and almost all of them find nothing. In a Xapian database of
/// several segments each lookup is a B-tree search per segment: at a million articles they
/// took a third of the indexing time. A Bloom filter over the terms answers "certainly not
/// there" from memory, so only the few lookups that may succeed reach Xapian.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace newsdex {

/// A growing Bloom filter of strings: no false negatives, about 1% false positives per
/// generation. Each generation holds twice as many terms as the one before, so the filter
/// grows with the index without knowing its size in advance.
class TermFilter {
public:
    void add(std::string_view term);

    /// False when `term` was certainly never added.
    [[nodiscard]] bool may_contain(std::string_view term) const;

private:
    // A blocked Bloom filter: the bits of one term all fall in one 64-byte block, so a
    // lookup costs one cache miss.
    struct Generation {
        std::vector<std::uint64_t> words;  // blocks of 8 words
        std::size_t capacity = 0;          // terms it holds at about 10 bits each
        std::size_t size = 0;
    };
    static void set_bits(Generation& generation, std::uint64_t hash);
    [[nodiscard]] static bool has_bits(const Generation& generation, std::uint64_t hash);

    std::vector<Generation> m_generations;
};

}  // namespace newsdex
