#include "searcher/facets/facet_counter.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <iterator>
#include <optional>

#include "common/errors.hpp"
#include "common/schema.hpp"
#include "searcher/facets/match_walker.hpp"
#include "searcher/facets/string_interner.hpp"
#include "searcher/facets/timeline.hpp"

namespace newsdex {
namespace {

// `n` more of the value numbered `id` (counts are indexed by the interner's numbers).
void tally(std::vector<std::size_t>& counts, std::uint32_t id, std::size_t n = 1) {
    if (id >= counts.size()) counts.resize(id + 1, 0);
    counts[id] += n;
}

// The values with a nonzero count, most frequent first, ties by value, at most `limit`; value
// number i is `name_of(i)`. Only the top `limit` are ordered, and only they become strings:
// actor facets over a large match set have tens of thousands of distinct names.
template <class Counts, class NameOf>
std::vector<FacetValue> top_by_count(const NameOf& name_of, const Counts& counts, std::size_t limit) {
    std::vector<std::uint32_t> ids;
    for (std::uint32_t id = 0; id < counts.size(); ++id) {
        if (counts[id] != 0) ids.push_back(id);
    }
    auto before = [&](std::uint32_t a, std::uint32_t b) {
        return counts[a] != counts[b] ? counts[a] > counts[b] : name_of(a) < name_of(b);
    };
    const std::size_t shown = std::min(limit, ids.size());
    std::partial_sort(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(shown), ids.end(), before);
    std::vector<FacetValue> out;
    for (std::size_t i = 0; i < shown; ++i) out.push_back({std::string(name_of(ids[i])), counts[ids[i]]});
    return out;
}

template <class Counts>
bool any_counted(const Counts& counts) {
    return std::any_of(counts.begin(), counts.end(), [](auto n) { return n != 0; });
}

// The date key of a document (see DateCounts), or empty when it is undated. Documents written
// before slot_date_key existed have their precision read from the stored data, which costs a
// decoding: re-indexing adds the slot.
std::string raw_date(const Xapian::Document& document) {
    std::string key = document.get_value(schema::slot_date_key);
    if (!key.empty()) return key;
    std::string day = document.get_value(schema::slot_date);
    if (day.empty()) return day;
    std::optional<DatePrecision> precision;
    try {
        precision = schema::date_precision_of_value(schema::decode(document.get_data()).date_precision);
    } catch (const std::runtime_error&) {
    }
    return precision ? schema::date_key(day, *precision) : std::string();
}

// Where a facet's values come from: a value slot; the date (every date facet shares one count
// of raw dates); the packed actors value (the actors of one type, or of every type); or the
// packed places value (countries or regions).
struct Source {
    Xapian::valueno slot = Xapian::BAD_VALUENO;
    std::optional<ActorType> actor_type;
    std::optional<Period> period;
    std::optional<schema::GeoLevel> geo;

