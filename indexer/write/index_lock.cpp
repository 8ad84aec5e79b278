#include "indexer/write/index_lock.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/errors.hpp"

namespace newsdex {

IndexLock::IndexLock(const std::filesystem::path& directory) {
    std::error_code error;
    std::filesystem::create_directories(directory, error);
    if (error) throw FatalError("cannot create index directory " + directory.string() + ": " + error.message());
    const std::string path = (directory / ".newsdex-lock").string();
    m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd < 0) throw FatalError("cannot open " + path + ": " + std::strerror(errno));
    // An open-file-description lock: released when this process ends, however it ends.
    struct flock lock {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    if (::fcntl(m_fd, F_OFD_SETLK, &lock) != 0) {
        int cause = errno;
        ::close(m_fd);
        if (cause == EAGAIN || cause == EACCES) throw FatalError("index is locked by another writer: " + directory.string());
        throw FatalError("cannot lock " + path + ": " + std::strerror(cause));
    }
}

IndexLock::~IndexLock() {
    if (m_fd >= 0) ::close(m_fd);
}

}  // namespace newsdex
