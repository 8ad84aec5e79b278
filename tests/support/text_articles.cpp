#include "tests/support/text_articles.hpp"

#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

#include "common/diagnostics.hpp"
#include "indexer/read/text_reader.hpp"

namespace newsdex::test {

Article read_text_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    std::ostringstream discard;
    Diagnostics quiet("test", discard);
    std::optional<Article> article = read_text_article(bytes, {path.string(), 0}, quiet);
    if (!article) throw std::runtime_error(path.string() + ": not an article");
    article->id = path.parent_path().filename().string() + "/" + path.stem().string();
    return std::move(*article);
}

}  // namespace newsdex::test
