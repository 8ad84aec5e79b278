#pragma once
/// The built-in extraction data, loaded once for the tests that call the extractor directly.

#include "indexer/extract/ner/entity_recognizer.hpp"
#include "tests/support/builtin_data.hpp"  // builtin_gazetteer()

namespace newsdex::test {

/// The built-in recogniser (indexer/extract/ner/data).
inline const EntityRecognizer& builtin_recognizer() {
    static const EntityRecognizer recognizer = EntityRecognizer::load_builtin();
    return recognizer;
}

}  // namespace newsdex::test