    [[nodiscard]] bool counts_actor(ActorType type) const {
        return reads_actors() && (!actor_type || *actor_type == type);
    }
    [[nodiscard]] bool reads_actors() const { return slot == Xapian::BAD_VALUENO && !period && !geo; }
    [[nodiscard]] bool counts_geo(schema::GeoLevel level) const { return geo && *geo == level; }
    // Whether the facet counts records of `kind` in slot_facet_ids.
    [[nodiscard]] bool counts_id(schema::FacetIdKind kind) const {
        switch (kind) {
            case schema::FacetIdKind::cluster:  // counted once, for the stories
            case schema::FacetIdKind::date: return false;  // counted once, for every date facet
            case schema::FacetIdKind::source: return slot == schema::slot_source;
            case schema::FacetIdKind::country: return counts_geo(schema::GeoLevel::country);
            case schema::FacetIdKind::region: return counts_geo(schema::GeoLevel::region);
            case schema::FacetIdKind::person: return counts_actor(ActorType::person);
            case schema::FacetIdKind::org: return counts_actor(ActorType::org);
            case schema::FacetIdKind::place: return counts_actor(ActorType::place);
        }
        return false;
    }
};

constexpr schema::FacetIdKind facet_id_kinds[] = {
    schema::FacetIdKind::cluster, schema::FacetIdKind::date,   schema::FacetIdKind::source, schema::FacetIdKind::country,
    schema::FacetIdKind::region,  schema::FacetIdKind::person, schema::FacetIdKind::org,    schema::FacetIdKind::place};

// Records of slot_facet_ids come in sections (cluster, date, source, countries, regions, actors
// of any type): a reader stops after the last section it needs.
unsigned section_of(schema::FacetIdKind kind) {
    return std::min(static_cast<unsigned>(kind), static_cast<unsigned>(schema::FacetIdKind::person));
}

Source source_of(const std::string& facet) {
    if (auto period = period_named(facet)) return {Xapian::BAD_VALUENO, {}, period, {}};
    if (facet == "source") return {schema::slot_source, {}, {}, {}};
    if (facet == "country") return {Xapian::BAD_VALUENO, {}, {}, schema::GeoLevel::country};
    if (facet == "region") return {Xapian::BAD_VALUENO, {}, {}, schema::GeoLevel::region};
    if (auto type = actor_type_from_string(facet)) return {Xapian::BAD_VALUENO, type, {}, {}};
    return {Xapian::BAD_VALUENO, {}, {}, {}};  // actor
}

}  // namespace

// One spy for every requested facet: reading a document's values once serves them all.
// Counting stories, it skips a document whose cluster was already counted, which costs a bit
// test (a cluster number) or a set lookup (a cluster key) instead of Xapian's collapsing of
// every match. The matcher shows it the documents sub-database by sub-database, each in docid
// order, so "first" means first in that order.
//
// With the stories or a facet of many values (actors, countries, regions), every facet and the
// cluster are counted from the numbers of slot_facet_ids where a document has them from a
// dictionary the counter knows: a varint and an increment per value, no name read or hashed;
// only the values shown become names. A document without them (written before the slot, or
// numbered by a dictionary the counter does not know or cannot trust) is counted by its names,
// and the two kinds of counts are summed by name at the end: the results are the same either way.
//
// Names are interned, not kept as map keys: a match costs a hash and a probe per value and
// no allocation, and the actor facets share one interner, so a name is hashed once per
// document however many of person, org, place and actor were asked.
class FacetCounter::Spy : public Xapian::MatchSpy {
public:
    Spy(const std::vector<std::string>& facets, bool stories, const FacetDictionaries& dictionaries,
        const FacetColumns& columns)
        : m_stories(stories), m_columns(columns) {
        for (const auto& facet : facets) {
            m_facets.push_back(Facet{source_of(facet), {}, {}, {}});
            const Source& source = m_facets.back().source;
            if (source.reads_actors()) m_reads_actors = true;
            if (source.period) m_reads_dates = true;
            if (source.geo) m_reads_geo = true;
            if (source.counts_geo(schema::GeoLevel::region)) m_reads_regions = true;
        }
        // Numbers where the numbers value is read anyway, for the stories or for a facet of many
        // values (actors, countries, regions), and then for every facet; single-valued facets
        // alone (source, dates) read a short slot of their own, which numbers make no cheaper,
        // unless the facet columns hold the numbers in memory.
        if (!m_stories && !m_reads_actors && !m_reads_geo && m_columns.empty()) return;
        m_counts_by_number = true;
        for (std::size_t f = 0; f < m_facets.size(); ++f) {
            for (schema::FacetIdKind kind : facet_id_kinds) {
                if (!m_facets[f].source.counts_id(kind)) continue;
                m_facets_of_kind[static_cast<unsigned>(kind)].push_back(f);
                m_last_section = std::max(m_last_section, section_of(kind));
            }
        }
        if (m_reads_dates) m_last_section = std::max(m_last_section, section_of(schema::FacetIdKind::date));
        for (const auto& dictionary : dictionaries) {
            if (dictionary) m_dictionaries.push_back(dictionary.get());
        }
        for (Facet& facet : m_facets) facet.id_counts.resize(m_dictionaries.size());
        m_date_id_counts.resize(m_dictionaries.size());
    }

    void operator()(const Xapian::Document& document, double) override {
        count_match(document.get_docid(), [&document] { return document; });
    }

    // Counts the match `docid` (of the shard read_columns_of() names, if any); `document_of()`
    // gives its document, asked for only when its values must be read.
    template <class DocumentOf>
    void count_match(Xapian::docid docid, DocumentOf&& document_of) {
        if (m_vouched_dictionary) {
            count_vouched(docid);
            return;
        }
        ++m_matches;
        std::size_t d = no_dictionary;
        std::optional<Xapian::Document> document;
        if (!m_dictionaries.empty()) {
            if (m_shard) {
                d = read_numbers(m_columns.value(*m_shard, docid));
            } else {
                document = document_of();
                m_value = document->get_value(schema::slot_facet_ids);
                d = read_numbers(m_value);
            }
        }
        const bool by_number = d != no_dictionary && m_counts_by_number;
        if (!by_number && !document) document = document_of();
        if (m_stories && !first_of_story(document ? &*document : nullptr, d)) return;
        ++m_counted;
        if (by_number) {
            count_numbers(d);
            ++m_counted_by_number;
        } else {
            count_names(*document);
            if (m_reads_dates) tally(m_date_counts, m_dates.intern(raw_date(*document)).first);
        }
    }

