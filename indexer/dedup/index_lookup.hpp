#pragma once
/// Reading documents of the index by what the judge and the writer know them by: a Version
/// (id term and record hash), never a docid, since docids change when segments are merged.

#include <optional>
#include <string>

#include <xapian.h>

#include "indexer/dedup/verdict.hpp"

namespace newsdex {

/// The docid in `db` of the document that is `version`, if `db` holds it.
[[nodiscard]] std::optional<Xapian::docid> find_document(const Xapian::Database& db, const Version& version);

/// The id term (schema::id_prefix) of the document `docid` of `db`; empty when it has none.
[[nodiscard]] std::string id_term_of(const Xapian::Database& db, Xapian::docid docid);

}  // namespace newsdex
