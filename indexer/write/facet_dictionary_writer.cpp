#include "indexer/write/facet_dictionary_writer.hpp"

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <optional>
#include <random>
#include <sstream>

#include "common/errors.hpp"
#include "common/schema.hpp"
#include "indexer/write/durable_files.hpp"

namespace newsdex {
namespace fs = std::filesystem;
namespace format = facet_dictionary_format;
namespace {

[[noreturn]] void fail(const std::string& what, const fs::path& path, int cause) {
    throw FatalError("cannot " + what + " the facet dictionary " + path.string() + ": " + std::strerror(cause));
}

// The whole of `file`; nullopt when it is missing.
std::optional<std::string> read_file(const fs::path& file) {
    std::error_code error;
    if (!fs::exists(file, error)) return std::nullopt;
    std::ifstream in(file, std::ios::binary);
    if (!in) fail("read", file, errno);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::size_t hash_of(std::string_view name) { return std::hash<std::string_view>{}(name); }

}  // namespace

std::string_view FacetDictionaryWriter::List::name(std::uint32_t id) const {
    const std::uint32_t begin = id == 0 ? 0 : ends[id - 1];
    return std::string_view(bytes).substr(begin, ends[id] - begin);
}

void FacetDictionaryWriter::List::insert(std::uint32_t id) {
    const std::size_t mask = slots.size() - 1;
    std::size_t i = hash_of(name(id)) & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = id + 1;
}

std::uint32_t FacetDictionaryWriter::List::number(std::string_view key, const fs::path& directory) {
    if ((ends.size() + 1) * 2 > slots.size()) {
        slots.assign(slots.empty() ? 1024 : slots.size() * 2, 0);
        for (std::uint32_t id = 0; id < ends.size(); ++id) insert(id);
    }
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = hash_of(key) & mask;; i = (i + 1) & mask) {
        if (slots[i] == 0) break;
        if (name(slots[i] - 1) == key) return slots[i] - 1;
    }
    if (bytes.size() + key.size() > UINT32_MAX || ends.size() >= UINT32_MAX) {
        throw FatalError("the facet dictionary of " + directory.string() + " is full");
    }
    const auto id = static_cast<std::uint32_t>(ends.size());
    bytes.append(key);
    ends.push_back(static_cast<std::uint32_t>(bytes.size()));
    insert(id);
    return id;
}

void FacetDictionaryWriter::List::clear() {
    bytes.clear();
    ends.clear();
    slots.clear();
    flushed = 0;
}

FacetDictionaryWriter::FacetDictionaryWriter(fs::path directory) : m_directory(std::move(directory)) {
    if (!load(format::values, m_values) || !load(format::clusters, m_clusters)) create();
}

// A new, empty dictionary. Until it has names no document uses it, so a crash while making it
// is harmless: the next run finds its files missing or disagreeing and makes it again.
void FacetDictionaryWriter::create() {
    std::random_device random;
    m_tag = static_cast<std::uint32_t>(random());
    m_values.clear();
    m_clusters.clear();
    for (const format::List* list : {&format::values, &format::clusters}) {
        write_file_durably(m_directory / list->names_file, format::header(list->names_magic, m_tag));
        write_file_durably(m_directory / list->ends_file, format::header(list->ends_magic, m_tag));
    }
}

// Reads one list; false when its files are missing, or do not belong together or with the
// lists read before. Cuts off a torn tail.
bool FacetDictionaryWriter::load(const format::List& files, List& list) {
    const fs::path names_path = m_directory / files.names_file;
    const fs::path ends_path = m_directory / files.ends_file;
    const std::optional<std::string> names = read_file(names_path);
    const std::optional<std::string> ends = read_file(ends_path);
    if (!names || !ends) return false;
    const auto tag = format::tag_of(*names, files.names_magic);
    if (!tag || tag != format::tag_of(*ends, files.ends_magic)) return false;
    if (&list != &m_values && *tag != m_tag) return false;
    m_tag = *tag;
    list.clear();
    list.bytes = names->substr(format::header_bytes);
    const std::size_t count = (ends->size() - format::header_bytes) / format::end_bytes;
    std::uint32_t begin = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint32_t end = format::read_end(ends->data() + format::header_bytes + format::end_bytes * i);
        // A torn tail (or damage): what follows was never used by a listed document.
        if (end < begin || end > list.bytes.size()) break;
        list.ends.push_back(end);
        begin = end;
    }
    list.flushed = list.ends.size();
    if (ends->size() != format::header_bytes + format::end_bytes * list.ends.size()) {
        truncate_file_durably(ends_path, format::header_bytes + format::end_bytes * list.ends.size());
    }
    if (list.bytes.size() != begin) {
        list.bytes.resize(begin);
        truncate_file_durably(names_path, format::header_bytes + begin);
    }
    list.slots.assign(std::max<std::size_t>(1024, std::bit_ceil(list.ends.size() * 2 + 2)), 0);
    for (std::uint32_t id = 0; id < list.ends.size(); ++id) list.insert(id);
    return true;
}

void FacetDictionaryWriter::add_ids(Xapian::Document& document) {
    std::vector<schema::FacetId> ids;
    schema::for_each_facet_value(document, [&](schema::FacetIdKind kind, std::string_view name) {
        ids.push_back({kind, kind == schema::FacetIdKind::cluster ? cluster_id(name) : id(name)});
    });
    document.add_value(schema::slot_facet_ids, schema::pack_facet_ids(m_tag, ids));
}

void FacetDictionaryWriter::flush() {
    for (auto [files, list] : {std::pair{&format::values, &m_values}, std::pair{&format::clusters, &m_clusters}}) {
        if (list->flushed == list->ends.size()) continue;
        const std::uint32_t from = list->flushed == 0 ? 0 : list->ends[list->flushed - 1];
        append_file_durably(m_directory / files->names_file, std::string_view(list->bytes).substr(from));
        std::string ends;
        ends.reserve(format::end_bytes * (list->ends.size() - list->flushed));
        for (std::size_t i = list->flushed; i < list->ends.size(); ++i) {
            for (int b = 0; b < 4; ++b) ends += static_cast<char>((list->ends[i] >> (8 * b)) & 0xff);
        }
        append_file_durably(m_directory / files->ends_file, ends);
        list->flushed = list->ends.size();
    }
}

}  // namespace newsdex