    // The shard of the columns the documents shown next come from; nullopt: read their values.
    void read_columns_of(std::optional<std::size_t> shard) {
        m_shard = shard;
        m_vouched_dictionary = shard ? vouch(*shard) : std::nullopt;
    }

    // The dictionary (index in m_dictionaries) of every document of shard `shard`, when its
    // totals vouch that each has a well-formed value whose numbers all lie within that dictionary,
    // so they can be counted as they are read, unchecked; nullopt otherwise (or when the facets
    // are counted by name).
    std::optional<std::size_t> vouched_dictionary(std::size_t shard) const {
        const FacetTotals* totals = m_columns.column(shard).totals();
        if (!totals || !m_counts_by_number) return std::nullopt;
        for (std::size_t d = 0; d < m_dictionaries.size(); ++d) {
            const FacetDictionary& dictionary = *m_dictionaries[d];
            if (dictionary.tag() != totals->tag()) continue;
            if (totals->ids_bound() > dictionary.size() || totals->clusters_bound() > dictionary.clusters()) break;
            return d;
        }
        return std::nullopt;
    }

    // Sets up count_vouched() for shard `shard` and returns the dictionary its totals vouch for;
    // nullopt when they do not, or when stories were counted by key so far.
    std::optional<std::size_t> vouch(std::size_t shard) {
        const std::optional<std::size_t> d = vouched_dictionary(shard);
        if (!d) return std::nullopt;
        const bool seen_by_other = m_cluster_dictionary != no_dictionary && m_cluster_dictionary != *d;
        if (m_stories && (m_clusters_by_key || seen_by_other)) return std::nullopt;
        const FacetDictionary& dictionary = *m_dictionaries[*d];
        if (m_stories) {
            m_cluster_dictionary = *d;
            m_seen.resize(std::max(m_seen.size(), (std::size_t{dictionary.clusters()} + 63) / 64), 0);
        }
        m_vouched_ids = dictionary.size();
        m_vouched_clusters = dictionary.clusters();
        for (auto& counters : m_vouched_counters) counters.clear();
        for (unsigned kind = 0; kind < m_facets_of_kind.size(); ++kind) {
            for (std::size_t f : m_facets_of_kind[kind]) {
                std::vector<std::uint32_t>& counts = m_facets[f].id_counts[*d];
                if (counts.empty()) counts.resize(dictionary.size(), 0);
                m_vouched_counters[kind].push_back(counts.data());
            }
        }
        if (m_reads_dates) {
            std::vector<std::uint32_t>& counts = m_date_id_counts[*d];
            if (counts.empty()) counts.resize(dictionary.size(), 0);
            m_vouched_counters[static_cast<unsigned>(schema::FacetIdKind::date)].push_back(counts.data());
        }
        return d;
    }

    // count_match() of a shard vouch() vouched for.
    void count_vouched(Xapian::docid docid) {
        ++m_matches;
        const bool counted = add_vouched(m_columns.value(*m_shard, docid), 1, [this](std::uint32_t cluster) {
            if (!m_stories) return true;
            std::uint64_t& word = m_seen[cluster / 64];
            const std::uint64_t bit = std::uint64_t{1} << (cluster % 64);
            if ((word & bit) != 0) return false;
            word |= bit;
            return true;
        });
        if (counted) {
            ++m_counted;
            ++m_counted_by_number;
        }
    }

    // Adds `n` (-1 takes away) to the counts of the numbers in `packed`, a value of a shard vouch()
    // vouched for, decoded and counted in one go; but first, when it has a cluster (its first
    // record), asks `count_cluster(cluster)` whether to count it at all. Returns whether it did.
    template <class CountCluster>
    bool add_vouched(std::string_view packed, std::int64_t n, CountCluster&& count_cluster) {
        if (packed.size() < schema::detail::facet_ids_tag_bytes) return false;  // no document there
        const auto* p = reinterpret_cast<const unsigned char*>(packed.data()) + schema::detail::facet_ids_tag_bytes;
        const auto* end = reinterpret_cast<const unsigned char*>(packed.data()) + packed.size();
        const auto add = static_cast<std::uint32_t>(n);
        bool dated = false;
        while (p != end) {
            std::uint64_t value = 0;
            for (unsigned shift = 0; p != end && shift < 64; shift += 7) {
                const unsigned char byte = *p++;
                value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
                if (byte < 0x80) break;
            }
            const auto kind = static_cast<schema::FacetIdKind>(value & ((1u << schema::detail::facet_id_kind_bits) - 1));
            const std::uint64_t id = value >> schema::detail::facet_id_kind_bits;
            // The totals vouch for the numbers; the bounds are checked all the same, so that a
            // column damaged since it was written gives wrong counts (which --check reports)
            // rather than writes out of bounds.
            if (kind == schema::FacetIdKind::cluster) {
                if (id >= m_vouched_clusters) return false;
                if (!count_cluster(static_cast<std::uint32_t>(id))) return false;
                continue;
            }
            if (section_of(kind) > m_last_section) break;
            if (id >= m_vouched_ids) continue;
            if (kind == schema::FacetIdKind::date) dated = true;
            for (std::uint32_t* counts : m_vouched_counters[static_cast<unsigned>(kind)]) counts[id] += add;
        }
        if (!dated && m_reads_dates) m_undated_by_number += static_cast<std::size_t>(n);
        return true;
    }

