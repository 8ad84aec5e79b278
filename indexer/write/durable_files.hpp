#pragma once
/// Writing files so that a crash or a power cut leaves either the old or the new version:
/// written aside, flushed to the disk (fsync), renamed into place, and the rename flushed too.

#include <cstddef>
#include <filesystem>
#include <string_view>

namespace newsdex {

/// Replaces `file` with `content` atomically and durably. Throws FatalError naming the file.
void write_file_durably(const std::filesystem::path& file, std::string_view content);

/// Appends `content` to `file`, which must exist, and flushes it to the disk (no rename: for
/// append-only files whose readers ignore a torn tail). Throws FatalError naming the file.
void append_file_durably(const std::filesystem::path& file, std::string_view content);

/// Cuts `file` to its first `length` bytes and flushes it to the disk. Throws FatalError naming
/// the file.
void truncate_file_durably(const std::filesystem::path& file, std::size_t length);

/// Flushes a directory's entries (renames, creations, removals in it) to the disk.
/// Throws FatalError naming the directory.
void sync_directory(const std::filesystem::path& directory);

/// Flushes every file under `directory`, and the directory itself, to the disk: for a database
/// written without syncing, before it is listed. Throws FatalError naming the failing path.
void sync_tree(const std::filesystem::path& directory);

/// Removes `file` (if present) and flushes the removal. Throws FatalError naming the file.
void remove_file_durably(const std::filesystem::path& file);

}  // namespace newsdex
