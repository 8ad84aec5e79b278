#include "indexer/read/stdin_spool.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "common/errors.hpp"

namespace newsdex {
namespace fs = std::filesystem;

StdinSpool::StdinSpool() {
    std::string pattern = (fs::temp_directory_path() / "newsdex-stdin-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw FatalError("cannot make a temporary copy of stdin in " + fs::temp_directory_path().string());
    ::close(fd);
    m_file = pattern;
    std::ofstream out(m_file, std::ios::binary | std::ios::trunc);
    out << std::cin.rdbuf();
    out.flush();
    if (!out) throw FatalError("cannot copy stdin to " + m_file.string() + " (is the disk full?)");
}

StdinSpool::~StdinSpool() {
    std::error_code ignored;
    fs::remove(m_file, ignored);
}

std::vector<InputSource> StdinSpool::redirect(std::vector<InputSource> sources) const {
    for (auto& source : sources) {
        if (source.is_stdin) source.path = m_file;
    }
    return sources;
}

bool reads_stdin(const std::vector<InputSource>& sources) {
    return std::any_of(sources.begin(), sources.end(), [](const InputSource& source) { return source.is_stdin; });
}

}  // namespace newsdex
