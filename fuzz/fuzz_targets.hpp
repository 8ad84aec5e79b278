#pragma once
/// The fuzz targets: each takes arbitrary bytes, runs one entry point that meets untrusted
/// input, and checks the invariants of its result. A target returns 0; a broken invariant
/// aborts (libFuzzer then reports the input). Built as libFuzzer executables by fuzz/ when
/// NEWSDEX_FUZZ is on, and replayed over the seed corpora by the regular test suite.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace newsdex::fuzz {

/// read_text_article on the bytes as a whole `.txt` file.
int text_reader(const std::uint8_t* data, std::size_t size);

/// JsonlReader over the bytes as a JSON Lines stream, and read_bounded_line under a small bound.
int jsonl_reader(const std::uint8_t* data, std::size_t size);

/// Cleaner::clean with the built-in rules on an article made of the bytes' lines.
int cleaner(const std::uint8_t* data, std::size_t size);

/// parse_date on the bytes as a date string (with and without a reference year), and
/// from_epoch_seconds on their first eight bytes.
int date_parser(const std::uint8_t* data, std::size_t size);

/// extract_actors with the built-in gazetteer on an article made of the bytes' lines.
int actor_extractor(const std::uint8_t* data, std::size_t size);

/// run_search (query parsing, matching, facets, snippets) with the bytes as the query string,
/// over an index of the demo corpus built on first use in a temporary directory.
int search_query(const std::uint8_t* data, std::size_t size);

/// A target by name, as used for `fuzz/corpus/<name>/` and the fuzzer executables.
struct Target {
    std::string_view name;                          ///< e.g. "text_reader"
    int (*run)(const std::uint8_t*, std::size_t);   ///< the target function
};

/// Every target.
inline constexpr std::array<Target, 6> all_targets{{
    {"text_reader", text_reader},
    {"jsonl_reader", jsonl_reader},
    {"cleaner", cleaner},
    {"date_parser", date_parser},
    {"actor_extractor", actor_extractor},
    {"search_query", search_query},
}};

/// Aborts with `what` on stderr when `condition` is false: a fuzzing finding. (Not assert(),
/// which release builds compile out.)
void require(bool condition, const char* what);

}  // namespace newsdex::fuzz
