#pragma once
/// One text analyser for both sides: the indexer's TermGenerator and the searcher's QueryParser
/// are configured here, so the terms they produce cannot drift apart.

#include <string>
#include <string_view>

#include <xapian.h>

namespace newsdex {

/// Within-document frequency given to each headline word, against 1 for a body word: the
/// headline weighs three body mentions in BM25.
inline constexpr Xapian::termcount title_weight = 3;

/// The Xapian stemmer for an ISO 639-1 language code (or a Xapian stemmer name); English for
/// an empty or unknown code, so every article gets stems.
[[nodiscard]] Xapian::Stem stemmer_for(std::string_view lang);

/// A TermGenerator set up for articles in `lang`: stemmer, STEM_SOME, positions on.
[[nodiscard]] Xapian::TermGenerator make_term_generator(std::string_view lang = {});

/// A QueryParser over `db` with the same stemmer and strategy as make_term_generator(),
/// AND as the default operator, and the `title:` free-text field.
[[nodiscard]] Xapian::QueryParser make_query_parser(const Xapian::Database& db, std::string_view lang = {});

}  // namespace newsdex
