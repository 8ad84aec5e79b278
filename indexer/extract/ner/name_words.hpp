#pragma once
/// The words of a name as the gazetteer compares them.

#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

/// The words of Gazetteer::fold_key(name): case folded, accents, periods and hyphens gone
/// ("Guinea-Bissau" -> {"guinea", "bissau"}). Empty for a name without letters or digits.
[[nodiscard]] std::vector<std::string> name_words(std::string_view name);

}  // namespace newsdex
