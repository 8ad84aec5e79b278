#pragma once
/// What the deduplicating judge decides about one article, and the changes it asks of
/// documents already written: the value the dedup stage hands to the writer.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/schema.hpp"

namespace newsdex {

/// Numbers the documents a run writes, from 0, in write order.
using RunNumber = std::uint64_t;

/// One written version of an article: its id term and the hash of the record it came from.
/// Versions of an id differ in their record hash, so the pair names exactly one document,
/// wherever it is (an older segment, a part still being written, a merged segment).
struct Version {
    std::string id_term;      ///< schema::id_term of the article id
    std::string record_hash;  ///< the document's slot_record_hash value
    /// Set when the document was written by this run: its number (where it is until listed).
    std::optional<RunNumber> run_number;

    [[nodiscard]] bool operator==(const Version& other) const {
        return id_term == other.id_term && record_hash == other.record_hash;
    }
};

/// A change to a document already written: the only changes a run makes to what it did not
/// just add.
struct Amendment {
    enum class Kind {
        retire,       ///< delete `target`: a newer version of its article replaces it
        record_copy,  ///< record `copy` on `target`: the same text was seen under another id
        /// `target` is retired, but a copy recorded on it (from an earlier run, absent from this
        /// input) lives on: the document becomes `copy`'s, with record hash `successor_hash`,
        /// keeping its other copies.
        hand_over,
        /// forget the copy `copy` recorded on `target`: that id has a document of its own now.
        forget_copy,
    };
    Kind kind = Kind::retire;
    Version target;
    schema::SeenAs copy;         ///< record_copy, hand_over, forget_copy: the copy (forget_copy: its id)
    std::string successor_hash;  ///< hand_over: the record hash the document gets
};

/// The judge's decision about one article.
struct Verdict {
    enum class Kind {
        unchanged,  ///< this record is indexed as it is (or its copy is recorded already): nothing to do
        added,      ///< a new document; `replaces` when it is the new version of an indexed article
        copy,       ///< an exact copy of another document's text: recorded on it, not indexed
    };
    Kind kind = Kind::unchanged;
    bool replaces = false;    ///< an earlier version of the same id is retired (added or copy)
    std::string cluster;      ///< added: its near-duplicate cluster key (its own id when alone)
    bool near_copy = false;   ///< added: it joined another document's cluster
    RunNumber number = 0;     ///< added: its number in the run
    std::vector<Amendment> amendments;  ///< changes to documents already written, in order
};

/// What the writer made visible to readers: the run's documents below `listed_end` are in listed
/// segments, and `applied` are in the index too. The judge forgets what it no longer needs.
struct Publication {
    RunNumber listed_end = 0;
    std::vector<Amendment> applied;
};

}  // namespace newsdex
