#pragma once
/// The "clean text" stage of the indexer: one call turns a read article into the text the index
/// stores, and says what was removed and why.

#include "indexer/clean/boilerplate_rules.hpp"
#include "indexer/removal.hpp"

#include <vector>

namespace newsdex {

struct Article;
class SourceBoilerplate;

/// Cleans articles. Immutable after construction: clean() is const and several worker threads
/// may share one Cleaner.
class Cleaner {
public:
    /// Makes a cleaner applying `rules` and, when `learned` is not null, the boilerplate learned
    /// in a pre-scan of the corpus. `learned` must outlive the cleaner, and observation must be
    /// over before clean() is called.
    explicit Cleaner(BoilerplateRules rules, const SourceBoilerplate* learned = nullptr);

    /// Cleans `article` in place and returns every removed piece of text in article order (a
    /// site name cut from the headline first). Steps, in order:
    ///  1. normalise the title and the paragraphs to stored form (prepare_paragraphs: line
    ///     structure split, entities decoded, NFC, white space collapsed; empty ones vanish);
    ///  2. "Source:" lines (reason source-line; they set an empty source);
    ///  3. a site name after the headline (reason title; it sets an empty source);
    ///  4. the headline repeated among the first paragraphs (reason title);
    ///  5. boilerplate rules: furniture (boilerplate) and the related-content tail (tail);
    ///  6. learned boilerplate of the article's source (boilerplate, "recurs in N articles of S");
    ///  7. exact and near repeats of earlier paragraphs (repeated).
    /// The article keeps its paragraphs in stored form. Never fails; thread-safe.
    std::vector<Removal> clean(Article& article) const;

    /// Returns the rules this cleaner applies.
    [[nodiscard]] const BoilerplateRules& rules() const noexcept { return m_rules; }

private:
    BoilerplateRules m_rules;            ///< built-in plus user rules
    const SourceBoilerplate* m_learned;  ///< learned in the pre-scan; may be null
};

}  // namespace newsdex
