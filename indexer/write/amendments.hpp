#pragma once
/// Applying the judge's amendments (retirements, recorded copies) to a database, and the
/// journal that makes them durable before they are applied, so that a crash in between is
/// finished by the next run instead of losing or duplicating anything.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "indexer/dedup/verdict.hpp"

namespace newsdex {

/// Applies `amendments` to the documents `db` holds (others are left alone): every recorded
/// copy first — the document gets the copy in its stored data and the copy's id as an alias
/// term, unless it has it already — then every retirement (the version is deleted, or handed
/// over to a copy). Applying the same amendments twice changes nothing the second time (a
/// version is found by its record hash, which a hand-over changes). Returns true when `db`
/// changed. Does not commit.
bool apply_amendments(Xapian::WritableDatabase& db, const std::vector<Amendment>& amendments);

/// Applies `amendments` to the listed segments `db` in two commits: what adds (copies recorded,
/// documents handed over), then what deletes. A reader opens segments one after another; with
/// the deletions committed last, a reader that sees a deletion also sees what replaced it
/// whenever it opens the index as searcher/search's open_index does (reopening until nothing
/// moved). Returns true when `db` changed.
bool apply_amendments_in_order(Xapian::WritableDatabase& db, const std::vector<Amendment>& amendments);

/// Makes a retired version's `document` the document of the copy `amendment.copy` recorded on
/// it (hand_over): the copy's id, source, url and file, without it among the copies, with the
/// successor record hash. Its text, cluster and other copies stay.
void hand_over(Xapian::Document& document, const Amendment& amendment);

/// Removes the copy `copy_id` from a document's copies and its id from the document's terms;
/// false when it was not there.
bool forget_copy(Xapian::Document& document, const std::string& copy_id);

/// Adds `copies` to a document: its stored data lists them, and their ids (and sources) find it.
void add_copies(Xapian::Document& document, const std::vector<schema::SeenAs>& copies);

/// The amendments to apply once the segment `after_segment` is listed.
struct Journal {
    std::string after_segment;
    std::vector<Amendment> amendments;
};

/// Writes `journal` to `file` atomically and durably. Throws FatalError.
void write_journal(const std::filesystem::path& file, const Journal& journal);

/// Reads a journal written by write_journal; nullopt when `file` does not exist. Throws
/// FatalError when it exists but cannot be read.
[[nodiscard]] std::optional<Journal> read_journal(const std::filesystem::path& file);

}  // namespace newsdex
