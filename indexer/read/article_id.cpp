#include "indexer/read/article_id.hpp"

#include "common/stable_hash.hpp"

namespace newsdex {

void assign_article_id(Article& article, const std::filesystem::path& file, const std::filesystem::path& root) {
    if (!article.id.empty()) return;
    if (!article.url.empty()) {
        article.id = article.url;
        return;
    }
    if (!file.empty()) {
        std::filesystem::path relative = root.empty() ? file.filename() : file.lexically_relative(root);
        if (relative.empty() || relative.native().starts_with("..")) relative = file.filename();
        article.id = relative.replace_extension().generic_string();
        return;
    }
    std::string content = article.title;
    for (const auto& paragraph : article.paragraphs) {
        content += '\n';
        content += paragraph;
    }
    article.id = "h" + stable_hash_hex128(content);
}

}  // namespace newsdex
