#pragma once
/// An RAII temporary directory for throwaway indexes and inputs.

#include <filesystem>
#include <string>

namespace newsdex::test {

/// Creates a fresh directory under the system temp dir; removes it and its contents on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    /// The directory.
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

    /// `path() / name`.
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

    /// Writes `content` to `path() / name` (creating parent directories) and returns the path.
    std::filesystem::path write(const std::string& name, const std::string& content) const;

private:
    std::filesystem::path m_path;
};

}  // namespace newsdex::test
