#pragma once
/// Stable hashes: values that may be stored in an index (id terms, content hashes, band terms,
/// paragraph fingerprints), so each is a pure function of its input bytes, the same on every
/// platform, compiler and run.

#include <cstdint>
#include <string>
#include <string_view>

namespace newsdex {

/// A 128-bit hash value as two 64-bit halves (`first` is MurmurHash3's h1, `second` its h2).
struct Hash128 {
    std::uint64_t first = 0;   ///< the first 8 bytes of the digest, read little-endian
    std::uint64_t second = 0;  ///< the last 8 bytes of the digest, read little-endian

    /// Two hashes are equal when both halves are.
    friend bool operator==(const Hash128&, const Hash128&) = default;
};

/// MurmurHash3 x64_128 of `bytes` with `seed` (our own implementation of Austin Appleby's public
/// design; seeds below 2^32 give the reference digests). Input is read little-endian whatever
/// the host, so the value is stable everywhere. Not cryptographic: never use it where an
/// adversary picks the input to force collisions.
[[nodiscard]] Hash128 hash128(std::string_view bytes, std::uint64_t seed = 0) noexcept;

/// The first half of `hash128(bytes, seed)`: a fast, stable 64-bit hash for words, paragraphs and ids.
[[nodiscard]] std::uint64_t hash64(std::string_view bytes, std::uint64_t seed = 0) noexcept;

/// The 32 lowercase hex digits of `hash`, in MurmurHash3's canonical byte order (h1 then h2,
/// each little-endian), so they match other MurmurHash3 x64_128 implementations.
[[nodiscard]] std::string to_hex(const Hash128& hash);

/// `to_hex(hash128(bytes))`: a 128-bit key as 32 lowercase hex digits.
[[nodiscard]] inline std::string stable_hash_hex128(std::string_view bytes) { return to_hex(hash128(bytes)); }

}  // namespace newsdex
