#pragma once
/// Numbers facet values and cluster keys for the index's facet dictionary
/// (common/facet_dictionary) as a run writes documents, and appends the new ones to its files
/// before they are needed on disk.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/facet_dictionary.hpp"

namespace newsdex {

/// The writer of one index's facet dictionary. Used by the single writer of the index (the
/// caller holds its lock), on one thread.
class FacetDictionaryWriter {
public:
    /// Reads the dictionary in `directory`, or creates an empty one with a new random tag when
    /// there is none. A tail that a crash left half written (names without their end, a torn
    /// end) is cut off: no listed document uses it. Files that do not belong together or cannot
    /// be read as a dictionary are replaced by a new one with a new tag: documents numbered by
    /// the old one are then counted by their names, never by numbers meaning other names.
    /// Throws FatalError when the files cannot be read or written.
    explicit FacetDictionaryWriter(std::filesystem::path directory);

    /// The dictionary's tag, which every slot_facet_ids value it numbers starts with.
    [[nodiscard]] std::uint32_t tag() const { return m_tag; }

    /// The facet values numbered so far, flushed or not.
    [[nodiscard]] std::size_t size() const { return m_values.ends.size(); }

    /// The cluster keys numbered so far, flushed or not.
    [[nodiscard]] std::size_t clusters() const { return m_clusters.ends.size(); }

    /// The number of the facet value `name`, numbering it (in memory, until flush()) when new.
    /// Throws FatalError when the dictionary is full (4 GB of names).
    [[nodiscard]] std::uint32_t id(std::string_view name) { return m_values.number(name, m_directory); }

    /// The number of the cluster key `key`, numbering it when new, as id() does.
    [[nodiscard]] std::uint32_t cluster_id(std::string_view key) { return m_clusters.number(key, m_directory); }

    /// Adds schema::slot_facet_ids to `document`, numbering the values of its cluster, source,
    /// places and actors slots (which it must already hold) in schema::for_each_facet_value's order.
    void add_ids(Xapian::Document& document);

    /// Appends what was numbered since the last flush to the files and flushes them to the disk:
    /// each list's names first, then their ends. Call before listing a segment whose documents
    /// use them. Throws FatalError naming the file.
    void flush();

private:
    // One numbered list in memory: every name back to back (kept whole: the table's keys), their
    // ends, and an open-addressing table of numbers. About 30 bytes a name, so a million cluster
    // keys cost some 30 MB.
    struct List {
        std::string bytes;
        std::vector<std::uint32_t> ends;
        std::vector<std::uint32_t> slots;  ///< number + 1, or 0 when free; a power of two, at most half full
        std::size_t flushed = 0;           ///< names on disk

        [[nodiscard]] std::string_view name(std::uint32_t id) const;
        std::uint32_t number(std::string_view name, const std::filesystem::path& directory);
        void insert(std::uint32_t id);
        void clear();
    };
    void create();
    bool load(const facet_dictionary_format::List& format, List& list);

    std::filesystem::path m_directory;
    std::uint32_t m_tag = 0;
    List m_values;
    List m_clusters;
};

}  // namespace newsdex
