#pragma once
/// The two text forms of newsdex: the stored form (what users see) and the matching form
/// (what is indexed and what queries are put through), plus a case fold for comparison keys.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace newsdex {

/// Returns the form the index stores: HTML entities decoded, control characters and
/// zero-width/invisible characters (U+200B..U+200D, U+2060, U+FEFF, soft hyphen) removed,
/// every kind of white space (tab, newline, NBSP, U+2000..U+200A, ...) turned into a space,
/// runs of spaces collapsed to one, both ends trimmed, then NFC. Typographic quotes, dashes,
/// accents and letter case are kept. ASCII input skips ICU. Input must be valid UTF-8
/// (see repair_utf8); an ill-formed byte becomes U+FFFD. Never fails.
[[nodiscard]] std::string normalize_stored(std::string_view utf8);

/// Returns the form that is indexed and that queries are put through: typographic quotes and
/// apostrophes (’ ‘ ‚ ‛ ′ “ ” „ « » ...) become ' or ", dashes and minus (‐ ‑ ‒ – — ― −) become -,
/// Latin letters lose their diacritics (é→e, ø→o, ß→ss, æ→ae, ł→l), compatibility forms are
/// folded as NFKC does (ﬁ→fi, full-width Ａ→A, …→...), non-ASCII white space becomes a
/// space and zero-width characters vanish. Marks on non-Latin letters are kept (й stays й). Letter case,
/// and the number and order of words, never change; spaces are not collapsed. All-ASCII input
/// is returned as is on a fast path. Input should be valid UTF-8; an ill-formed byte becomes
/// U+FFFD. Never fails.
[[nodiscard]] std::string matching_form(std::string_view utf8);

/// Returns `utf8` case-folded for comparisons (ICU full case folding: "Straße"→"strasse",
/// "ΣΑΣ"→"σασ"); ASCII is lower-cased on a fast path. For comparison keys only, never for the
/// index (Xapian folds case itself). Never fails.
[[nodiscard]] std::string fold_case(std::string_view utf8);

/// Returns how many code points `utf8` holds (bytes that are not continuation bytes).
[[nodiscard]] std::size_t code_point_count(std::string_view utf8) noexcept;

/// `text` without ASCII white space (space, tab, line feed, vertical tab, form feed, carriage
/// return) at either end.
[[nodiscard]] std::string_view trim_ascii_space(std::string_view text) noexcept;

/// The first code point of `utf8`, or 0 when it is empty (a negative value for a bad sequence).
[[nodiscard]] std::int32_t first_code_point(std::string_view utf8) noexcept;

/// The last code point of `utf8`, or 0 when it is empty (a negative value for a bad sequence).
[[nodiscard]] std::int32_t last_code_point(std::string_view utf8) noexcept;

/// Returns true when every byte of `text` is ASCII (checks 8 bytes at a time).
[[nodiscard]] bool is_ascii(std::string_view text) noexcept;

}  // namespace newsdex
