#pragma once
/// The documents a run has written but not yet listed in a segment of the index, with the
/// tables that find them by id, content hash and LSH band, for the duplicate checks of later
/// articles. Documents keep their number while older ones are dropped from the front.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/schema.hpp"
#include "indexer/dedup/minhash.hpp"

namespace newsdex {

/// A document written in this run whose segment is not listed yet.
struct RunDocument {
    std::string id;
    std::string record_hash;
    std::string cluster;
    std::string content_hash;
    std::vector<std::uint64_t> bands;  // hash64 of each band term
    std::optional<MinHashSignature> signature;
    bool superseded = false;             // the same id came again later in the run
    std::vector<schema::SeenAs> copies;  // exact copies seen later in the run
    // What was already written into the document's part database at its checkpoint; what
    // came later is applied once its segment is listed.
    bool superseded_in_part = false;
    std::size_t copies_in_part = 0;
};

/// The run's unlisted documents in write order, numbered from 0 at the start of the run.
class RunTables {
public:
    using Number = std::uint64_t;
    using BandIndex = std::unordered_multimap<std::uint64_t, Number>;

    /// Adds `document` as the newest and returns its number. A later document with the same
    /// id or content hash is the one found, unless the earlier holder of that content hash
    /// is still current.
    Number add(RunDocument document);

    [[nodiscard]] RunDocument& at(Number number) { return m_documents[number - m_first]; }
    [[nodiscard]] const RunDocument& at(Number number) const { return m_documents[number - m_first]; }

    /// The newest document with `id`, superseded or not; null when there is none.
    [[nodiscard]] RunDocument* find_id(const std::string& id);

    /// The document found for `content_hash`, superseded or not; null when there is none.
    [[nodiscard]] RunDocument* find_content(const std::string& content_hash);

    /// The documents sharing the band `band_hash`.
    [[nodiscard]] std::pair<BandIndex::const_iterator, BandIndex::const_iterator> with_band(std::uint64_t band_hash) const {
        return m_by_band.equal_range(band_hash);
    }

    /// The number of the oldest document held, and one past the newest.
    [[nodiscard]] Number first() const { return m_first; }
    [[nodiscard]] Number end() const { return m_first + m_documents.size(); }

    /// Forgets every document numbered below `number`.
    void drop_before(Number number);

private:
    std::deque<RunDocument> m_documents;
    Number m_first = 0;
    std::unordered_map<std::string, Number> m_by_id;
    std::unordered_map<std::string, Number> m_by_content;
    BandIndex m_by_band;
};

}  // namespace newsdex
