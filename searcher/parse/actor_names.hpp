#pragma once
/// Query-side name resolution for actors: any alias, spelling variant or partial name finds
/// the canonical actor terms the indexer wrote.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/gazetteer.hpp"
#include "common/geography.hpp"

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

    /// The country term (`prefix` schema::country_prefix) or region term (region_prefix) that
    /// `name` denotes: a country or former state by any name, alias or adjective ("USSR",
    /// "Japanese"), a region by any name or abbreviation ("Ore."), as the built-in geography
    /// and gazetteer know them; else the literal term. Loads the geography on first use (about
    /// half a millisecond); throws std::runtime_error when it cannot be loaded.
    [[nodiscard]] std::string rollup_term(std::string_view name, std::string_view prefix) const;

private:
    const Xapian::Database& m_db;
    const Gazetteer& m_gazetteer;
    mutable std::optional<Geography> m_geography;  ///< loaded when a country or region is first asked for
};

}  // namespace newsdex
