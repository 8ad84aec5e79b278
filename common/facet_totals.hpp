#pragma once
/// The totals of a segment's facet column: how many of its documents hold each facet number, and
/// how many of its stories (the first document of each near-duplicate cluster, and every
/// document without one). A query matching most of a segment is then counted by its complement:
/// start from the totals and take away the documents that do not match, which costs what the
/// non-matches cost instead of what the matches cost (the way Lucene's facet module counted
/// large result sets). Written with the column (FacetColumn), read from its mapped bytes.
///
/// Layout (little endian, 4-byte numbers): the dictionary tag, whether every document of the
/// segment has a readable value of that tag (1) or not (0: the totals are not to be used), the
/// least dictionary size that holds every number, the least cluster count that holds every
/// cluster number, the documents, the stories, the entries; then each entry (kind, number,
/// documents, stories), ordered by kind and number; then a bit per docid 0..last, set for the
/// first document of its story; then for each docid 0..last its cluster number + 1 (0: none),
/// so that a match whose story may still be counted is found without reading its value.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/schema.hpp"

namespace newsdex {

class FacetTotals {
public:
    /// The number of the date entry that counts the documents without a date.
    static constexpr std::uint32_t undated = UINT32_MAX;

    struct Entry {
        schema::FacetIdKind kind = schema::FacetIdKind::source;
        std::uint32_t id = 0;
        std::uint32_t documents = 0;  ///< documents holding the number
        std::uint32_t stories = 0;    ///< of those, the first of their story
    };

    /// Adds up the slot_facet_ids values of a segment's documents, in docid order.
    class Builder {
    public:
        explicit Builder(Xapian::docid last_docid);
        void add(Xapian::docid docid, std::string_view value);
        /// The totals' bytes; `documents` is the segment's document count (fewer values means
        /// some document has none, and the totals are marked unusable).
        [[nodiscard]] std::string encode(Xapian::doccount documents) const;

    private:
        std::optional<std::uint32_t> m_tag;
        bool m_whole = true;
        std::uint32_t m_ids_bound = 0;
        std::uint32_t m_clusters_bound = 0;
        std::uint32_t m_documents = 0;
        std::uint32_t m_stories = 0;
        std::map<std::pair<unsigned, std::uint32_t>, std::pair<std::uint32_t, std::uint32_t>> m_counts;
        std::vector<bool> m_cluster_seen;
        std::string m_first_of_story;  ///< a bit per docid
        std::string m_clusters;        ///< 4 bytes per docid
        std::vector<schema::FacetId> m_records;  ///< one document's, reused
    };

    /// The totals in `section` (the column's last part) for a column of docids up to `last_docid`;
    /// nullopt when the section is malformed or marks them unusable.
    [[nodiscard]] static std::optional<FacetTotals> read(std::string_view section, Xapian::docid last_docid);

    [[nodiscard]] std::uint32_t tag() const { return m_tag; }
    /// Every number is below this; every cluster number below clusters_bound().
    [[nodiscard]] std::uint32_t ids_bound() const { return m_ids_bound; }
    [[nodiscard]] std::uint32_t clusters_bound() const { return m_clusters_bound; }
    [[nodiscard]] std::uint32_t documents() const { return m_documents; }
    [[nodiscard]] std::uint32_t stories() const { return m_stories; }
    [[nodiscard]] std::size_t size() const { return m_entry_count; }
    [[nodiscard]] Entry entry(std::size_t i) const;
    /// The entries of `kind`: [first, second) (entries are ordered by kind).
    [[nodiscard]] std::pair<std::size_t, std::size_t> entries_of(schema::FacetIdKind kind) const;

    /// Whether document `docid` is the first of its story (false for a docid with no document).
    [[nodiscard]] bool first_of_story(Xapian::docid docid) const {
        return docid <= m_last_docid && (static_cast<unsigned char>(m_first_of_story[docid / 8]) >> (docid % 8) & 1u) != 0;
    }

    /// The cluster number of document `docid`; nullopt when it has none (or there is no such document).
    [[nodiscard]] std::optional<std::uint32_t> cluster_of(Xapian::docid docid) const;

private:
    FacetTotals() = default;
    std::uint32_t m_tag = 0;
    std::uint32_t m_ids_bound = 0;
    std::uint32_t m_clusters_bound = 0;
    std::uint32_t m_documents = 0;
    std::uint32_t m_stories = 0;
    std::size_t m_entry_count = 0;
    const char* m_entries = nullptr;
    std::string_view m_first_of_story;
    const char* m_clusters = nullptr;
    Xapian::docid m_last_docid = 0;
};

}  // namespace newsdex
