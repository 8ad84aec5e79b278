#pragma once
/// The documents of one database that a query matches, walked from its posting lists without
/// Xapian's matcher, for the queries whose matches do not depend on weights: terms, every
/// document, and AND, OR, AND_NOT, FILTER, AND_MAYBE, SYNONYM, MAX and SCALE_WEIGHT of such
/// queries. The facets' counting pass needs only which documents match, and a posting list
/// walked this way costs a third of what the matcher spends on each match.

#include <memory>
#include <optional>
#include <utility>

#include <xapian.h>

namespace newsdex {

class MatchWalker {
public:
    /// A walker of `query` over `db`; nullptr when the query holds anything else (a phrase, NEAR,
    /// a value range, a wildcard, a posting source...), whose matches only the matcher knows.
    [[nodiscard]] static std::unique_ptr<MatchWalker> make(const Xapian::Database& db, const Xapian::Query& query);

    /// Past the last document.
    static constexpr Xapian::docid end = static_cast<Xapian::docid>(-1);

    virtual ~MatchWalker() = default;

    /// The first match at or after `docid` (which never goes down from one call to the next), or
    /// `end`.
    virtual Xapian::docid at_least(Xapian::docid docid) = 0;

    /// The share of the database's documents it is expected to match, from the terms' frequencies
    /// (parts taken as independent, as Xapian's own estimates do): what decides whether the
    /// facets count the matches or take the others away from the totals.
    [[nodiscard]] virtual double fraction() const = 0;

    /// Whether it matches every document of the database (Query::MatchAll).
    [[nodiscard]] virtual bool matches_everything() const { return false; }

    /// Calls `visit(docid)` for every match, in docid order, once: the walker is used up.
    template <class Visit>
    void for_each(Visit&& visit) {
        // One posting list is read straight through: a third cheaper than at_least() a match.
        if (auto postings = single_posting_list()) {
            for (auto& [it, last] = *postings; it != last; ++it) visit(*it);
            return;
        }
        for (Xapian::docid docid = at_least(1); docid != end; docid = at_least(docid + 1)) visit(docid);
    }

protected:
    using Postings = std::pair<Xapian::PostingIterator, Xapian::PostingIterator>;

    /// The walker's posting list from where it stands to its end, when it walks only one.
    [[nodiscard]] virtual std::optional<Postings> single_posting_list() { return std::nullopt; }
};

}  // namespace newsdex
