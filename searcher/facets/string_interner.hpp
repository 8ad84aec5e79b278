#pragma once
/// StringInterner: numbers the distinct strings it is shown 0, 1, 2, ... in order of first sight.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsdex {

/// An exact string set that hands out dense numbers, so callers can keep per-string data in a
/// vector. Facet counting interns a value or an actor name for every match, up to a million
/// times a search: this open-addressing table of 8-byte slots keeps every key in one buffer,
/// with no allocation per key; an unordered_map<string, ...> took three times as long. The
/// lookups are cache misses, so the table is kept small: a bigger slot holding the key's place
/// in the buffer saved no time and cost page faults in a fresh process.
class StringInterner {
public:
    /// The number of `key`, and whether `key` was new (numbered by this call).
    std::pair<std::uint32_t, bool> intern(std::string_view key);

    /// The string numbered `id` (valid until the next intern()).
    [[nodiscard]] std::string_view key(std::uint32_t id) const { return bytes(m_keys[id]); }

    /// How many distinct strings were interned.
    [[nodiscard]] std::size_t size() const { return m_keys.size(); }

private:
    struct Span {
        std::uint32_t offset = 0;
        std::uint32_t size = 0;
    };
    static constexpr std::uint32_t free_slot = UINT32_MAX;
    struct Slot {
        std::uint32_t tag = 0;  ///< high half of the key's hash: most mismatches stop here
        std::uint32_t id = free_slot;
    };

    [[nodiscard]] std::string_view bytes(Span span) const {
        return std::string_view(m_bytes).substr(span.offset, span.size);
    }
    void grow();

    std::vector<Slot> m_slots;  ///< linear probing; the size is a power of two, at most three quarters full
    std::vector<Span> m_keys;   ///< by number
    std::string m_bytes;        ///< every key, back to back
};

}  // namespace newsdex
