#pragma once
/// Who appears with whom: the co-occurrence graph of the actors of every match.

#include <cstddef>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/actor.hpp"

namespace newsdex {

/// An actor in the graph.
struct ActorNode {
    ActorType type = ActorType::person;  ///< person, org or place
    std::string name;          ///< canonical name
    std::size_t articles = 0;  ///< matching articles (stories) that mention it
};

/// Two actors mentioned together.
struct ActorEdge {
    std::size_t source = 0;  ///< index into ActorGraph::nodes (the smaller one)
    std::size_t target = 0;  ///< index into ActorGraph::nodes
    std::size_t weight = 0;  ///< matching articles (stories) that mention both
};

/// The graph: nodes most mentioned first (ties by type, then name), edges heaviest first
/// (ties by their nodes' order).
struct ActorGraph {
    std::vector<ActorNode> nodes;  ///< the actors with at least one kept edge
    std::vector<ActorEdge> edges;  ///< the kept edges
    std::size_t counted = 0;  ///< matching articles (stories) read
    bool stories = true;      ///< counts are stories (near copies once), not articles
};

/// Counts the actors of every document matching `query` and of each pair of them. With
/// `stories`, a near-duplicate cluster counts once, through its first match in index order,
/// as the facets count. An actor is one name of one type (Georgia the place and Georgia the
/// person are two nodes). Edges of weight below `min_weight` are left out, and so are actors
/// left without an edge. Throws what Xapian throws when the index cannot be read.
[[nodiscard]] ActorGraph count_cooccurrence(const Xapian::Database& db, const Xapian::Query& query, bool stories,
                                            std::size_t min_weight);

}  // namespace newsdex
