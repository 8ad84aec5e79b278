#include "common/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace newsdex {

namespace {

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

/// Length of the valid prefix at `p` (0 = the lead byte itself is invalid), and the full length
/// the lead byte announces. Ranges follow Unicode Table 3-7, which rules out overlongs,
/// surrogates (ED A0..BF) and values above U+10FFFF (F4 90.., F5..FF) by the second byte.
struct SequenceCheck {
    std::size_t valid = 0;   ///< how many bytes form a valid (possibly partial) prefix
    std::size_t needed = 0;  ///< how many bytes the sequence needs; 0 for an invalid lead
};

SequenceCheck check_sequence(const unsigned char* p, std::size_t available) noexcept {
    const unsigned char lead = p[0];
    std::size_t needed = 0;
    unsigned char second_low = 0x80;
    unsigned char second_high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        needed = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        needed = 3;
        if (lead == 0xE0) second_low = 0xA0;   // overlong
        if (lead == 0xED) second_high = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        needed = 4;
        if (lead == 0xF0) second_low = 0x90;   // overlong
        if (lead == 0xF4) second_high = 0x8F;  // above U+10FFFF
    } else {
        return {0, 0};
    }
    std::size_t valid = 1;
    for (; valid < needed && valid < available; ++valid) {
        const unsigned char low = valid == 1 ? second_low : 0x80;
        const unsigned char high = valid == 1 ? second_high : 0xBF;
        if (p[valid] < low || p[valid] > high) break;
    }
    return {valid, needed};
}

/// True when the 8 bytes at `p` are all ASCII.
inline bool ascii8(const unsigned char* p) noexcept {
    std::uint64_t word;
    std::memcpy(&word, p, sizeof word);
    return (word & 0x8080808080808080ULL) == 0;
}

/// Offset of the first ill-formed sequence at or after `from`, or `size` when there is none.
std::size_t first_bad(const unsigned char* p, std::size_t size, std::size_t from) noexcept {
    std::size_t i = from;
    while (i < size) {
        if (i + 8 <= size && ascii8(p + i)) {
            i += 8;
            continue;
        }
        if (p[i] < 0x80) {
            ++i;
            continue;
        }
        const SequenceCheck check = check_sequence(p + i, size - i);
        if (check.needed == 0 || check.valid < check.needed) return i;
        i += check.needed;
    }
    return size;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    return first_bad(p, bytes.size(), 0) == bytes.size();
}

Utf8Repair repair_utf8(std::string_view bytes) {
    Utf8Repair result;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t size = bytes.size();
    std::size_t start = 0;
    if (size >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        result.had_bom = true;
        start = 3;
    }
    std::size_t bad = first_bad(p, size, start);
    if (bad == size) {  // the fast path: nothing to repair
        result.text.assign(bytes.substr(start));
        return result;
    }
    result.text.reserve(size - start + 16);
    std::size_t copied = start;
    while (bad < size) {
        result.text.append(bytes.substr(copied, bad - copied));
        result.text.append(replacement_character);
        result.bad_offsets.push_back(bad);
        const SequenceCheck check = check_sequence(p + bad, size - bad);
        // One U+FFFD per maximal subpart: skip the valid prefix, or the lone bad byte.
        copied = bad + (check.valid == 0 ? 1 : check.valid);
        bad = first_bad(p, size, copied);
    }
    result.text.append(bytes.substr(copied));
    return result;
}

}  // namespace newsdex
