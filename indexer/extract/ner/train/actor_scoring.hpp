#pragma once
/// Scoring extracted actors against hand labels, shared by newsdex-actor-score and the quality
/// tests: the document-level rule (each article's set of entities per type; a gold entity is
/// found when an extracted actor of the same type holds all its words or the other way round,
/// and the same rule decides whether an extracted actor is right) and the exact-set rule of the
/// BBC labels (names compared after mapping through the gazetteer).

#include "common/actor.hpp"
#include "common/article.hpp"
#include "common/gazetteer.hpp"
#include "indexer/extract/ner/train/conll_corpus.hpp"

#include <array>
#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace newsdex {

/// The labelled actors of one article, by ActorType (person, org, place).
using LabelledActors = std::array<std::vector<std::string>, 3>;

/// Document-level counts of one type.
struct ActorCounts {
    std::size_t found = 0;           ///< actors extracted
    std::size_t found_right = 0;     ///< extracted actors that match a labelled one
    std::size_t expected = 0;        ///< labelled actors
    std::size_t expected_found = 0;  ///< labelled actors that an extracted one matches

    /// found_right / found (1 when nothing was found).
    [[nodiscard]] double precision() const { return found == 0 ? 1.0 : double(found_right) / double(found); }
    /// expected_found / expected (1 when nothing was expected).
    [[nodiscard]] double recall() const { return expected == 0 ? 1.0 : double(expected_found) / double(expected); }
    /// The harmonic mean of precision and recall.
    [[nodiscard]] double f1() const { return f_score(1.0); }
    /// The F-measure that weighs recall `beta` times as much as precision (0.5: precision counts more).
    [[nodiscard]] double f_score(double beta) const {
        const double p = precision(), r = recall(), b2 = beta * beta;
        return p + r == 0.0 ? 0.0 : (1 + b2) * p * r / (b2 * p + r);
    }
};

/// Counts by ActorType.
using ActorTypeCounts = std::array<ActorCounts, 3>;

/// A CoNLL document as the indexer would read it: its first sentence is the headline, every
/// later sentence a paragraph, the words joined with the spacing of running text.
[[nodiscard]] Article conll_article(const LabelledDocument& document);

/// The distinct person, org and place names a CoNLL document's gold labels hold.
[[nodiscard]] LabelledActors conll_actors(const LabelledDocument& document);

/// Whether a country the article writes only by its nationality (Actor::country_only) is compared.
enum class NationalityPlaces { skip, count };

/// Adds one article's comparison under the document-level rule: a labelled name is found when an
/// extracted actor of its type holds all its words or the other way round. A labelled name also
/// counts under the canonical name the gazetteer gives it ("U.S." is "United States"). A country
/// the article writes only by its nationality is skipped by default: CoNLL-2003 annotates a
/// nationality as MISC, and the indexer does not make it a place actor either (the BBC labels
/// count it). When `errors` is given, every wrong and missed name is written to it, one a line.
void count_document_actors(const LabelledActors& labelled, const std::vector<Actor>& extracted,
                           const Gazetteer& gazetteer, ActorTypeCounts& counts, std::ostream* errors = nullptr,
                           NationalityPlaces nationality = NationalityPlaces::skip);

/// Adds one article's comparison under the exact-set rule of the BBC labels: names compare
/// after mapping through the gazetteer (name or alias, else a known surname) and folding. A
/// country written only by its nationality (Actor::country_only, "British government") counts
/// as a place, as the labelling guide counts it. When `errors` is given, every wrong and missed
/// name is written to it, one a line.
void count_labelled_actors(const LabelledActors& labelled, const std::vector<Actor>& extracted,
                           const Gazetteer& gazetteer, ActorTypeCounts& counts, std::ostream* errors = nullptr);

/// One labelled article of a labels file.
struct LabelledArticle {
    std::string file;        ///< relative to the corpus directory
    LabelledActors actors;   ///< the labelled names by type
};

/// Reads a labels file such as tests/data/actors_bbc_labels.json ({"articles": [{"file",
/// "person", "org", "place"}]}). Throws std::runtime_error on an unreadable or malformed file.
[[nodiscard]] std::vector<LabelledArticle> read_actor_labels(const std::filesystem::path& file);

}  // namespace newsdex
