#pragma once
/// The passage of a filter-only search (person:, place:, --actor ...): where the article names
/// the actor, by any of the forms it uses.

#include <string>
#include <vector>

#include <xapian.h>

#include "common/schema.hpp"

namespace newsdex {

/// The folded names of the actors `query` filters on (its person:, org:, place:, actor: and
/// --actor terms), leaving out those under NOT, in the order met.
[[nodiscard]] std::vector<std::string> filtered_actors(const Xapian::Query& query);

/// A query whose words are the names `article` gives the actors of `actors` (folded names, as
/// filtered_actors() returns them): each one's canonical name and the other forms the article
/// uses ("Lavrov", "Mr Leslie") and, for a person, the last word of each ("Leslie"), each as a
/// phrase of its stems, for QueryWords to light them in a snippet. An empty query when the
/// article has none of those actors.
[[nodiscard]] Xapian::Query actor_mentions_query(const schema::StoredArticle& article,
                                                 const std::vector<std::string>& actors);

}  // namespace newsdex
