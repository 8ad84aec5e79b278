#pragma once
/// The actor co-occurrence graph as a file a network tool opens: GEXF 1.3 (Gephi's own format)
/// or GraphML.

#include <ostream>
#include <string>

#include "searcher/export/cooccurrence.hpp"

namespace newsdex {

/// The graph file formats.
enum class GraphFormat { gexf, graphml };

/// Writes `graph` as an undirected GEXF 1.3 document: nodes `n0`, `n1`… with `label`, and
/// attributes `type` (person, org, place) and `articles`; edges with `weight` (and the same
/// count as attribute `articles`). `description` goes into the file's metadata.
void write_gexf(const ActorGraph& graph, const std::string& description, std::ostream& out);

/// Writes `graph` as an undirected GraphML document with the same nodes, keys `label`,
/// `type`, `articles` on nodes and `weight` on edges, and `description` as the graph's `desc`.
void write_graphml(const ActorGraph& graph, const std::string& description, std::ostream& out);

}  // namespace newsdex
