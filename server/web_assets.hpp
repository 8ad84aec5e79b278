#pragma once
/// The page's files (server/web/), a fixed list read once at start-up from the data directory.
/// A request names one of them or nothing: no part of a URL ever reaches the file system.

#include <map>
#include <string>
#include <string_view>

namespace newsdex {

/// One file of the page, held in memory.
struct WebAsset {
    std::string content_type;  ///< e.g. "text/html; charset=utf-8"
    std::string body;          ///< the file's bytes
};

/// The page's files by URL path ("/", "/app.js", "/style.css", "/favicon.svg").
class WebAssets {
public:
    /// Reads every listed file from data_path("server/web"). Throws FatalError naming a file
    /// that cannot be read.
    [[nodiscard]] static WebAssets load();

    /// The file served at `url_path`, or nullptr when none is.
    [[nodiscard]] const WebAsset* find(std::string_view url_path) const;

private:
    std::map<std::string, WebAsset, std::less<>> m_files;
};

}  // namespace newsdex
