#pragma once
/// The built-in extraction data, loaded once for the tests that call the extractor directly.

#include "indexer/extract/actor_word_lists.hpp"

namespace newsdex::test {

/// The built-in actor word lists (indexer/extract/*.txt).
inline const ActorWordLists& builtin_word_lists() {
    static const ActorWordLists lists = ActorWordLists::load_builtin();
    return lists;
}

}  // namespace newsdex::test
