#pragma once
/// The exact-duplicate key of a cleaned article, and the stable hashes it is built on.
///
/// Every value here may be stored in an index, so each one is a pure function of its input bytes:
/// the same on every platform, compiler and run.

#include "common/article.hpp"
#include "common/stable_hash.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace newsdex {

/// Appends the comparison form of `text` to `out`: ASCII letters lower-cased; typographic
/// apostrophes and single quotes become `'`, double quotes and guillemets `"`, hyphens, dashes
/// and the minus sign `-`, the ellipsis `...`; soft hyphens, zero-width characters and the BOM
/// are dropped; every run of ASCII or Unicode whitespace becomes one space, with none at either
/// end of `text`. All other bytes, including invalid UTF-8, pass through unchanged.
/// No ICU: this is a cheap key for comparing texts, not a display form.
void append_comparison_form(std::string_view text, std::string& out);

/// The comparison form of `text` as a new string; see `append_comparison_form`.
[[nodiscard]] std::string comparison_form(std::string_view text);

/// The exact-duplicate key of a cleaned article: `to_hex(hash128(...))`, 32 lowercase hex digits,
/// over the comparison form of the title and of the body. Paragraph breaks count as whitespace,
/// so re-wrapped paragraphs do not matter, but the title does: a retitled copy is left to the
/// near-duplicate path (see `minhash`), where it stays searchable under its own headline.
/// Ignores every other field (id, source, url, dates). Never fails; an article with no text
/// still gets a key, the same for all such articles, so callers should drop empty articles first.
[[nodiscard]] std::string content_hash(const Article& cleaned);

}  // namespace newsdex
