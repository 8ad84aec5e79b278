#include "indexer/dedup/term_filter.hpp"

#include "common/stable_hash.hpp"

namespace newsdex {
namespace {

constexpr std::size_t first_capacity = 1 << 20;
constexpr std::size_t words_per_block = 8;      // 512 bits: one cache line
constexpr std::size_t bits_per_term = 16;       // with 11 probes: about 0.2% false positives
constexpr int probes = 11;

std::size_t block_of(std::uint64_t hash, std::size_t blocks) {
    return static_cast<std::size_t>((hash >> 32) * blocks >> 32);  // hash's high half, scaled
}

// The probe-th bit within the block, from the hash's low half (double hashing).
unsigned bit_of(std::uint64_t hash, int probe) {
    const auto low = static_cast<std::uint32_t>(hash);
    const std::uint32_t step = (low >> 9) | 1;
    return (low + static_cast<std::uint32_t>(probe) * step) % (words_per_block * 64);
}

}  // namespace

void TermFilter::set_bits(Generation& generation, std::uint64_t hash) {
    const std::size_t block = block_of(hash, generation.words.size() / words_per_block) * words_per_block;
    for (int probe = 0; probe < probes; ++probe) {
        const unsigned bit = bit_of(hash, probe);
        generation.words[block + bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
}

bool TermFilter::has_bits(const Generation& generation, std::uint64_t hash) {
    const std::size_t block = block_of(hash, generation.words.size() / words_per_block) * words_per_block;
    for (int probe = 0; probe < probes; ++probe) {
        const unsigned bit = bit_of(hash, probe);
        if ((generation.words[block + bit / 64] & (std::uint64_t{1} << (bit % 64))) == 0) return false;
    }
    return true;
}

void TermFilter::add(std::string_view term) {
    if (m_generations.empty() || m_generations.back().size >= m_generations.back().capacity) {
        Generation next;
        next.capacity = m_generations.empty() ? first_capacity : m_generations.back().capacity * 2;
        const std::size_t blocks = (next.capacity * bits_per_term + 511) / 512;
        next.words.assign(blocks * words_per_block, 0);
        m_generations.push_back(std::move(next));
    }
    set_bits(m_generations.back(), hash64(term));
    ++m_generations.back().size;
}

bool TermFilter::may_contain(std::string_view term) const {
    const std::uint64_t hash = hash64(term);
    for (const auto& generation : m_generations) {
        if (has_bits(generation, hash)) return true;
    }
    return false;
}

}  // namespace newsdex
