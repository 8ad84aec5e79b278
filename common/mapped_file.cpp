#include "common/mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utility>

namespace newsdex {

MappedFile MappedFile::open(const std::filesystem::path& file, std::size_t least_bytes) {
    MappedFile mapped;
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return mapped;
    struct stat status {};
    if (::fstat(fd, &status) == 0 && status.st_size > 0 && static_cast<std::size_t>(status.st_size) >= least_bytes) {
        const auto length = static_cast<std::size_t>(status.st_size);
        void* address = ::mmap(nullptr, length, PROT_READ, MAP_SHARED, fd, 0);
        if (address != MAP_FAILED) {
            mapped.m_address = address;
            mapped.m_length = length;
        }
    }
    ::close(fd);
    return mapped;
}

MappedFile::~MappedFile() {
    if (m_address) ::munmap(m_address, m_length);
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : m_address(std::exchange(other.m_address, nullptr)), m_length(std::exchange(other.m_length, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
    if (this != &other) {
        if (m_address) ::munmap(m_address, m_length);
        m_address = std::exchange(other.m_address, nullptr);
        m_length = std::exchange(other.m_length, 0);
    }
    return *this;
}

}  // namespace newsdex
