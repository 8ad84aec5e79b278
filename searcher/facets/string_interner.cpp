#include "searcher/facets/string_interner.hpp"

#include <cstring>
#include <stdexcept>

namespace newsdex {
namespace {

std::uint64_t read64(const char* p) {
    std::uint64_t word;
    std::memcpy(&word, p, sizeof word);
    return word;
}

std::uint64_t read32(const char* p) {
    std::uint32_t word;
    std::memcpy(&word, p, sizeof word);
    return word;
}

// A quick hash for short strings (facet values, names and cluster keys are mostly 5 to 20
// bytes): a multiply per 8 bytes and a final mix, so the low bits that pick a slot depend on
// every byte. std::hash (MurmurHash2, an out-of-line call) doubled the cost of counting actors.
// Not for adversarial keys; neither is std::hash.
std::uint64_t hash(std::string_view key) {
    const char* p = key.data();
    std::size_t n = key.size();
    std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ n;
    std::uint64_t last = 0;
    if (n >= 8) {
        for (; n > 8; p += 8, n -= 8) {
            h = (h ^ read64(p)) * 0xbf58476d1ce4e5b9ULL;
            h ^= h >> 29;
        }
        last = read64(p + n - 8);  // the last 8 bytes, overlapping the previous word if need be
    } else if (n >= 4) {
        last = read32(p) << 32 | read32(p + n - 4);
    } else {
        for (std::size_t i = 0; i < n; ++i) last = last << 8 | static_cast<unsigned char>(p[i]);
    }
    h = (h ^ last) * 0x94d049bb133111ebULL;
    h ^= h >> 32;
    h *= 0xd6e8feb86659fd93ULL;
    return h ^ (h >> 32);
}

}  // namespace

std::pair<std::uint32_t, bool> StringInterner::intern(std::string_view key) {
    if ((m_keys.size() + 1) * 4 > m_slots.size() * 3) grow();
    const std::uint64_t h = hash(key);
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        Slot& slot = m_slots[i];
        if (slot.id == free_slot) {
            if (m_bytes.size() + key.size() > UINT32_MAX) throw std::length_error("StringInterner: too many bytes");
            slot = {tag, static_cast<std::uint32_t>(m_keys.size())};
            m_keys.push_back({static_cast<std::uint32_t>(m_bytes.size()), static_cast<std::uint32_t>(key.size())});
            m_bytes.append(key);
            return {slot.id, true};
        }
        if (slot.tag == tag && bytes(m_keys[slot.id]) == key) return {slot.id, false};
    }
}

void StringInterner::grow() {
    std::vector<Slot> slots(m_slots.empty() ? 64 : m_slots.size() * 2);
    const std::size_t mask = slots.size() - 1;
    // By number, so the key bytes are read in order.
    for (std::uint32_t id = 0; id < m_keys.size(); ++id) {
        const std::uint64_t h = hash(key(id));
        std::size_t i = h & mask;
        while (slots[i].id != free_slot) i = (i + 1) & mask;
        slots[i] = {static_cast<std::uint32_t>(h >> 32), id};
    }
    m_slots = std::move(slots);
}

}  // namespace newsdex
