#pragma once
/// Reads GNU gettext message catalogs (.mo files): iso-codes and libgeonames ship their
/// translations, and so their English and local names, in this form.

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace newsdex {

/// Every (original, translation) pair of a .mo file, in file order, the header entry (empty
/// original) left out. Throws std::runtime_error naming the file when it is missing or not a .mo
/// file.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> read_mo_catalog(const std::filesystem::path& file);

}  // namespace newsdex
