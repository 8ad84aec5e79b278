#include "indexer/read/input_walker.hpp"

#include <algorithm>
#include <cerrno>
#include <system_error>

#include "common/errors.hpp"

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

// Why a path cannot be read, from the error of a failed stat.
std::string unreadable_reason(const std::error_code& error, bool is_link) {
    if (error.value() == ELOOP) return "symbolic link loop";
    if (is_link && error.value() == ENOENT) return "broken symbolic link";
    if (error.value() == ENOENT) return "no such file or directory";
    return "cannot read: " + error.message();
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
        const bool is_link = entry.is_symlink(error);
        const fs::file_status status = fs::status(path, error);  // follows links
        const std::string name = path.filename().string();
        const bool is_text = ends_with(name, ".txt");
        const bool is_json_lines = is_json_lines_name(path) && !is_manifest_file(path);
        if (error) {
            // Only inputs that would have been read are worth a report: a dangling link named
            // photo.jpg was never going to be indexed.
            if (is_text || is_json_lines) diagnostics.reject({path.string(), 0}, unreadable_reason(error, is_link));
            continue;
        }
        if (fs::is_directory(status)) {
            // Links to directories are not followed (as with grep -r and find): they can form
            // loops and can reach files twice. Saying so keeps a skipped tree from going unnoticed.
            if (is_link) {
                diagnostics.warn({path.string(), 0}, "symbolic link to a directory not followed");
            } else {
                walk_directory(root, path, out, diagnostics);
            }
            continue;
        }
        if (!is_text && !is_json_lines) continue;
        if (!fs::is_regular_file(status)) {
            // A FIFO or device would block or never end.
            diagnostics.reject({path.string(), 0}, "not a regular file");
            continue;
        }
        out.push_back({path, root, is_text ? InputFormat::text : InputFormat::json_lines, false});
    }
}

}  // namespace

std::string InputSource::display_name() const { return is_stdin ? std::string("-") : path.string(); }

std::string InputSource::stored_name() const {
    if (is_stdin) return "-";
    if (!root.empty()) {
        const std::filesystem::path relative = path.lexically_relative(root);
        if (!relative.empty() && !relative.native().starts_with("..")) return relative.generic_string();
    }
    return path.filename().string();
}

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
        const bool is_link = fs::is_symlink(fs::symlink_status(path, error));
        auto status = fs::status(path, error);
        const bool missing = error ? error == std::errc::no_such_file_or_directory : !fs::exists(status);
        if (missing && !is_link) throw UsageError("no such file or directory: " + input);
        if (error || !fs::exists(status)) {
            if (!error) error = std::make_error_code(std::errc::no_such_file_or_directory);
            diagnostics.reject({input, 0}, unreadable_reason(error, is_link));
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
