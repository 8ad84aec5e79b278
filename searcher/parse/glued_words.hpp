#pragma once
/// Words that lost the punctuation inside them ("must-have" pasted as "musthave", "19-13" as
/// "1913", "don't" as "dont"), found again in the form the index holds them.

#include <optional>
#include <string>

#include <xapian.h>

namespace newsdex {

/// The query for `word` (lower-case, as a user typed it) when the index holds no stem of it but
/// holds it with punctuation put back: a number with a point or comma ("775" → "7.75",
/// "26500" → "26,500", the most frequent form held); the phrase of two words it splits into,
/// each indexed ("musthave" → "must have", "euniversity" → "e university", "1913" → "19 13"),
/// weighted as one word (scaled by 1/2); or the word with an apostrophe ("dont" → "don't").
/// Splits are tried best first (the rarer half most frequent) and kept only when the phrase
/// occurs. std::nullopt when nothing fits, or when the word is shorter than 3 characters.
/// `stemmer` is the query's.
[[nodiscard]] std::optional<Xapian::Query> unglue(const Xapian::Database& db, const Xapian::Stem& stemmer,
                                                   const std::string& word);

}  // namespace newsdex
