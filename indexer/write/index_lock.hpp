#pragma once
/// The single-writer lock of an index directory.

#include <filesystem>

namespace newsdex {

/// Holds an exclusive lock on `DIR/.newsdex-lock` for its lifetime, so that two news-index
/// runs never write one index at once. Readers never take it.
class IndexLock {
public:
    /// Creates `directory` when missing and takes the lock without waiting. Throws FatalError
    /// "index is locked by another writer: DIR" when another process holds it, or naming the
    /// cause when the lock file cannot be made.
    explicit IndexLock(const std::filesystem::path& directory);
    ~IndexLock();
    IndexLock(const IndexLock&) = delete;
    IndexLock& operator=(const IndexLock&) = delete;

private:
    int m_fd = -1;
};

}  // namespace newsdex
