#pragma once
/// A small deterministic random generator (SplitMix64), so a test's sample is the same on
/// every machine and standard library.

#include <cstdint>

namespace newsdex {

/// SplitMix64: each next() is fixed by the seed alone.
class SplitMix {
public:
    /// A generator starting from `seed`.
    explicit SplitMix(std::uint64_t seed) : m_state(seed) {}

    /// The next 64-bit number.
    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    /// A number below `bound` (which must not be 0).
    std::uint64_t below(std::uint64_t bound) { return next() % bound; }

private:
    std::uint64_t m_state;
};

}  // namespace newsdex
