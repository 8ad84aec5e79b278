#pragma once
/// The built-in extraction data, loaded once for the tests that call the extractor directly.

#include "common/gazetteer.hpp"
#include "indexer/extract/ner/entity_recognizer.hpp"

namespace newsdex::test {

/// The built-in recogniser (indexer/extract/ner/data).
inline const EntityRecognizer& builtin_recognizer() {
    static const EntityRecognizer recognizer = EntityRecognizer::load_builtin();
    return recognizer;
}

/// The built-in gazetteer (common/data/gazetteer).
inline const Gazetteer& builtin_gazetteer() {
    static const Gazetteer gazetteer = Gazetteer::load_builtin();
    return gazetteer;
}

}  // namespace newsdex::test
