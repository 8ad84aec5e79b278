#pragma once
/// Why a paragraph was dropped while cleaning: the record --explain and the summary show.

#include <string>
#include <string_view>

namespace newsdex {

/// The kinds of removal. Their names (see to_string) are part of the public JSON contract.
enum class RemovalReason {
    repeated,     ///< an exact or near repeat of an earlier paragraph of the same article
    boilerplate,  ///< web furniture: a rule from the boilerplate file, or learned from the source
    tail,         ///< at or after a related-content marker near the end of the article
    title,        ///< the headline repeated in the body, or a site name cut from the headline
    source_line,  ///< a "Source: X" line
};

/// Returns the contract name of `reason`: "repeated", "boilerplate", "tail", "title" or
/// "source-line". Never fails.
[[nodiscard]] constexpr std::string_view to_string(RemovalReason reason) noexcept {
    switch (reason) {
        case RemovalReason::repeated: return "repeated";
        case RemovalReason::boilerplate: return "boilerplate";
        case RemovalReason::tail: return "tail";
        case RemovalReason::title: return "title";
        case RemovalReason::source_line: return "source-line";
    }
    return "unknown";
}

/// One removed piece of text, with the reason and the rule that fired.
struct Removal {
    std::string text;       ///< the removed text, in stored form
    RemovalReason reason;   ///< the kind of removal
    std::string rule;       ///< which rule fired, for people: "boilerplate.rules:12: drop share post",
                            ///< "near-repeat of paragraph 3 (similarity 0.93)"
};

}  // namespace newsdex
