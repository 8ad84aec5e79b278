#include "indexer/input_walker.hpp"

#include <algorithm>
#include <system_error>

namespace newsdex {
namespace fs = std::filesystem;
namespace {

bool ends_with(const std::string& text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_json_lines_name(const fs::path& path) {
    std::string name = path.filename().string();
    return ends_with(name, ".jsonl") || ends_with(name, ".ndjson");
}

void walk_directory(const fs::path& root, const fs::path& dir, std::vector<InputSource>& out,
                    Diagnostics& diagnostics) {
    std::error_code error;
    fs::directory_iterator it(dir, error);
    if (error) {
        diagnostics.reject({dir.string(), 0}, "cannot read directory: " + error.message());
        return;
    }
    std::vector<fs::directory_entry> entries;
    for (; it != fs::directory_iterator(); it.increment(error)) {
        if (error) break;
        entries.push_back(*it);
    }
    if (error) diagnostics.reject({dir.string(), 0}, "cannot read directory: " + error.message());
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });

    for (const auto& entry : entries) {
        const fs::path& path = entry.path();
        // Symbolic links to directories are not followed: they can form loops.
        if (entry.is_symlink(error) && entry.is_directory(error)) continue;
        if (entry.is_directory(error)) {
            walk_directory(root, path, out, diagnostics);
            continue;
        }
        if (is_manifest_file(path)) continue;
        std::string name = path.filename().string();
        if (ends_with(name, ".txt")) {
            out.push_back({path, root, InputFormat::text, false});
        } else if (is_json_lines_name(path)) {
            out.push_back({path, root, InputFormat::json_lines, false});
        }
    }
}

}  // namespace

std::string InputSource::display_name() const { return is_stdin ? std::string("-") : path.string(); }

bool is_manifest_file(const fs::path& path) { return ends_with(path.filename().string(), ".meta.jsonl"); }

std::vector<InputSource> expand_inputs(const std::vector<std::string>& inputs, Diagnostics& diagnostics) {
    std::vector<InputSource> sources;
    for (const auto& input : inputs) {
        if (input == "-") {
            sources.push_back({{}, {}, InputFormat::json_lines, true});
            continue;
        }
        fs::path path(input);
        std::error_code error;
        auto status = fs::status(path, error);
        if (error || !fs::exists(status)) {
            diagnostics.reject({input, 0}, "no such file or directory");
            continue;
        }
        if (fs::is_directory(status)) {
            walk_directory(path, path, sources, diagnostics);
        } else {
            sources.push_back({path, {}, is_json_lines_name(path) ? InputFormat::json_lines : InputFormat::text, false});
        }
    }
    return sources;
}

}  // namespace newsdex
