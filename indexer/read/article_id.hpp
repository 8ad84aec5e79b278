#pragma once
/// Gives every article its stable id.

#include <filesystem>

#include "common/article.hpp"

namespace newsdex {

/// Sets `article.id` when it is empty, taking the first available of: the url; for a text
/// file, its path relative to the INPUT directory `root` it was found under, without the
/// extension (`politics/001`), or the file name without extension when it was named directly
/// (`root` empty); otherwise `h` + a hash of the title and body.
void assign_article_id(Article& article, const std::filesystem::path& file, const std::filesystem::path& root);

}  // namespace newsdex