    // Starts counting the shard read_columns_of() named by its complement: every document (or
    // story) of the shard's totals is counted at once, then uncount() takes away each document
    // that does not match, and count_match_by_complement() is shown each match. False, with
    // nothing counted, when the totals cannot serve: they do not vouch for the shard (see
    // vouch()), or stories over several shards (a story's first match may then lie in another).
    bool count_totals() {
        if (!m_vouched_dictionary) return false;
        if (m_stories && (m_columns.size() != 1 || m_matches != 0)) return false;
        const FacetTotals* totals = m_columns.column(*m_shard).totals();
        const FacetDictionary& dictionary = *m_dictionaries[*m_vouched_dictionary];
        for (schema::FacetIdKind kind : facet_id_kinds) {
            const std::vector<std::uint32_t*>& counters = m_vouched_counters[static_cast<unsigned>(kind)];
            if (counters.empty()) continue;
            const auto [first, last] = totals->entries_of(kind);
            for (std::size_t i = first; i < last; ++i) {
                const FacetTotals::Entry entry = totals->entry(i);
                const std::uint32_t n = m_stories ? entry.stories : entry.documents;
                if (entry.id == FacetTotals::undated) {
                    m_undated_by_number += n;
                } else if (entry.id < m_vouched_ids) {
                    for (std::uint32_t* counts : counters) counts[entry.id] += n;
                }
            }
        }
        const std::size_t counted = m_stories ? totals->stories() : totals->documents();
        m_counted += counted;
        m_counted_by_number += counted;
        const std::size_t lost_words = m_stories ? (std::size_t{dictionary.clusters()} + 63) / 64 : 0;
        m_complement = Complement{totals, std::vector<std::uint64_t>(lost_words, 0)};
        return true;
    }

    // Takes away the document `docid` of the shard count_totals() counted, which does not match.
    void uncount(Xapian::docid docid) {
        Complement& complement = *m_complement;
        if (m_stories && !complement.totals->first_of_story(docid)) return;  // never counted
        const bool uncounted = add_vouched(m_columns.value(*m_shard, docid), -1, [&](std::uint32_t cluster) {
            // The story may still be counted, by its first match.
            if (m_stories) {
                std::uint64_t& word = complement.lost[cluster / 64];
                const std::uint64_t bit = std::uint64_t{1} << (cluster % 64);
                if ((word & bit) == 0) ++complement.lost_stories;
                word |= bit;
            }
            return true;
        });
        if (uncounted) {
            --m_counted;
            --m_counted_by_number;
        }
    }

    // The match `docid` of the shard count_totals() counted: already counted, unless it is the
    // first match of a story whose first document does not match.
    void count_match_by_complement(Xapian::docid docid) {
        ++m_matches;
        Complement& complement = *m_complement;
        if (!m_stories || complement.lost_stories == 0 || complement.totals->first_of_story(docid)) return;
        // The totals give its cluster: its value is read only when its story is to be counted.
        const std::optional<std::uint32_t> cluster = complement.totals->cluster_of(docid);
        if (!cluster || *cluster >= m_vouched_clusters) return;
        std::uint64_t& word = complement.lost[*cluster / 64];
        const std::uint64_t bit = std::uint64_t{1} << (*cluster % 64);
        if ((word & bit) == 0) return;
        word &= ~bit;
        --complement.lost_stories;
        const bool counted = add_vouched(m_columns.value(*m_shard, docid), 1, [](std::uint32_t) { return true; });
        if (counted) {
            ++m_counted;
            ++m_counted_by_number;
        }
    }

    // `matches` matches, all counted by the totals.
    void count_matches_by_complement(std::size_t matches) { m_matches += matches; }

