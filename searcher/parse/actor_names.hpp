#pragma once
/// Query-side name resolution for actors: any alias, spelling variant or partial name finds
/// the canonical actor terms the indexer wrote.

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/gazetteer.hpp"

namespace newsdex {

/// The words of a folded name (see schema::fold_key()), split at its spaces.
[[nodiscard]] std::vector<std::string> name_words(std::string_view folded);

/// Resolves names typed by a user to actor terms of one index.
class ActorNames {
public:
    /// `db` and `gazetteer` must outlive this object.
    ActorNames(const Xapian::Database& db, const Gazetteer& gazetteer);

    /// The terms (under `prefix`: XP, XO, XL or XA) that `name` denotes, tried in order: a
    /// gazetteer name, alias or demonym; an actor of that exact name in the index; actors of
    /// the index whose name contains the words of `name` in order ("Lavrov" → "Sergei
    /// Lavrov"). Never empty: when nothing resolves, the literal term (which matches nothing).
    [[nodiscard]] std::vector<std::string> terms_for(std::string_view name, std::string_view prefix) const;

    /// The filter query for `name`: the OR of terms_for().
    [[nodiscard]] Xapian::Query query_for(std::string_view name, std::string_view prefix) const;

private:
    const Xapian::Database& m_db;
    const Gazetteer& m_gazetteer;
};

}  // namespace newsdex
