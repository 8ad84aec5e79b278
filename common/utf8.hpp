#pragma once
/// Repairing raw bytes into valid UTF-8: every ill-formed sequence becomes U+FFFD and is reported.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

/// The outcome of repair_utf8: valid UTF-8 text plus what had to be changed to get it.
struct Utf8Repair {
    std::string text;                      ///< valid UTF-8, without a leading BOM
    std::vector<std::size_t> bad_offsets;  ///< byte offset in the input of each replaced sequence, ascending
    bool had_bom = false;                  ///< the input started with the UTF-8 BOM EF BB BF (dropped)
};

/// Turns arbitrary bytes into valid UTF-8. Each maximal ill-formed subpart (a stray continuation
/// byte, a truncated sequence, an overlong form, a surrogate, a value above U+10FFFF, a byte
/// C0/C1/F5..FF) becomes one U+FFFD, following the Unicode "maximal subpart" practice that
/// browsers use, and its input offset is recorded. A leading BOM is dropped. Valid input is
/// copied unchanged on a fast path. Never fails.
[[nodiscard]] Utf8Repair repair_utf8(std::string_view bytes);

/// Returns true when `bytes` is well-formed UTF-8 (a BOM counts as well-formed).
[[nodiscard]] bool is_valid_utf8(std::string_view bytes) noexcept;

}  // namespace newsdex
