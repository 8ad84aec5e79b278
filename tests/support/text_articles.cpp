#include "tests/support/text_articles.hpp"

#include <sstream>
#include <stdexcept>

#include "common/diagnostics.hpp"
#include "indexer/read/text_reader.hpp"

namespace newsdex::test {

Article read_text_file(const std::filesystem::path& path) {
    std::ostringstream discard;
    Diagnostics quiet("test", discard);
    std::optional<Article> article = newsdex::read_text_file(path, quiet);
    if (!article) throw std::runtime_error(path.string() + ": not an article");
    article->id = path.parent_path().filename().string() + "/" + path.stem().string();
    return std::move(*article);
}

}  // namespace newsdex::test
