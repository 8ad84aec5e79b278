// Fuzz targets for the input readers: plain text files and JSON Lines streams.
#include <sstream>
#include <string>
#include <string_view>

#include "common/utf8.hpp"
#include "fuzz/fuzz_targets.hpp"
#include "indexer/read/jsonl_reader.hpp"
#include "indexer/read/text_reader.hpp"

namespace newsdex::fuzz {
namespace {

// Every text field a reader fills must be valid UTF-8 whatever the input bytes were.
void require_valid_text(const Article& article) {
    require(is_valid_utf8(article.title), "title is valid UTF-8");
    for (const auto& paragraph : article.paragraphs) require(is_valid_utf8(paragraph), "paragraph is valid UTF-8");
    for (const std::string* field : {&article.id, &article.source, &article.author, &article.url, &article.lang,
                                     &article.date_text}) {
        require(is_valid_utf8(*field), "metadata field is valid UTF-8");
    }
}

}  // namespace

int text_reader(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    std::ostream discard(nullptr);
    Diagnostics diagnostics("fuzz", discard);
    // Small limits so that the limit paths are reached by small inputs.
    const ReaderLimits limits{1 << 16, 64};
    auto article = read_text_article(bytes, {"fuzz.txt", 0}, diagnostics, limits);
    require(article.has_value() != (diagnostics.rejected() == 1), "a text file is either read or rejected once");
    if (article) {
        require(!article->title.empty(), "a read article has a headline");
        require(article->paragraphs.size() <= limits.max_paragraphs, "paragraphs within --max-paragraphs");
        require_valid_text(*article);
    }
    return 0;
}

int jsonl_reader(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    std::ostream discard(nullptr);
    Diagnostics diagnostics("fuzz", discard);
    {
        std::istringstream in(bytes);
        const ReaderLimits limits{4096, 32};
        JsonlReader reader(in, "fuzz.jsonl", diagnostics, limits);
        std::size_t articles = 0;
        while (auto article = reader.next()) {
            require(article->paragraphs.size() <= limits.max_paragraphs, "paragraphs within --max-paragraphs");
            require(article->origin.line > 0, "a record names its line");
            require_valid_text(*article);
            require(++articles <= size, "no more records than bytes");
        }
        require(reader.bytes_read() <= size, "bytes read within the input");
    }
    {
        // The bounded line reader consumes every byte exactly once and never keeps more than
        // its bound, whatever the bound.
        std::istringstream in(bytes);
        const std::size_t bound = size == 0 ? 1 : 1 + data[0] % 64;
        std::string line;
        bool truncated = false;
        std::size_t consumed = 0;
        while (std::size_t n = read_bounded_line(in, line, bound, truncated)) {
            require(line.size() <= bound, "a bounded line stays within its bound");
            if (truncated) {
                require(line.size() == bound && n > bound, "a truncated line keeps exactly its bound");
            } else {
                require(n == line.size() || n == line.size() + 1, "a whole line is all that was consumed");
            }
            consumed += n;
        }
        require(consumed == size, "every byte consumed once");
    }
    return 0;
}

}  // namespace newsdex::fuzz
