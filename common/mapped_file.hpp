#pragma once
/// A file mapped read-only into memory: opening costs a few system calls whatever its size, and
/// reading it costs the pages touched. For the index's own side files (facet dictionary, facet
/// columns), which news-search and news-serve open per request.

#include <cstddef>
#include <filesystem>
#include <string_view>

namespace newsdex {

class MappedFile {
public:
    /// Nothing mapped.
    MappedFile() = default;

    /// Maps `file`; nothing when it is missing, unreadable or shorter than `least_bytes`. Never throws.
    [[nodiscard]] static MappedFile open(const std::filesystem::path& file, std::size_t least_bytes = 0);

    ~MappedFile();
    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&& other) noexcept;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    /// The file's bytes; empty when nothing is mapped.
    [[nodiscard]] std::string_view bytes() const { return {static_cast<const char*>(m_address), m_length}; }

    [[nodiscard]] explicit operator bool() const { return m_address != nullptr; }

private:
    void* m_address = nullptr;
    std::size_t m_length = 0;
};

}  // namespace newsdex
