#include "common/stable_hash.hpp"

#include <cstddef>

namespace newsdex {
namespace {

constexpr std::uint64_t k_c1 = 0x87c37b91114253d5ULL;
constexpr std::uint64_t k_c2 = 0x4cf5ad432745937fULL;

constexpr std::uint64_t rotl(std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

constexpr std::uint64_t fmix64(std::uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ULL;
    k ^= k >> 33;
    return k;
}

// Assembles the value byte by byte, so the result depends neither on the host's endianness
// nor on alignment.
std::uint64_t load_le64(const unsigned char* p) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
    return v;
}

std::uint64_t tail_le(const unsigned char* p, std::size_t n) {
    std::uint64_t v = 0;
    for (std::size_t i = n; i-- > 0;) v = (v << 8) | p[i];
    return v;
}

std::uint64_t mix_k1(std::uint64_t k1) { return rotl(k1 * k_c1, 31) * k_c2; }
std::uint64_t mix_k2(std::uint64_t k2) { return rotl(k2 * k_c2, 33) * k_c1; }

}  // namespace

Hash128 hash128(std::string_view bytes, std::uint64_t seed) noexcept {
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t length = bytes.size();
    const std::size_t blocks = length / 16;
    std::uint64_t h1 = seed;
    std::uint64_t h2 = seed;

    for (std::size_t i = 0; i < blocks; ++i) {
        h1 ^= mix_k1(load_le64(data + 16 * i));
        h1 = rotl(h1, 27) + h2;
        h1 = h1 * 5 + 0x52dce729;
        h2 ^= mix_k2(load_le64(data + 16 * i + 8));
        h2 = rotl(h2, 31) + h1;
        h2 = h2 * 5 + 0x38495ab5;
    }

    const unsigned char* tail = data + 16 * blocks;
    const std::size_t rest = length & 15;
    if (rest > 8) h2 ^= mix_k2(tail_le(tail + 8, rest - 8));
    if (rest > 0) h1 ^= mix_k1(tail_le(tail, rest > 8 ? 8 : rest));

    h1 ^= length;
    h2 ^= length;
    h1 += h2;
    h2 += h1;
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 += h2;
    h2 += h1;
    return {h1, h2};
}

std::uint64_t hash64(std::string_view bytes, std::uint64_t seed) noexcept {
    return hash128(bytes, seed).first;
}

std::string to_hex(const Hash128& hash) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(32);
    for (const std::uint64_t half : {hash.first, hash.second}) {
        for (int byte = 0; byte < 8; ++byte) {
            const unsigned v = static_cast<unsigned>(half >> (8 * byte)) & 0xFFu;
            out += digits[v >> 4];
            out += digits[v & 15];
        }
    }
    return out;
}

}  // namespace newsdex
