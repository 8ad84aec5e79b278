#include "searcher/export/cooccurrence.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "common/schema.hpp"
#include "searcher/facets/string_interner.hpp"

namespace newsdex {
namespace {

// An actor's key in the interner: its type code, then its name.
char type_code(ActorType type) {
    switch (type) {
        case ActorType::person: return 'P';
        case ActorType::org: return 'O';
        case ActorType::place: return 'L';
    }
    return '?';
}

std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) { return static_cast<std::uint64_t>(a) << 32 | b; }

class CooccurrenceSpy : public Xapian::MatchSpy {
public:
    explicit CooccurrenceSpy(bool stories) : m_stories(stories) {}

    void operator()(const Xapian::Document& document, double) override {
        if (m_stories) {
            const std::string cluster = document.get_value(schema::slot_cluster);
            if (!cluster.empty() && !m_clusters.intern(cluster).second) return;
        }
        ++m_counted;
        m_ids.clear();
        schema::for_each_packed_actor(document.get_value(schema::slot_actors), [this](ActorType type, std::string_view name) {
            m_key.assign(1, type_code(type));
            m_key.append(name);
            auto [id, added] = m_actors.intern(m_key);
            if (added) m_types.push_back(type);
            m_ids.push_back(id);
        });
        std::sort(m_ids.begin(), m_ids.end());
        m_ids.erase(std::unique(m_ids.begin(), m_ids.end()), m_ids.end());
        for (std::size_t i = 0; i < m_ids.size(); ++i) {
            if (m_ids[i] >= m_articles.size()) m_articles.resize(m_ids[i] + 1, 0);
            ++m_articles[m_ids[i]];
            for (std::size_t j = i + 1; j < m_ids.size(); ++j) ++m_pairs[pair_key(m_ids[i], m_ids[j])];
        }
    }
    Xapian::MatchSpy* clone() const override { return nullptr; }  // local databases only
    std::string name() const override { return "newsdex.CooccurrenceSpy"; }

    [[nodiscard]] ActorGraph graph(std::size_t min_weight) const {
        // Kept edges, and the actors they hold.
        std::vector<std::pair<std::uint64_t, std::size_t>> kept;
        std::vector<bool> used(m_types.size(), false);
        for (const auto& [key, weight] : m_pairs) {
            if (weight < std::max<std::size_t>(min_weight, 1)) continue;
            kept.emplace_back(key, weight);
            used[key >> 32] = used[key & 0xffffffffU] = true;
        }
        std::vector<std::uint32_t> order;
        for (std::uint32_t id = 0; id < used.size(); ++id) {
            if (used[id]) order.push_back(id);
        }
        std::sort(order.begin(), order.end(), [this](std::uint32_t a, std::uint32_t b) {
            if (m_articles[a] != m_articles[b]) return m_articles[a] > m_articles[b];
            return m_actors.key(a) < m_actors.key(b);  // the type code first, then the name
        });
        ActorGraph graph;
        graph.counted = m_counted;
        graph.stories = m_stories;
        std::vector<std::size_t> index(m_types.size(), 0);
        for (std::uint32_t id : order) {
            index[id] = graph.nodes.size();
            graph.nodes.push_back({m_types[id], std::string(m_actors.key(id).substr(1)), m_articles[id]});
        }
        for (const auto& [key, weight] : kept) {
            std::size_t a = index[key >> 32], b = index[key & 0xffffffffU];
            graph.edges.push_back({std::min(a, b), std::max(a, b), weight});
        }
        std::sort(graph.edges.begin(), graph.edges.end(), [](const ActorEdge& x, const ActorEdge& y) {
            if (x.weight != y.weight) return x.weight > y.weight;
            return x.source != y.source ? x.source < y.source : x.target < y.target;
        });
        return graph;
    }

private:
    bool m_stories;
    StringInterner m_clusters;
    StringInterner m_actors;            ///< type code + name
    std::vector<ActorType> m_types;     ///< by actor number
    std::vector<std::size_t> m_articles;  ///< by actor number
    std::unordered_map<std::uint64_t, std::size_t> m_pairs;  ///< (smaller number, larger number) -> articles
    std::vector<std::uint32_t> m_ids;   ///< the current document's actors
    std::string m_key;
    std::size_t m_counted = 0;
};

}  // namespace

ActorGraph count_cooccurrence(const Xapian::Database& db, const Xapian::Query& query, bool stories,
                              std::size_t min_weight) {
    CooccurrenceSpy spy(stories);
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.add_matchspy(&spy);
    (void)enquire.get_mset(0, 0, db.get_doccount());
    return spy.graph(min_weight);
}

}  // namespace newsdex
