#pragma once
/// Turns a processed article into a Xapian document, using only common/schema.

#include <xapian.h>

#include "common/analyzer.hpp"
#include "indexer/processed_article.hpp"

namespace newsdex {

/// Builds the document: the stems of headline and body words (index_form(), with positions; the headline
/// weighted by `title_weight` and also under the `title:` prefix), boolean terms for id,
/// source, month, year, actors, content hash and LSH bands, the value slots, and the stored
/// data (with the forms each actor is named by). `generator` and `stemmers` are reused between calls (one of each per thread). The cluster key is left to the
/// writer, which knows it.
[[nodiscard]] Xapian::Document build_document(const ProcessedArticle& processed, Xapian::TermGenerator& generator,
                                               Stemmers& stemmers);

}  // namespace newsdex
