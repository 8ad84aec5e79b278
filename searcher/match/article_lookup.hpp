#pragma once
/// Finds stored articles by id: for --show and --cluster.

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/schema.hpp"

namespace newsdex {

/// A stored article and its cluster key.
struct LookedUpArticle {
    schema::StoredArticle article;
    std::string cluster;
    Xapian::docid docid = 0;
};

/// The document with id `id`, or the one an exact copy with that id was folded into.
[[nodiscard]] std::optional<LookedUpArticle> find_article(const Xapian::Database& db, const std::string& id);

/// Every document in the cluster of the article `id` (itself included), in docid order.
/// Empty when there is no such article.
[[nodiscard]] std::vector<LookedUpArticle> cluster_members(const Xapian::Database& db, const std::string& id);

/// The display name of the source term `term` (schema::source_prefix + folded name): the source
/// value of a document that has it, or the folded name when none of the first few has it.
[[nodiscard]] std::string source_display_name(const Xapian::Database& db, const std::string& term);

/// The display name of the actor term `term` (an actor prefix + folded name): the name as a
/// document that has it stores it, or the folded name when none of the first few has it.
[[nodiscard]] std::string actor_display_name(const Xapian::Database& db, const std::string& term);

}  // namespace newsdex
