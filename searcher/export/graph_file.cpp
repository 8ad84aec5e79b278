#include "searcher/export/graph_file.hpp"

#include "searcher/render/xml_text.hpp"

namespace newsdex {
namespace {

std::string node_id(std::size_t index) { return "n" + std::to_string(index); }

}  // namespace

void write_gexf(const ActorGraph& graph, const std::string& description, std::ostream& out) {
    out << R"(<?xml version="1.0" encoding="UTF-8"?>)" << '\n'
        << R"(<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" )"
        << R"(xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">)" << '\n'
        << "  <meta>\n    <creator>newsdex news-search</creator>\n    <description>" << xml_text(description)
        << "</description>\n  </meta>\n"
        << R"(  <graph defaultedgetype="undirected" mode="static">)" << '\n'
        << R"(    <attributes class="node">)" << '\n'
        << R"(      <attribute id="type" title="type" type="string"/>)" << '\n'
        << R"(      <attribute id="articles" title="articles" type="integer"/>)" << '\n'
        << "    </attributes>\n"
        << R"(    <attributes class="edge">)" << '\n'
        << R"(      <attribute id="articles" title="articles" type="integer"/>)" << '\n'
        << "    </attributes>\n    <nodes>\n";
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        const ActorNode& node = graph.nodes[i];
        out << R"(      <node id=")" << node_id(i) << R"(" label=")" << xml_text(node.name) << R"(">)"
            << R"(<attvalues><attvalue for="type" value=")" << to_string(node.type) << R"("/>)"
            << R"(<attvalue for="articles" value=")" << node.articles << R"("/></attvalues></node>)" << '\n';
    }
    out << "    </nodes>\n    <edges>\n";
    for (std::size_t i = 0; i < graph.edges.size(); ++i) {
        const ActorEdge& edge = graph.edges[i];
        out << R"(      <edge id="e)" << i << R"(" source=")" << node_id(edge.source) << R"(" target=")"
            << node_id(edge.target) << R"(" weight=")" << edge.weight << R"(">)"
            << R"(<attvalues><attvalue for="articles" value=")" << edge.weight << R"("/></attvalues></edge>)" << '\n';
    }
    out << "    </edges>\n  </graph>\n</gexf>\n";
}

void write_graphml(const ActorGraph& graph, const std::string& description, std::ostream& out) {
    out << R"(<?xml version="1.0" encoding="UTF-8"?>)" << '\n'
        << R"(<graphml xmlns="http://graphml.graphdrawing.org/xmlns" )"
        << R"(xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" )"
        << R"(xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns )"
        << R"(http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">)" << '\n'
        << R"(  <key id="label" for="node" attr.name="label" attr.type="string"/>)" << '\n'
        << R"(  <key id="type" for="node" attr.name="type" attr.type="string"/>)" << '\n'
        << R"(  <key id="articles" for="node" attr.name="articles" attr.type="int"/>)" << '\n'
        << R"(  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>)" << '\n'
        << R"(  <graph id="actors" edgedefault="undirected">)" << '\n'
        << "    <desc>" << xml_text(description) << "</desc>\n";
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        const ActorNode& node = graph.nodes[i];
        out << R"(    <node id=")" << node_id(i) << R"(">)" << R"(<data key="label">)" << xml_text(node.name)
            << R"(</data><data key="type">)" << to_string(node.type) << R"(</data><data key="articles">)"
            << node.articles << "</data></node>\n";
    }
    for (const ActorEdge& edge : graph.edges) {
        out << R"(    <edge source=")" << node_id(edge.source) << R"(" target=")" << node_id(edge.target)
            << R"("><data key="weight">)" << edge.weight << "</data></edge>\n";
    }
    out << "  </graph>\n</graphml>\n";
}

}  // namespace newsdex
