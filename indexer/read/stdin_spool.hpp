#pragma once
/// A copy of standard input in a temporary file, so that it can be read twice like any other
/// input (the first pass learns boilerplate and finds each id's last record).

#include <filesystem>
#include <vector>

#include "indexer/read/input_walker.hpp"

namespace newsdex {

/// Copies stdin to a temporary file on construction and removes it on destruction.
class StdinSpool {
public:
    /// Copies all of stdin into a new file under the system's temporary directory ($TMPDIR).
    /// Throws FatalError when the copy cannot be made (a full disk).
    StdinSpool();
    ~StdinSpool();
    StdinSpool(const StdinSpool&) = delete;
    StdinSpool& operator=(const StdinSpool&) = delete;

    /// `sources` with every stdin source reading from the copy (still named "-").
    [[nodiscard]] std::vector<InputSource> redirect(std::vector<InputSource> sources) const;

private:
    std::filesystem::path m_file;
};

/// True when some source is stdin.
[[nodiscard]] bool reads_stdin(const std::vector<InputSource>& sources);

}  // namespace newsdex
