#include "common/facet_totals.hpp"

#include "common/facet_dictionary.hpp"

namespace newsdex {
namespace {

using facet_dictionary_format::append_le;
using facet_dictionary_format::read_end;

constexpr std::size_t header_numbers = 7;
constexpr std::size_t entry_numbers = 4;

std::size_t bitmap_bytes(Xapian::docid last_docid) { return (std::size_t{last_docid} + 1 + 7) / 8; }

}  // namespace

FacetTotals::Builder::Builder(Xapian::docid last_docid)
    : m_first_of_story(bitmap_bytes(last_docid), '\0'), m_clusters(4 * (std::size_t{last_docid} + 1), '\0') {}

void FacetTotals::Builder::add(Xapian::docid docid, std::string_view value) {
    const std::optional<std::uint32_t> tag = schema::facet_ids_tag(value);
    if (!tag || (m_tag && *m_tag != *tag)) m_whole = false;
    if (!m_whole) return;
    m_tag = tag;
    m_records.clear();
    std::optional<std::uint32_t> cluster;
    bool dated = false;
    bool too_large = false;
    const bool readable = schema::for_each_facet_id(value, [&](schema::FacetIdKind kind, std::uint32_t id) {
        if (id == UINT32_MAX) too_large = true;  // no dictionary is that large
        if (too_large) return false;
        if (kind == schema::FacetIdKind::cluster) {
            cluster = id;
            m_clusters_bound = std::max(m_clusters_bound, id + 1);
        } else {
            if (kind == schema::FacetIdKind::date) dated = true;
            m_records.push_back({kind, id});
            m_ids_bound = std::max(m_ids_bound, id + 1);
        }
        return true;
    });
    if (!readable || too_large || 4 * std::size_t{docid} >= m_clusters.size()) {
        m_whole = false;
        return;
    }
    if (!dated) m_records.push_back({schema::FacetIdKind::date, undated});
    bool first = true;
    if (cluster) {
        std::string cluster_bytes;
        append_le(cluster_bytes, std::uint64_t{*cluster} + 1, 4);
        m_clusters.replace(4 * std::size_t{docid}, 4, cluster_bytes);
        if (*cluster >= m_cluster_seen.size()) m_cluster_seen.resize(std::size_t{*cluster} + 1, false);
        first = !m_cluster_seen[*cluster];
        m_cluster_seen[*cluster] = true;
    }
    ++m_documents;
    if (first) {
        ++m_stories;
        char& byte = m_first_of_story[docid / 8];
        byte = static_cast<char>(static_cast<unsigned char>(byte) | 1u << (docid % 8));
    }
    for (const schema::FacetId& record : m_records) {
        auto& counts = m_counts[{static_cast<unsigned>(record.kind), record.id}];
        ++counts.first;
        if (first) ++counts.second;
    }
}

std::string FacetTotals::Builder::encode(Xapian::doccount documents) const {
    const bool usable = m_whole && m_tag && m_documents == documents;
    std::string out;
    append_le(out, m_tag.value_or(0), 4);
    append_le(out, usable ? 1 : 0, 4);
    append_le(out, m_ids_bound, 4);
    append_le(out, m_clusters_bound, 4);
    append_le(out, m_documents, 4);
    append_le(out, m_stories, 4);
    append_le(out, usable ? m_counts.size() : 0, 4);
    if (usable) {
        for (const auto& [key, counts] : m_counts) {
            append_le(out, key.first, 4);
            append_le(out, key.second, 4);
            append_le(out, counts.first, 4);
            append_le(out, counts.second, 4);
        }
    }
    out += m_first_of_story;
    out += m_clusters;
    return out;
}

std::optional<FacetTotals> FacetTotals::read(std::string_view section, Xapian::docid last_docid) {
    if (section.size() < 4 * header_numbers) return std::nullopt;
    const char* p = section.data();
    if (read_end(p + 4) != 1) return std::nullopt;
    FacetTotals totals;
    totals.m_tag = read_end(p);
    totals.m_ids_bound = read_end(p + 8);
    totals.m_clusters_bound = read_end(p + 12);
    totals.m_documents = read_end(p + 16);
    totals.m_stories = read_end(p + 20);
    totals.m_entry_count = read_end(p + 24);
    const std::size_t entries_bytes = 4 * entry_numbers * totals.m_entry_count;
    const std::size_t clusters_bytes = 4 * (std::size_t{last_docid} + 1);
    if (section.size() != 4 * header_numbers + entries_bytes + bitmap_bytes(last_docid) + clusters_bytes) return std::nullopt;
    totals.m_entries = p + 4 * header_numbers;
    totals.m_first_of_story = section.substr(4 * header_numbers + entries_bytes, bitmap_bytes(last_docid));
    totals.m_clusters = p + 4 * header_numbers + entries_bytes + bitmap_bytes(last_docid);
    totals.m_last_docid = last_docid;
    // Kinds known and in order, which entries_of() relies on.
    for (std::size_t i = 0; i < totals.m_entry_count; ++i) {
        const std::uint32_t kind = read_end(totals.m_entries + 4 * entry_numbers * i);
        if (kind >= schema::detail::facet_id_kinds) return std::nullopt;
        if (i > 0 && kind < read_end(totals.m_entries + 4 * entry_numbers * (i - 1))) return std::nullopt;
    }
    return totals;
}

std::pair<std::size_t, std::size_t> FacetTotals::entries_of(schema::FacetIdKind kind) const {
    // The first entry of a kind at or after `wanted`.
    auto first_of = [this](unsigned wanted) {
        std::size_t low = 0;
        std::size_t high = m_entry_count;
        while (low < high) {
            const std::size_t middle = low + (high - low) / 2;
            if (read_end(m_entries + 4 * entry_numbers * middle) < wanted) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    };
    const auto wanted = static_cast<unsigned>(kind);
    return {first_of(wanted), first_of(wanted + 1)};
}

std::optional<std::uint32_t> FacetTotals::cluster_of(Xapian::docid docid) const {
    if (docid > m_last_docid) return std::nullopt;
    const std::uint32_t stored = read_end(m_clusters + 4 * std::size_t{docid});
    if (stored == 0) return std::nullopt;
    return stored - 1;
}

FacetTotals::Entry FacetTotals::entry(std::size_t i) const {
    const char* p = m_entries + 4 * entry_numbers * i;
    return {static_cast<schema::FacetIdKind>(read_end(p)), read_end(p + 4), read_end(p + 8), read_end(p + 12)};
}

}  // namespace newsdex
