#pragma once
/// Joins strings with a separator.

#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

/// `items` joined with `separator` between them; empty items add nothing before the first
/// non-empty one ("a b" from {"", "a", "b"}).
[[nodiscard]] inline std::string join(const std::vector<std::string>& items, std::string_view separator = " ") {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

}  // namespace newsdex