    // Ends counting by complement.
    void end_complement() { m_complement.reset(); }

    Xapian::MatchSpy* clone() const override { return nullptr; }  // local databases only
    std::string name() const override { return "newsdex.FacetSpy"; }

    [[nodiscard]] std::size_t counted() const { return m_counted; }
    [[nodiscard]] std::size_t counted_matches() const { return m_matches; }
    [[nodiscard]] std::size_t counted_by_number() const { return m_counted_by_number; }

    // The counts of facet number `i` (not a date facet), most frequent first.
    [[nodiscard]] std::vector<FacetValue> results(std::size_t i, std::size_t limit) const {
        const Facet& facet = m_facets[i];
        const StringInterner& names = facet.source.slot == Xapian::BAD_VALUENO ? m_actor_names : facet.values;
        auto by_name = [&names](std::uint32_t id) { return names.key(id); };
        std::vector<std::size_t> numbered;  // the dictionaries whose numbers counted something
        for (std::size_t d = 0; d < facet.id_counts.size(); ++d) {
            if (any_counted(facet.id_counts[d])) numbered.push_back(d);
        }
        const bool named = any_counted(facet.counts);
        if (numbered.empty()) return top_by_count(by_name, facet.counts, limit);
        if (!named && numbered.size() == 1) {
            const FacetDictionary& dictionary = *m_dictionaries[numbered.front()];
            auto by_number = [&dictionary](std::uint32_t id) { return dictionary.name(id); };
            return top_by_count(by_number, facet.id_counts[numbered.front()], limit);
        }
        // Counts by name and by number, or from several dictionaries: summed by name.
        StringInterner merged;
        std::vector<std::size_t> counts;
        for (std::uint32_t id = 0; id < facet.counts.size(); ++id) {
            if (facet.counts[id] != 0) tally(counts, merged.intern(names.key(id)).first, facet.counts[id]);
        }
        for (std::size_t d : numbered) {
            const auto& by_id = facet.id_counts[d];
            for (std::uint32_t id = 0; id < by_id.size(); ++id) {
                if (by_id[id] != 0) tally(counts, merged.intern(m_dictionaries[d]->name(id)).first, by_id[id]);
            }
        }
        auto by_merged_name = [&merged](std::uint32_t id) { return merged.key(id); };
        return top_by_count(by_merged_name, counts, limit);
    }

    // The date keys counted by name and by number, summed by key ("" for undated).
    [[nodiscard]] DateCounts date_counts() const {
        StringInterner keys = m_dates;
        std::vector<std::size_t> counts = m_date_counts;
        if (m_undated_by_number != 0) tally(counts, keys.intern("").first, m_undated_by_number);
        for (std::size_t d = 0; d < m_date_id_counts.size(); ++d) {
            const auto& by_id = m_date_id_counts[d];
            for (std::uint32_t id = 0; id < by_id.size(); ++id) {
                if (by_id[id] != 0) tally(counts, keys.intern(m_dictionaries[d]->name(id)).first, by_id[id]);
            }
        }
        DateCounts out;
        for (std::uint32_t id = 0; id < counts.size(); ++id) {
            if (counts[id] != 0) out.push_back({std::string(keys.key(id)), counts[id]});
        }
        return out;
    }

private:
    static constexpr std::size_t no_dictionary = SIZE_MAX;
    static constexpr std::uint32_t no_cluster = UINT32_MAX;
    static constexpr std::uint32_t no_date = UINT32_MAX;

    struct Facet {
        Source source;
        StringInterner values;  ///< a slot facet's values (actor facets use m_actor_names)
        std::vector<std::size_t> counts;  ///< by name
        /// By number: one count per value of each dictionary in m_dictionaries (allocated at
        /// the first number counted).
        std::vector<std::vector<std::uint32_t>> id_counts;
    };

    // Reads the document's slot_facet_ids value into m_records and m_cluster, up to the last
    // section needed. Returns the index of its dictionary in m_dictionaries, or no_dictionary
    // when it has no such value, or its numbers are from no known dictionary, or beyond the end
    // of it: the document is then read by name.
    std::size_t read_numbers(std::string_view packed) {
        const std::optional<std::uint32_t> tag = schema::facet_ids_tag(packed);
        if (!tag) return no_dictionary;
        std::size_t d = 0;
        while (d < m_dictionaries.size() && m_dictionaries[d]->tag() != *tag) ++d;
        if (d == m_dictionaries.size()) return no_dictionary;
        const FacetDictionary& dictionary = *m_dictionaries[d];
        m_records.clear();
        m_cluster = no_cluster;
        m_date = no_date;
        bool known = true;
        const bool readable = schema::for_each_facet_id(packed, [&](schema::FacetIdKind kind, std::uint32_t id) {
            if (section_of(kind) > m_last_section) return false;
            if (kind == schema::FacetIdKind::cluster) {
                known = id < dictionary.clusters();
                m_cluster = id;
            } else if (kind == schema::FacetIdKind::date) {
                known = id < dictionary.size();
                m_date = id;
            } else {
                known = id < dictionary.size();
                m_records.push_back({kind, id});
            }
            return known;
        });
        return readable && known ? d : no_dictionary;
    }

