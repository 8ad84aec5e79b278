#include "common/facet_column.hpp"

#include <stdexcept>

#include "common/facet_dictionary.hpp"
#include "common/schema.hpp"

namespace newsdex {
namespace {

// Version 2 added the totals; a column of version 1 is not read (the next run writes it again).
constexpr std::string_view magic = "NDXFIDS2";
constexpr std::size_t header_bytes = 32;
constexpr std::size_t end_bytes = 4;

using facet_dictionary_format::append_le;

std::uint64_t read_le64(const char* p) {
    return static_cast<std::uint64_t>(facet_dictionary_format::read_end(p)) |
           static_cast<std::uint64_t>(facet_dictionary_format::read_end(p + 4)) << 32;
}

struct Header {
    Xapian::rev revision = 0;
    Xapian::docid last_docid = 0;
    std::uint32_t totals_bytes = 0;
    std::uint64_t value_bytes = 0;
};

std::optional<Header> read_header(std::string_view bytes) {
    if (bytes.size() < header_bytes || !bytes.starts_with(magic)) return std::nullopt;
    Header header;
    header.revision = static_cast<Xapian::rev>(read_le64(bytes.data() + 8));
    header.last_docid = facet_dictionary_format::read_end(bytes.data() + 16);
    header.totals_bytes = facet_dictionary_format::read_end(bytes.data() + 20);
    header.value_bytes = read_le64(bytes.data() + 24);
    return header;
}

}  // namespace

std::string FacetColumn::encode(const Xapian::Database& segment) {
    const Xapian::docid last = segment.get_lastdocid();
    std::string ends;
    ends.reserve(end_bytes * (std::size_t{last} + 1));
    std::string values;
    FacetTotals::Builder totals(last);
    append_le(ends, 0, end_bytes);  // docid 0: no document, the start of docid 1's value
    Xapian::docid docid = 1;
    for (auto it = segment.valuestream_begin(schema::slot_facet_ids); it != segment.valuestream_end(schema::slot_facet_ids);
         ++it) {
        for (; docid < it.get_docid(); ++docid) append_le(ends, values.size(), end_bytes);
        const std::string value = *it;
        totals.add(docid, value);
        values += value;
        if (values.size() > UINT32_MAX) throw std::length_error("facet column over 4 GB");
        append_le(ends, values.size(), end_bytes);
        ++docid;
    }
    for (; docid <= last; ++docid) append_le(ends, values.size(), end_bytes);
    const std::string totals_bytes = totals.encode(segment.get_doccount());
    if (totals_bytes.size() > UINT32_MAX) throw std::length_error("facet totals over 4 GB");
    std::string out(magic);
    append_le(out, segment.get_revision(), 8);
    append_le(out, last, 4);
    append_le(out, totals_bytes.size(), 4);
    append_le(out, values.size(), 8);
    out += ends;
    out += values;
    out += totals_bytes;
    return out;
}

std::optional<Xapian::rev> FacetColumn::revision_of(const std::filesystem::path& file) {
    const MappedFile mapped = MappedFile::open(file, header_bytes);
    const auto header = read_header(mapped.bytes());
    if (!header) return std::nullopt;
    return header->revision;
}

std::unique_ptr<const FacetColumn> FacetColumn::open(const std::filesystem::path& segment, Xapian::rev revision) {
    MappedFile file = MappedFile::open(segment / file_name, header_bytes);
    const std::string_view bytes = file.bytes();
    const auto header = read_header(bytes);
    if (!header || header->revision != revision) return nullptr;
    const std::uint64_t ends_size = end_bytes * (std::uint64_t{header->last_docid} + 1);
    if (bytes.size() != header_bytes + ends_size + header->value_bytes + header->totals_bytes) return nullptr;
    std::unique_ptr<FacetColumn> column(new FacetColumn());
    column->m_ends = bytes.data() + header_bytes;
    column->m_values = bytes.substr(header_bytes + ends_size, header->value_bytes);
    column->m_totals = FacetTotals::read(bytes.substr(header_bytes + ends_size + header->value_bytes), header->last_docid);
    column->m_last_docid = header->last_docid;
    column->m_file = std::move(file);
    return column;
}

std::uint32_t FacetColumn::end_of(Xapian::docid docid) const {
    return facet_dictionary_format::read_end(m_ends + end_bytes * docid);
}

}  // namespace newsdex
