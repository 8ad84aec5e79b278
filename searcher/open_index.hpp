#pragma once
/// Opening an index for reading: a newsdex index directory (its stub lists the segments), a
/// stub file of shards (local or remote), or a plain Xapian database, with a clear message for
/// each way it can be missing or damaged, and a view of the segments that is one moment's.

#include <filesystem>
#include <memory>
#include <string>

#include <xapian.h>

#include "common/facet_column.hpp"
#include "common/facet_dictionary.hpp"
#include "common/gazetteer.hpp"

namespace newsdex {

/// An index opened for searching, with what query parsing needs beside it.
struct OpenIndex {
    Xapian::Database db;
    /// The built-in gazetteer, loaded once per process and shared by every index opened.
    std::shared_ptr<const Gazetteer> gazetteer;
    /// The stub lists a remote shard (`remote HOST:PORT`): xapian-tcpsrv runs only Xapian's own
    /// match spies and weights, so facets, relaxed matching and exports take other paths.
    bool remote = false;
    /// The stub's text when the index was opened (empty for a plain Xapian database).
    std::string listed;
    /// The facet dictionaries of the index directories its local segments belong to (an index
    /// directory's own; for a stub file, the directory of each segment it lists), opened after
    /// the segments, so they hold every number the documents use. Two that share a tag (a copied
    /// index) are both left out. Empty over remote shards: their facets are counted by slots.
    FacetDictionaries facet_dictionaries;
    /// The facet columns of its segments (see FacetColumn), of the revisions opened; empty when
    /// some segment has none of its revision (written since, or remote), and facets then read
    /// the documents' values.
    FacetColumns facet_columns;
};

/// Opens the index at `path` read-only. A writer may list a segment or commit to several
/// segments while the reader opens them one after another; the index is opened again until
/// neither its segment list nor any segment moved meanwhile, so that the reader never sees a
/// deletion without what replaced it. Throws FatalError naming the file and the cause: no
/// index there, an empty or unreadable stub, a stub line that is not a database, a segment
/// missing or unreadable. Cheap enough to call per request: the gazetteer is loaded only the
/// first time.
[[nodiscard]] OpenIndex open_index(const std::filesystem::path& path);

/// Brings `index`, opened from `path` earlier, to the index's latest revision: opened again as
/// open_index() opens it when a writer has listed other segments or moved a segment on since,
/// kept as it is otherwise. For a front end that answers many requests from one thread: the
/// check reads the stub and each segment's revision, far less than opening every table anew.
/// Throws as open_index() does.
void refresh_index(OpenIndex& index, const std::filesystem::path& path);

/// The one line saying that `what` (a flag) needs local shards, because xapian-tcpsrv runs only
/// Xapian's own match spies.
[[nodiscard]] std::string remote_unsupported(const std::string& what);

}  // namespace newsdex
