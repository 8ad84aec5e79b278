#pragma once
/// The documents a run has written but not yet listed in a segment of the index, with the
/// tables that find them by id, content hash and LSH band, for the judge's questions about
/// later articles. Documents keep their number while older ones are dropped from the front.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "indexer/dedup/minhash.hpp"
#include "indexer/dedup/verdict.hpp"

namespace newsdex {

/// A document written in this run whose segment is not listed yet: what the judge compares
/// later articles with.
struct RunDocument {
    std::string id;
    std::string record_hash;
    std::string cluster;
    std::string content_hash;
    std::vector<std::uint64_t> bands;  // hash64 of each band term
    std::optional<MinHashSignature> signature;
};

/// The run's unlisted documents in write order, numbered from 0 at the start of the run.
class RunTables {
public:
    using BandIndex = std::unordered_multimap<std::uint64_t, RunNumber>;

    /// Adds `document` as the newest and returns its number. The newest document with an id
    /// or a content hash is the one found by it.
    RunNumber add(RunDocument document);

    [[nodiscard]] const RunDocument& at(RunNumber number) const { return m_documents[number - m_first]; }

    /// The number of the newest document with `id`, if any.
    [[nodiscard]] std::optional<RunNumber> find_id(const std::string& id) const;

    /// The numbers of the documents with `content_hash`, oldest first.
    [[nodiscard]] std::vector<RunNumber> find_content(const std::string& content_hash) const;

    /// The documents sharing the band `band_hash`.
    [[nodiscard]] std::pair<BandIndex::const_iterator, BandIndex::const_iterator> with_band(std::uint64_t band_hash) const {
        return m_by_band.equal_range(band_hash);
    }

    /// The number of the oldest document held, and one past the newest.
    [[nodiscard]] RunNumber first() const { return m_first; }
    [[nodiscard]] RunNumber end() const { return m_first + m_documents.size(); }

    /// Forgets every document numbered below `number`.
    void drop_before(RunNumber number);

private:
    template <class Map>
    void forget(Map& map, const typename Map::key_type& key, RunNumber number);

    std::deque<RunDocument> m_documents;
    RunNumber m_first = 0;
    std::unordered_map<std::string, RunNumber> m_by_id;
    std::unordered_multimap<std::string, RunNumber> m_by_content;
    BandIndex m_by_band;
};

}  // namespace newsdex
