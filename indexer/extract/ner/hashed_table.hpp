#pragma once
/// An open-addressed map from 64-bit hashes to small values, for tables looked up once per
/// word: one array, linear probing, no allocation per entry. Keys are already well mixed
/// hashes (feature_hash.hpp), so the low bits index the slots directly.

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace newsdex {

/// Maps hashes to values of type V. Key 0 is stored as 1 (a hash of 0 is as likely as any other).
template <typename V>
class HashedTable {
public:
    /// An empty table.
    HashedTable() = default;

    /// Sets the value of `key`, adding it when absent.
    void set(std::uint64_t key, V value) {
        if ((m_size + 1) * 4 > m_slots.size() * 3) grow();
        Slot& slot = probe(nonzero(key));
        if (slot.key == 0) {
            slot.key = nonzero(key);
            ++m_size;
        }
        slot.value = value;
    }

    /// The value of `key`, or nullptr when absent. The pointer is valid until the next set().
    [[nodiscard]] const V* find(std::uint64_t key) const {
        if (m_slots.empty()) return nullptr;
        const std::uint64_t wanted = nonzero(key);
        for (std::size_t i = wanted & m_mask;; i = (i + 1) & m_mask) {
            const Slot& slot = m_slots[i];
            if (slot.key == wanted) return &slot.value;
            if (slot.key == 0) return nullptr;
        }
    }

    /// Starts loading the slot where find(key) begins, so that a find() a little later need not
    /// wait for memory (a hint to the processor: nothing changes).
    void prefetch(std::uint64_t key) const {
        if (!m_slots.empty()) __builtin_prefetch(&m_slots[nonzero(key) & m_mask]);
    }

    /// The number of keys.
    [[nodiscard]] std::size_t size() const { return m_size; }

    /// Calls `visit(key, value)` for every entry, in slot order.
    template <typename F>
    void for_each(F&& visit) const {
        for (const Slot& slot : m_slots)
            if (slot.key != 0) visit(slot.key, slot.value);
    }

private:
    /// One entry; key 0 marks an empty slot.
    struct Slot {
        std::uint64_t key = 0;
        V value{};
    };

    /// The stored form of a key (0 becomes 1).
    static std::uint64_t nonzero(std::uint64_t key) { return key == 0 ? 1 : key; }

    /// The slot of `key`, or the empty slot where it would go.
    Slot& probe(std::uint64_t key) {
        for (std::size_t i = key & m_mask;; i = (i + 1) & m_mask) {
            Slot& slot = m_slots[i];
            if (slot.key == key || slot.key == 0) return slot;
        }
    }

    /// Doubles the slots and re-inserts every entry.
    void grow() {
        std::vector<Slot> old = std::move(m_slots);
        const std::size_t capacity = std::max<std::size_t>(16, std::bit_ceil(old.size() * 2));
        m_slots.assign(capacity, Slot{});
        m_mask = capacity - 1;
        for (const Slot& slot : old)
            if (slot.key != 0) probe(slot.key) = slot;
    }

    std::vector<Slot> m_slots;  ///< a power of two of them
    std::size_t m_mask = 0;     ///< m_slots.size() - 1
    std::size_t m_size = 0;     ///< keys stored
};

}  // namespace newsdex