    // Counts the records read_numbers() read, numbered by dictionary `d`.
    void count_numbers(std::size_t d) {
        if (m_reads_dates) {
            if (m_date == no_date) {
                ++m_undated_by_number;
            } else {
                std::vector<std::uint32_t>& counts = m_date_id_counts[d];
                if (counts.empty()) counts.resize(m_dictionaries[d]->size(), 0);
                ++counts[m_date];
            }
        }
        for (const schema::FacetId& record : m_records) {
            for (std::size_t f : m_facets_of_kind[static_cast<unsigned>(record.kind)]) {
                std::vector<std::uint32_t>& counts = m_facets[f].id_counts[d];
                if (counts.empty()) counts.resize(m_dictionaries[d]->size(), 0);
                ++counts[record.id];
            }
        }
    }

    // Counts the document's source, places and actors by their names.
    void count_names(const Xapian::Document& document) {
        for (Facet& facet : m_facets) {
            if (facet.source.slot == Xapian::BAD_VALUENO) continue;  // actors and dates are counted once below
            std::string value = document.get_value(facet.source.slot);
            if (!value.empty()) tally(facet.counts, facet.values.intern(value).first);
        }
        if (m_reads_geo) count_geo(document.get_value(schema::slot_places));
        if (m_reads_actors) count_actors(document.get_value(schema::slot_actors));
    }

    // False when the document's cluster was counted already. While every document has a cluster
    // number from one dictionary, a bit per cluster number says which were; the first document
    // that has none turns the numbers seen into keys, and keys are compared from then on. An
    // empty key (no cluster) is never collapsed.
    bool first_of_story(const Xapian::Document* document, std::size_t d) {
        if (d != no_dictionary && !m_clusters_by_key) {
            if (m_cluster_dictionary == no_dictionary) m_cluster_dictionary = d;
            if (m_cluster_dictionary == d) {
                if (m_cluster == no_cluster) return true;
                const std::size_t word = m_cluster / 64;
                if (word >= m_seen.size()) m_seen.resize(std::max<std::size_t>(word + 1, (m_dictionaries[d]->clusters() + 63) / 64), 0);
                const std::uint64_t bit = std::uint64_t{1} << (m_cluster % 64);
                const bool first = (m_seen[word] & bit) == 0;
                m_seen[word] |= bit;
                return first;
            }
        }
        if (!m_clusters_by_key) clusters_by_key();
        if (d != no_dictionary) return m_cluster == no_cluster || m_clusters.intern(m_dictionaries[d]->cluster(m_cluster)).second;
        const std::string cluster = document->get_value(schema::slot_cluster);
        return cluster.empty() || m_clusters.intern(cluster).second;
    }

    // From bits of cluster numbers to cluster keys.
    void clusters_by_key() {
        m_clusters_by_key = true;
        if (m_cluster_dictionary == no_dictionary) return;
        const FacetDictionary& dictionary = *m_dictionaries[m_cluster_dictionary];
        for (std::size_t word = 0; word < m_seen.size(); ++word) {
            for (std::uint64_t bits = m_seen[word]; bits != 0; bits &= bits - 1) {
                (void)m_clusters.intern(dictionary.cluster(static_cast<std::uint32_t>(word * 64 + std::countr_zero(bits))));
            }
        }
        m_seen = {};
    }

    void count_actors(std::string_view packed) {
        schema::for_each_packed_actor(packed, [this](ActorType type, std::string_view name) {
            if (!wants_actor(type)) return;
            const std::uint32_t id = m_actor_names.intern(name).first;
            for (Facet& facet : m_facets) {
                if (facet.source.counts_actor(type)) tally(facet.counts, id);
            }
        });
    }

    // The packed places value: the countries, then the regions, of the document's places.
    void count_geo(std::string_view packed) {
        schema::for_each_packed_geo(packed, [this](schema::GeoLevel level, std::string_view name) {
            // Without a region facet, the regions after the countries are not read.
            if (level == schema::GeoLevel::region && !m_reads_regions) return false;
            std::optional<std::uint32_t> id;
            for (Facet& facet : m_facets) {
                if (!facet.source.counts_geo(level)) continue;
                if (!id) id = m_actor_names.intern(name).first;
                tally(facet.counts, *id);
            }
            return true;
        });
    }

