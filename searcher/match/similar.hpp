#pragma once
/// More like this: a query for the articles most like a given one, by relevance feedback.

#include <cstddef>
#include <optional>
#include <string>

#include <xapian.h>

namespace newsdex {

/// Terms taken from the article for a --similar query.
inline constexpr Xapian::termcount similar_terms = 40;

/// The query for articles like the article `id` (or the article an exact copy with that id
/// was folded into): the OR of its `terms` most informative stemmed words (Xapian's expand
/// set, Bo1 scheme, over a relevance set of that one document; words no other article has
/// and bare numbers are skipped), excluding the article itself and the members of its
/// near-duplicate cluster.
/// std::nullopt when there is no such article.
[[nodiscard]] std::optional<Xapian::Query> similar_query(const Xapian::Database& db, const std::string& id,
                                                         Xapian::termcount terms = similar_terms);

}  // namespace newsdex
