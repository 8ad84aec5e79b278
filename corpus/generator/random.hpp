#pragma once
/// The generator's own pseudo-random numbers: a xoshiro256** generator seeded through splitmix64,
/// with bounded integers, unit doubles and Zipf tables built from integer arithmetic only, so that
/// the same seed yields the same corpus with any compiler, standard library or libm.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <utility>
#include <vector>

namespace newsdex::generator {

/// One splitmix64 step: advances `state` and returns a well-mixed 64-bit value.
inline std::uint64_t splitmix64(std::uint64_t& state)
{
    state += 0x9E3779B97F4A7C15ULL;
    std::uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/// Derives an independent seed from a parent seed and a tag (an article number, a purpose).
inline std::uint64_t mix_seed(std::uint64_t seed, std::uint64_t tag)
{
    std::uint64_t state = seed ^ (tag * 0xD1B54A32D192ED03ULL);
    splitmix64(state);
    return splitmix64(state);
}

/// A xoshiro256** generator. Cheap to copy; every method is deterministic for a given seed.
class Rng {
public:
    /// Seeds the four state words from `seed` through splitmix64 (never all zero).
    explicit Rng(std::uint64_t seed)
    {
        std::uint64_t sm = seed;
        for (auto& word : m_state) {
            word = splitmix64(sm);
        }
    }

    /// Returns the next 64 random bits.
    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
        const std::uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    /// Returns a uniform integer in [0, n) without modulo bias; returns 0 when n is 0.
    std::uint64_t below(std::uint64_t n)
    {
        if (n <= 1) {
            return 0;
        }
        if (n <= 0xFFFFFFFFULL) {
            // Lemire's multiply-and-shift on 32 random bits: a division only in the rare case
            // that decides whether to reject.
            const auto n32 = static_cast<std::uint32_t>(n);
            std::uint64_t m = (next() >> 32) * n32;
            auto low = static_cast<std::uint32_t>(m);
            if (low < n32) {
                const std::uint32_t threshold = static_cast<std::uint32_t>(0U - n32) % n32;
                while (low < threshold) {
                    m = (next() >> 32) * n32;
                    low = static_cast<std::uint32_t>(m);
                }
            }
            return m >> 32;
        }
        // Reject the low values that would make some residues more likely than others.
        const std::uint64_t threshold = (0 - n) % n;
        for (;;) {
            const std::uint64_t r = next();
            if (r >= threshold) {
                return r % n;
            }
        }
    }

    /// Returns a uniform integer in [lo, hi] (inclusive); requires lo <= hi.
    std::int64_t between(std::int64_t lo, std::int64_t hi)
    {
        const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
        return lo + static_cast<std::int64_t>(below(span));
    }

    /// Returns a uniform double in [0, 1) with 53 random bits.
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    /// Returns true with probability p (false for p <= 0, true for p >= 1).
    bool chance(double p) { return unit() < p; }

    /// Returns a uniformly chosen element; requires a non-empty vector.
    template <typename T>
    const T& pick(const std::vector<T>& items)
    {
        return items[static_cast<std::size_t>(below(items.size()))];
    }

    /// Shuffles `items` in place (Fisher-Yates).
    template <typename T>
    void shuffle(std::vector<T>& items)
    {
        for (std::size_t i = items.size(); i > 1; --i) {
            const auto j = static_cast<std::size_t>(below(i));
            std::swap(items[i - 1], items[j]);
        }
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

    std::uint64_t m_state[4] = {};
};

/// A Zipf-Mandelbrot distribution over ranks 0..n-1 with weight proportional to
/// 1/(rank+1+offset)^power. Weights are integers, so sampling is identical on every platform.
class ZipfTable {
public:
    ZipfTable() = default;

    /// Builds the cumulative table for `n` ranks; throws std::invalid_argument when n is 0, power is
    /// 0 or above 3, or n is above 2^20.
    explicit ZipfTable(std::size_t n, std::uint64_t offset = 0, unsigned power = 1)
    {
        if (n == 0 || n > (std::size_t{1} << 20) || power == 0 || power > 3) {
            throw std::invalid_argument("ZipfTable needs 1 to 2^20 ranks and a power of 1 to 3");
        }
        m_cumulative.reserve(n);
        std::uint64_t total = 0;
        for (std::size_t rank = 0; rank < n; ++rank) {
            std::uint64_t weight = std::uint64_t{1} << 44;  // sums stay far below 2^64
            for (unsigned p = 0; p < power; ++p) {
                weight /= rank + 1 + offset;
            }
            total += weight + 1;  // never zero, so every rank stays possible
            m_cumulative.push_back(total);
        }
    }

    /// Returns a rank in [0, size()).
    std::size_t sample(Rng& rng) const
    {
        const std::uint64_t r = rng.below(m_cumulative.back());
        const auto it = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), r);
        return static_cast<std::size_t>(it - m_cumulative.begin());
    }

    /// The number of ranks.
    std::size_t size() const { return m_cumulative.size(); }

private:
    std::vector<std::uint64_t> m_cumulative;
};

}  // namespace newsdex::generator
