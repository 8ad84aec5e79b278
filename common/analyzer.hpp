#pragma once
/// One text analyser for both sides: the indexer's TermGenerator and the searcher's QueryParser
/// are configured here, so the terms they produce cannot drift apart.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

namespace newsdex {

/// Within-document frequency given to each headline word, against 1 for a body word: the
/// headline weighs three body mentions in BM25.
inline constexpr Xapian::termcount title_weight = 3;

/// The Xapian stemmer for an ISO 639-1 language code (or a Xapian stemmer name); English for
/// an empty or unknown code, so every article gets stems.
[[nodiscard]] Xapian::Stem stemmer_for(std::string_view lang);

/// True when `lang` names a language stemmer_for() knows (an ISO 639-1 code such as `fr`,
/// with or without a region, `pt-BR`, or a Xapian stemmer name such as `french`).
[[nodiscard]] bool is_known_language(std::string_view lang);

/// The ISO 639-1 codes stemmer_for() knows, comma-separated, for messages.
[[nodiscard]] std::string known_languages();

/// Words are indexed by their stems only, each with its positions (`Z` terms, Xapian's
/// STEM_ALL_Z), and queries, phrases included, match by stem. Indexing every word a second
/// time unstemmed (STEM_SOME) doubled the terms and the cost of writing them.
inline constexpr auto index_stemming = Xapian::TermGenerator::STEM_ALL_Z;
/// The query parser stems every word too, and puts the `Z` on as the prefix of unprefixed
/// words (and before `title:`'s): the terms are the same as STEM_ALL_Z's, but a wildcard
/// (`elect*`) then expands over the `Z` stems the index holds, where under STEM_ALL_Z it
/// expanded over unprefixed terms, of which the index has none.
inline constexpr auto query_stemming = Xapian::QueryParser::STEM_ALL;

/// The text as the TermGenerator indexes it and the QueryParser parses it: its matching_form(),
/// with initialisms written in small letters put in capitals ("u.s." → "U.S.", "e.g." →
/// "E.G."), which Xapian reads as one word ("us"), as it reads "U.S." and "US". Both sides call
/// it, so `u.s.`, `U.S.` and `US` find the same articles.
[[nodiscard]] std::string index_form(std::string_view text);

/// A TermGenerator set up for articles in `lang`: stemmer, index_stemming, positions on.
[[nodiscard]] Xapian::TermGenerator make_term_generator(std::string_view lang = {});

/// The stemmers of one thread, one per language, each remembering the stems it computed:
/// news repeats its words, so most words are stemmed once. Not thread-safe.
class Stemmers {
public:
    /// The stemmer for `lang` (as stemmer_for() picks it), made on first use.
    [[nodiscard]] const Xapian::Stem& get(std::string_view lang);

private:
    std::vector<std::pair<std::string, Xapian::Stem>> m_by_language;
};

/// A QueryParser over `db` that produces the terms make_term_generator() indexes (see
/// query_stemming), with AND as the default operator and the `title:` free-text field.
[[nodiscard]] Xapian::QueryParser make_query_parser(const Xapian::Database& db, std::string_view lang = {});

}  // namespace newsdex
