#pragma once
/// The facet column of a segment: a copy of its documents' slot_facet_ids values in one file
/// beside its tables (`newsdex-facet-ids`), by docid, so that the facet counter reads a match's
/// numbers from memory by its docid instead of asking Xapian for a value, which costs a
/// document lookup and a string a match (most of a facet's cost over a million matches).
///
/// A column is of one revision of its segment. news-index writes it after the run's last
/// commit; a reader uses it only while the segment is at that revision, so a stale or damaged
/// column is never read, only left unused (the values are read from Xapian again).
///
/// Layout: a 32-byte header (magic `NDXFIDS2`, the segment's revision in 8 bytes, its last
/// docid in 4, the totals' bytes in 4, the values' total bytes in 8; little endian), then 4 bytes
/// per docid 0..last (where each value ends among the values; docid d's value lies between the
/// ends of d - 1 and d), then the values back to back, then the totals (FacetTotals).

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/facet_totals.hpp"
#include "common/mapped_file.hpp"

namespace newsdex {

class FacetColumn {
public:
    /// The column's file name inside a segment's directory.
    static constexpr std::string_view file_name = "newsdex-facet-ids";

    /// The column file's bytes for the glass database `segment` as it is now: its revision and
    /// every document's slot_facet_ids value. Throws Xapian::Error, or std::length_error when
    /// the values pass 4 GB.
    [[nodiscard]] static std::string encode(const Xapian::Database& segment);

    /// The revision the column file at `file` is of, when its header is readable.
    [[nodiscard]] static std::optional<Xapian::rev> revision_of(const std::filesystem::path& file);

    /// The column of the segment directory `segment` when its file is whole and of `revision`;
    /// nullptr otherwise. Never throws.
    [[nodiscard]] static std::unique_ptr<const FacetColumn> open(const std::filesystem::path& segment, Xapian::rev revision);

    /// The slot_facet_ids value of the segment's document `docid`; empty when it has none.
    [[nodiscard]] std::string_view value(Xapian::docid docid) const {
        if (docid == 0 || docid > m_last_docid) return {};
        const std::uint32_t begin = end_of(docid - 1);
        const std::uint32_t end = end_of(docid);
        if (end < begin || end > m_values.size()) return {};
        return m_values.substr(begin, end - begin);
    }

    /// The segment's last docid when the column was written.
    [[nodiscard]] Xapian::docid last_docid() const { return m_last_docid; }

    /// The totals of the segment's facet numbers; nullptr when they are unusable (some document
    /// has no value of the same dictionary).
    [[nodiscard]] const FacetTotals* totals() const { return m_totals ? &*m_totals : nullptr; }

private:
    FacetColumn() = default;
    [[nodiscard]] std::uint32_t end_of(Xapian::docid docid) const;

    MappedFile m_file;
    const char* m_ends = nullptr;
    std::string_view m_values;
    Xapian::docid m_last_docid = 0;
    std::optional<FacetTotals> m_totals;
};

/// The facet columns of every shard of an opened database, in its order, with each shard opened
/// on its own at the revision its column is of. Xapian 1.4 shows a match spy a shard's document
/// with the shard's own docid, so a spy reads a column by (shard, docid): it counts the whole
/// database shard by shard, or reads shard 0 of a database of one. Empty when some shard has no
/// usable column.
class FacetColumns {
public:
    FacetColumns() = default;
    FacetColumns(std::vector<Xapian::Database> shards, std::vector<std::shared_ptr<const FacetColumn>> columns)
        : m_shards(std::move(shards)), m_columns(std::move(columns)) {}

    [[nodiscard]] bool empty() const { return m_columns.empty(); }

    /// The number of shards.
    [[nodiscard]] std::size_t size() const { return m_columns.size(); }

    /// Shard `shard`, opened on its own.
    [[nodiscard]] const Xapian::Database& shard(std::size_t shard) const { return m_shards[shard]; }

    /// The slot_facet_ids value of document `docid` of shard `shard`; empty when it has none.
    [[nodiscard]] std::string_view value(std::size_t shard, Xapian::docid docid) const {
        return m_columns[shard]->value(docid);
    }

    /// The column of shard `shard`.
    [[nodiscard]] const FacetColumn& column(std::size_t shard) const { return *m_columns[shard]; }

private:
    std::vector<Xapian::Database> m_shards;
    std::vector<std::shared_ptr<const FacetColumn>> m_columns;
};

}  // namespace newsdex
