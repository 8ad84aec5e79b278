#pragma once
/// The facet dictionary of an index: every facet value its documents name (people, organisations
/// and places, countries, regions, sources) numbered 0, 1, 2, ... in order of first use, and apart
/// every near-duplicate cluster key numbered the same way, so that a document holds small numbers
/// (schema::slot_facet_ids) and counting a facet, or a story once, reads no name.
///
/// On disk, in the index directory, four append-only files, each starting with a 16-byte header
/// (a magic, and the dictionary's tag: a random number that every slot_facet_ids value repeats):
/// `facet-names` (the names back to back) and `facet-ends` (4 bytes per name, little endian: where
/// it ends among the names), and `facet-clusters` and `facet-cluster-ends`, the same for cluster
/// keys. A name is never renumbered or removed. The writer appends names and flushes them to the
/// disk before it lists a segment whose documents use them, so a listed document never holds a
/// number the dictionary lacks.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/mapped_file.hpp"

namespace newsdex {

/// The files' names and layout, shared by the reader and the writer.
namespace facet_dictionary_format {
/// One numbered list of names: its two files and their magics.
struct List {
    std::string_view names_file;
    std::string_view ends_file;
    std::string_view names_magic;  ///< 8 bytes
    std::string_view ends_magic;   ///< 8 bytes
};
/// Facet values.
inline constexpr List values{"facet-names", "facet-ends", "NDXFNAM1", "NDXFEND1"};
/// Cluster keys.
inline constexpr List clusters{"facet-clusters", "facet-cluster-ends", "NDXCNAM1", "NDXCEND1"};
inline constexpr std::size_t header_bytes = 16;  ///< magic, tag (4 bytes LE), 4 zero bytes
inline constexpr std::size_t end_bytes = 4;

/// The header of a file with `magic` and `tag`.
[[nodiscard]] std::string header(std::string_view magic, std::uint32_t tag);

/// The tag of a file starting with `bytes`, when it starts with a header of `magic`.
[[nodiscard]] std::optional<std::uint32_t> tag_of(std::string_view bytes, std::string_view magic);

/// Appends the `bytes` low bytes of `value`, little endian.
inline void append_le(std::string& out, std::uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xff);
}

/// The number written at `p` (4 bytes, little endian).
[[nodiscard]] inline std::uint32_t read_end(const char* p) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(p);
    return static_cast<std::uint32_t>(bytes[0]) | static_cast<std::uint32_t>(bytes[1]) << 8 |
           static_cast<std::uint32_t>(bytes[2]) << 16 | static_cast<std::uint32_t>(bytes[3]) << 24;
}
}  // namespace facet_dictionary_format

/// A dictionary opened read-only, for turning numbers back into names: its files are mapped into
/// memory, so opening costs a few system calls whatever its size, and a name costs nothing more
/// than the pages it lies on (news-search and news-serve open the index per request).
/// The names a writer appends later are not seen; the documents of the segments opened before
/// the dictionary only use numbers it already had.
class FacetDictionary {
public:
    /// Opens the dictionary in `directory`. Returns nullptr when there is none, or when its files
    /// are unreadable or do not belong together (different tags, bad headers): the documents'
    /// names are read instead. Never throws.
    [[nodiscard]] static std::shared_ptr<const FacetDictionary> open(const std::filesystem::path& directory);

    ~FacetDictionary();
    FacetDictionary(const FacetDictionary&) = delete;
    FacetDictionary& operator=(const FacetDictionary&) = delete;

    /// The dictionary's tag, as slot_facet_ids values give it.
    [[nodiscard]] std::uint32_t tag() const { return m_tag; }

    /// How many facet values it holds: numbers below this have a name.
    [[nodiscard]] std::uint32_t size() const { return m_values.size; }

    /// The facet value numbered `id`, which must be below size(); empty if the files were
    /// damaged there.
    [[nodiscard]] std::string_view name(std::uint32_t id) const { return m_values.name(id); }

    /// How many cluster keys it holds.
    [[nodiscard]] std::uint32_t clusters() const { return m_clusters.size; }

    /// The cluster key numbered `id`, which must be below clusters().
    [[nodiscard]] std::string_view cluster(std::uint32_t id) const { return m_clusters.name(id); }

private:
    // One list, mapped.
    struct Mapped {
        MappedFile names_file;
        MappedFile ends_file;
        const char* names = nullptr;  ///< after the header
        const char* ends = nullptr;   ///< after the header
        std::size_t names_size = 0;   ///< bytes of names
        std::uint32_t size = 0;

        [[nodiscard]] std::string_view name(std::uint32_t id) const {
            using facet_dictionary_format::end_bytes, facet_dictionary_format::read_end;
            const std::uint32_t begin = id == 0 ? 0 : read_end(ends + end_bytes * (id - 1));
            const std::uint32_t end = read_end(ends + end_bytes * id);
            if (end < begin || end > names_size) return {};
            return {names + begin, end - begin};
        }
    };
    FacetDictionary() = default;
    // Maps `list` in `directory`; its tag, or nullopt when it is missing or unreadable.
    std::optional<std::uint32_t> map(const std::filesystem::path& directory, const facet_dictionary_format::List& list,
                                     Mapped& mapped);

    Mapped m_values;
    Mapped m_clusters;
    std::uint32_t m_tag = 0;
};

/// The dictionaries an opened index's documents are numbered by (one per index directory its
/// segments come from), in no order.
using FacetDictionaries = std::vector<std::shared_ptr<const FacetDictionary>>;

}  // namespace newsdex
