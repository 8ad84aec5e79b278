#include "server/web_assets.hpp"

#include <array>
#include <fstream>
#include <sstream>

#include "common/data_dir.hpp"
#include "common/errors.hpp"

namespace newsdex {
namespace {

struct Listed {
    std::string_view url_path;
    std::string_view file;
    std::string_view content_type;
};

// The whole of what the page is made of; anything else is 404.
constexpr std::array listed{
    Listed{"/", "index.html", "text/html; charset=utf-8"},
    Listed{"/app.js", "app.js", "text/javascript; charset=utf-8"},
    Listed{"/style.css", "style.css", "text/css; charset=utf-8"},
    Listed{"/favicon.svg", "favicon.svg", "image/svg+xml"},
};

}  // namespace

WebAssets WebAssets::load() {
    WebAssets assets;
    const std::filesystem::path folder = data_path("server/web");
    for (const Listed& item : listed) {
        const std::filesystem::path file = folder / item.file;
        std::ifstream in(file, std::ios::binary);
        std::ostringstream text;
        if (!in) throw FatalError("cannot read the page file " + file.string());
        text << in.rdbuf();
        assets.m_files.emplace(std::string(item.url_path), WebAsset{std::string(item.content_type), text.str()});
    }
    return assets;
}

const WebAsset* WebAssets::find(std::string_view url_path) const {
    auto found = m_files.find(url_path);
    return found == m_files.end() ? nullptr : &found->second;
}

}  // namespace newsdex
