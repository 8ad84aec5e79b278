#pragma once
/// The hashing the recogniser's features are built from: every feature is a 64-bit hash of a
/// template number and a value, computed from per-word hashes without building strings. The
/// values are stored in model files, so these functions must never change; a change is a new
/// model format.

#include <cstdint>
#include <string_view>

namespace newsdex {

/// splitmix64's finaliser: spreads every input bit over the whole value.
[[nodiscard]] constexpr std::uint64_t mix_hash(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

/// An order-sensitive combination of two hashes (combine_hash(a, b) != combine_hash(b, a)).
[[nodiscard]] constexpr std::uint64_t combine_hash(std::uint64_t a, std::uint64_t b) {
    return mix_hash(a * 0x9e3779b97f4a7c15ULL + (b ^ 0x632be59bd9b4e019ULL));
}

/// FNV-1a over bytes fed one at a time, finished with mix_hash.
class ByteHasher {
public:
    /// Adds one byte.
    constexpr void add(unsigned char byte) {
        m_state ^= byte;
        m_state *= 0x100000001b3ULL;
    }
    /// Adds every byte of `bytes`.
    constexpr void add(std::string_view bytes) {
        for (char c : bytes) add(static_cast<unsigned char>(c));
    }
    /// The hash of the bytes added so far.
    [[nodiscard]] constexpr std::uint64_t value() const { return mix_hash(m_state); }

private:
    std::uint64_t m_state = 0xcbf29ce484222325ULL;
};

/// The hash of a string, as ByteHasher computes it.
[[nodiscard]] constexpr std::uint64_t bytes_hash(std::string_view bytes) {
    ByteHasher hasher;
    hasher.add(bytes);
    return hasher.value();
}

}  // namespace newsdex
