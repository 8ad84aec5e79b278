#include "searcher/parse/query_limits.hpp"

#include <string>

#include "common/errors.hpp"

namespace newsdex {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

std::size_t query_word_count(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (char c : text) {
        if (is_space(c)) {
            in_word = false;
        } else if (!in_word) {
            in_word = true;
            ++words;
        }
    }
    return words;
}

void check_query_limits(std::string_view text, const SearchOptions& options) {
    if (text.size() > options.max_query_bytes) {
        throw UsageError("the query is " + std::to_string(text.size()) + " bytes long; at most " +
                         std::to_string(options.max_query_bytes) + " are allowed (--max-query-bytes)");
    }
    if (const std::size_t words = query_word_count(text); words > options.max_query_words) {
        throw UsageError("the query has " + std::to_string(words) + " words; at most " +
                         std::to_string(options.max_query_words) + " are allowed (--max-query-words)");
    }
}

}  // namespace newsdex
