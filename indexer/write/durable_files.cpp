#include "indexer/write/durable_files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "common/errors.hpp"

namespace newsdex {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void fail(const std::string& what, const fs::path& path, int cause) {
    throw FatalError("cannot " + what + " " + path.string() + ": " + std::strerror(cause));
}

void sync_path(const fs::path& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) fail("open", path, errno);
    const bool synced = ::fsync(fd) == 0;
    const int cause = errno;
    ::close(fd);
    if (!synced) fail("sync", path, cause);
}

// Writes all of `content` to `fd` (opened on `path`) and flushes it to the disk; closes `fd`.
void write_and_sync(int fd, const fs::path& path, std::string_view content) {
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int cause = errno;
            ::close(fd);
            fail("write", path, cause);
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        const int cause = errno;
        ::close(fd);
        fail("sync", path, cause);
    }
    ::close(fd);
}

}  // namespace

void sync_directory(const fs::path& directory) { sync_path(directory, O_RDONLY | O_DIRECTORY); }

void write_file_durably(const fs::path& file, std::string_view content) {
    const fs::path temporary = file.string() + ".tmp";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) fail("create", temporary, errno);
    write_and_sync(fd, temporary, content);
    if (::rename(temporary.c_str(), file.c_str()) != 0) fail("rename into place", file, errno);
    sync_directory(file.parent_path().empty() ? fs::path(".") : file.parent_path());
}

void append_file_durably(const fs::path& file, std::string_view content) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
    if (fd < 0) fail("open", file, errno);
    write_and_sync(fd, file, content);
}

void truncate_file_durably(const fs::path& file, std::size_t length) {
    if (::truncate(file.c_str(), static_cast<off_t>(length)) != 0) fail("truncate", file, errno);
    sync_path(file, O_WRONLY);
}

void sync_tree(const fs::path& directory) {
    for (const auto& entry : fs::recursive_directory_iterator(directory)) {
        if (entry.is_regular_file()) sync_path(entry.path(), O_RDONLY);
    }
    sync_directory(directory);
}

void remove_file_durably(const fs::path& file) {
    std::error_code error;
    if (!fs::remove(file, error)) {
        if (error) throw FatalError("cannot remove " + file.string() + ": " + error.message());
        return;
    }
    sync_directory(file.parent_path());
}

}  // namespace newsdex
