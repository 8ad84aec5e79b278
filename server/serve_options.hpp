#pragma once
/// Every news-serve setting as a named field.

#include <cstddef>
#include <filesystem>
#include <string>

namespace newsdex {

/// What one news-serve run should do, filled from the command line by server/main.
struct ServeOptions {
    std::filesystem::path db;        ///< index directory (or stub file), opened read-only
    std::string host = "127.0.0.1";  ///< address to bind: local only unless told otherwise
    int port = 8080;                 ///< TCP port; 0 picks a free one (printed on stderr)
    std::size_t threads = 16;        ///< worker threads, each serving one connection at a time
};

}  // namespace newsdex