    // Whether some facet counts actors of `type`: names nobody counts are not interned.
    [[nodiscard]] bool wants_actor(ActorType type) const {
        return std::any_of(m_facets.begin(), m_facets.end(),
                           [type](const Facet& facet) { return facet.source.counts_actor(type); });
    }

    // The shard (m_shard) being counted by its complement (count_totals).
    struct Complement {
        const FacetTotals* totals = nullptr;
        std::vector<std::uint64_t> lost;  ///< stories: clusters whose first document does not match, not yet counted
        std::size_t lost_stories = 0;      ///< the bits set in `lost`
    };

    bool m_stories;
    const FacetColumns& m_columns;    ///< the numbers by shard and docid, when the index has them
    std::optional<Complement> m_complement;
    std::optional<std::size_t> m_shard;  ///< the shard of m_columns being counted, if any
    /// The dictionary its totals vouch for its numbers are of (see vouch()): count_vouched().
    std::optional<std::size_t> m_vouched_dictionary;
    /// For count_vouched(): by FacetIdKind, the counts (by number) each record of the kind adds to.
    std::array<std::vector<std::uint32_t*>, std::size(facet_id_kinds)> m_vouched_counters;
    std::uint64_t m_vouched_ids = 0;       ///< the size of every counts array of m_vouched_counters
    std::uint64_t m_vouched_clusters = 0;  ///< cluster numbers in m_seen (and a complement's lost)
    std::string m_value;              ///< one document's slot_facet_ids value, without columns
    bool m_reads_actors = false;      ///< some facet counts actors
    bool m_reads_dates = false;       ///< some facet counts dates
    bool m_reads_geo = false;         ///< some facet counts countries or regions
    bool m_reads_regions = false;     ///< some facet counts regions
    bool m_counts_by_number = false;  ///< the facets are counted from slot_facet_ids where it can be
    std::vector<Facet> m_facets;      ///< in the order asked
    /// The dictionaries documents may be numbered by; empty when neither a facet nor the
    /// stories read numbers.
    std::vector<const FacetDictionary*> m_dictionaries;
    /// For each FacetIdKind, the facets (indexes in m_facets) that count its records.
    std::array<std::vector<std::size_t>, std::size(facet_id_kinds)> m_facets_of_kind;
    unsigned m_last_section = 0;             ///< records after this section are not read
    std::vector<schema::FacetId> m_records;  ///< one document's facet records, reused
    std::uint32_t m_cluster = no_cluster;    ///< one document's cluster number
    std::uint32_t m_date = no_date;          ///< one document's date key number
    std::vector<std::uint64_t> m_seen;       ///< the cluster numbers counted, a bit each
    std::size_t m_cluster_dictionary = no_dictionary;  ///< whose numbers m_seen holds
    bool m_clusters_by_key = false;          ///< m_clusters holds the clusters counted, by key
    StringInterner m_actor_names;
    StringInterner m_clusters;
    StringInterner m_dates;  ///< raw date keys, for every date facet
    std::vector<std::size_t> m_date_counts;  ///< by m_dates number
    /// Date keys by number: one count per value of each dictionary (allocated at the first).
    std::vector<std::vector<std::uint32_t>> m_date_id_counts;
    std::size_t m_undated_by_number = 0;  ///< documents read by number without a date key
    std::size_t m_counted = 0;
    std::size_t m_matches = 0;  ///< matches shown, before stories are counted once
    std::size_t m_counted_by_number = 0;
};

FacetCounter::FacetCounter(const std::vector<std::string>& facets, std::size_t limit, bool stories,
                           const Xapian::Database* remote_shards, FacetDictionaries dictionaries, FacetColumns columns)
    : m_facets(facets),
      m_limit(limit),
      m_stories(stories),
      m_remote(remote_shards),
      m_dictionaries(std::move(dictionaries)),
      m_columns(std::move(columns)) {
    for (const auto& name : facets) {
        if (std::find(facet_names.begin(), facet_names.end(), name) == facet_names.end()) {
            throw UsageError("unknown facet \"" + name +
                             "\" (use day, week, month, year, person, org, place, actor, country, region or source)");
        }
    }
    if (remote_shards && !m_facets.empty()) {
        m_slots = std::make_unique<SlotFacetCounter>(*remote_shards, m_facets);
    } else {
        m_spy = std::make_unique<Spy>(m_facets, stories, m_dictionaries, m_columns);
    }
}

FacetCounter::~FacetCounter() = default;

void FacetCounter::attach(Xapian::Enquire& enquire) {
    if (m_slots) {
        m_slots->attach(enquire);
    } else if (!m_facets.empty()) {
        // A database of one shard shows the spy its own docids.
        m_spy->read_columns_of(m_columns.size() == 1 ? std::optional<std::size_t>(0) : std::nullopt);
        enquire.add_matchspy(m_spy.get());
    }
}

Xapian::doccount FacetCounter::count(const Xapian::Database& db, const Xapian::Query& query,
                                     const std::function<void(Xapian::Enquire&)>& prepare, bool shard_by_shard) {
    if (!m_spy || m_facets.empty()) return 0;
    // The matcher showing the spy every match of `database`, set up by `prepare`.
    auto matcher_pass = [&](const Xapian::Database& database) {
        Xapian::Enquire enquire(database);
        prepare(enquire);
        enquire.add_matchspy(m_spy.get());
        return enquire.get_mset(0, 0, database.get_doccount()).get_matches_lower_bound();
    };
    if (!m_columns.empty() && shard_by_shard) {
        // Without the matcher, where every shard's matches can be walked from posting lists.
        std::vector<std::unique_ptr<MatchWalker>> walkers;
        for (std::size_t shard = 0; shard < m_columns.size(); ++shard) {
            auto walker = MatchWalker::make(m_columns.shard(shard), query);
            if (!walker) break;
            walkers.push_back(std::move(walker));
        }
        if (walkers.size() == m_columns.size()) {
            const std::size_t before = m_spy->counted_matches();
            for (std::size_t shard = 0; shard < walkers.size(); ++shard) {
                const Xapian::Database& database = m_columns.shard(shard);
                MatchWalker& walker = *walkers[shard];
                m_spy->read_columns_of(shard);
                // Most of the shard matching: counted by the documents that do not.
                if (walker.fraction() > 0.5 && m_spy->count_totals()) {
                    if (walker.matches_everything()) {
                        // Only the docids of no document are missing: nothing to take away, and
                        // no story has lost its first document.
                        m_spy->count_matches_by_complement(database.get_doccount());
                        m_spy->end_complement();
                        continue;
                    }
                    Xapian::docid next = 1;
                    walker.for_each([&](Xapian::docid docid) {
                        for (; next < docid; ++next) m_spy->uncount(next);
                        m_spy->count_match_by_complement(docid);
                        next = docid + 1;
                    });
                    for (; next <= m_columns.column(shard).last_docid(); ++next) m_spy->uncount(next);
                    m_spy->end_complement();
                    continue;
                }
                walker.for_each([&](Xapian::docid docid) {
                    m_spy->count_match(docid, [&] { return database.get_document(docid, Xapian::DOC_ASSUME_VALID); });
                });
            }
            return static_cast<Xapian::doccount>(m_spy->counted_matches() - before);
        }
    }
    if (m_columns.size() > 1 && shard_by_shard) {
        Xapian::doccount matches = 0;
        for (std::size_t shard = 0; shard < m_columns.size(); ++shard) {
            m_spy->read_columns_of(shard);
            matches += matcher_pass(m_columns.shard(shard));
        }
        return matches;
    }
    // A database of one shard shows the spy its own docids.
    m_spy->read_columns_of(m_columns.size() == 1 ? std::optional<std::size_t>(0) : std::nullopt);
    return matcher_pass(db);
}

void FacetCounter::count_rest(const Xapian::Database& db, const Xapian::Query& query) {
    if (m_slots) m_slots->count_rest(db, query);
}

std::size_t FacetCounter::counted() const { return m_slots ? m_slots->counted() : m_spy->counted(); }

std::size_t FacetCounter::counted_by_number() const { return m_slots ? 0 : m_spy->counted_by_number(); }

std::vector<std::pair<std::string, std::vector<FacetValue>>> FacetCounter::results() const {
    std::vector<std::pair<std::string, std::vector<FacetValue>>> out;
    for (std::size_t i = 0; i < m_facets.size(); ++i) {
        if (period_named(m_facets[i])) continue;
        out.emplace_back(m_facets[i], m_slots ? m_slots->results(m_facets[i], m_limit) : m_spy->results(i, m_limit));
    }
    return out;
}

std::vector<Period> FacetCounter::periods() const {
    std::vector<Period> out;
    for (const auto& name : m_facets) {
        if (auto period = period_named(name)) out.push_back(*period);
    }
    return out;
}

DateCounts FacetCounter::date_counts() const { return m_slots ? m_slots->date_counts() : m_spy->date_counts(); }

}  // namespace newsdex
