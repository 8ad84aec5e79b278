#include "common/facet_dictionary.hpp"

#include <algorithm>

namespace newsdex {
namespace format = facet_dictionary_format;

std::string facet_dictionary_format::header(std::string_view magic, std::uint32_t tag) {
    std::string bytes(magic);
    append_le(bytes, tag, 4);
    bytes.append(header_bytes - bytes.size(), '\0');
    return bytes;
}

std::optional<std::uint32_t> facet_dictionary_format::tag_of(std::string_view bytes, std::string_view magic) {
    if (bytes.size() < header_bytes || !bytes.starts_with(magic)) return std::nullopt;
    return read_end(bytes.data() + magic.size());
}


std::optional<std::uint32_t> FacetDictionary::map(const std::filesystem::path& directory, const format::List& list,
                                                  Mapped& mapped) {
    mapped.names_file = MappedFile::open(directory / list.names_file, format::header_bytes);
    mapped.ends_file = MappedFile::open(directory / list.ends_file, format::header_bytes);
    if (!mapped.names_file || !mapped.ends_file) return std::nullopt;
    const std::string_view names = mapped.names_file.bytes();
    const std::string_view ends = mapped.ends_file.bytes();
    const auto names_tag = format::tag_of(names, list.names_magic);
    if (!names_tag || names_tag != format::tag_of(ends, list.ends_magic)) return std::nullopt;
    mapped.names = names.data() + format::header_bytes;
    mapped.names_size = names.size() - format::header_bytes;
    mapped.ends = ends.data() + format::header_bytes;
    // A name whose end is written has its bytes written before it (see FacetDictionaryWriter);
    // a torn last end, or ends past the names (a damaged file), are left out.
    std::size_t size = (ends.size() - format::header_bytes) / format::end_bytes;
    while (size > 0 && format::read_end(mapped.ends + format::end_bytes * (size - 1)) > mapped.names_size) --size;
    mapped.size = static_cast<std::uint32_t>(std::min<std::size_t>(size, UINT32_MAX));
    return names_tag;
}

std::shared_ptr<const FacetDictionary> FacetDictionary::open(const std::filesystem::path& directory) {
    std::shared_ptr<FacetDictionary> dictionary(new FacetDictionary());
    const auto values_tag = dictionary->map(directory, format::values, dictionary->m_values);
    const auto clusters_tag = dictionary->map(directory, format::clusters, dictionary->m_clusters);
    if (!values_tag || values_tag != clusters_tag) return nullptr;
    dictionary->m_tag = *values_tag;
    return dictionary;
}

FacetDictionary::~FacetDictionary() = default;

}  // namespace newsdex
