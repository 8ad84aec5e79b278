#pragma once
/// The line-based boilerplate rule files: the built-in indexer/clean/boilerplate.rules plus the
/// user's --boilerplate FILE. The format is documented at the top of the built-in file.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>


namespace newsdex {

/// What a rule does with a paragraph it matches.
enum class RuleAction {
    drop,  ///< the paragraph is furniture: drop it
    tail,  ///< a related-content marker: near the end cut from here on, elsewhere drop it
};

/// A rule that matched a paragraph.
struct RuleMatch {
    RuleAction action = RuleAction::drop;
    std::string rule;  ///< "boilerplate.rules:12: drop share post": file name, line, rule text
};

/// Returns the key rules compare against: the matching form of `text`, case-folded, white space
/// collapsed, punctuation stripped from both ends ("Share post:" → "share post"). Never fails.
[[nodiscard]] std::string rule_key(std::string_view text);

/// A set of boilerplate rules, loaded from one or more rule files. Immutable after loading,
/// so one instance may be read by many threads at once.
class BoilerplateRules {
public:
    /// Paragraphs (and keys) longer than this many characters (code points) never match a rule.
    static constexpr std::size_t max_paragraph_chars = 200;

    /// Makes an empty rule set (matches nothing).
    BoilerplateRules() = default;

    /// Returns the path of the built-in rule file: indexer/clean/boilerplate.rules under the
    /// data directory (see common/data_dir).
    [[nodiscard]] static std::filesystem::path builtin_path();

    /// Returns the built-in rules. Throws std::runtime_error when the file cannot be read or
    /// holds a malformed rule.
    [[nodiscard]] static BoilerplateRules load_builtin();

    /// Adds the rules of the file at `path`. Throws std::runtime_error naming the file when it
    /// cannot be read, or "FILE:LINE: what is wrong" for a malformed rule (unknown kind, missing
    /// pattern, invalid regular expression); the set is unchanged then.
    void add_file(const std::filesystem::path& path);

    /// Adds rules from `text` in the rule-file format; `origin` names it in messages and in
    /// RuleMatch::rule. Throws std::runtime_error "ORIGIN:LINE: what is wrong" for a malformed
    /// rule; the set is unchanged then.
    void add_text(std::string_view text, std::string_view origin);

    /// Returns the rule matching the paragraph whose key (see rule_key) is `key`, or nothing
    /// when no rule matches or the key is longer than max_paragraph_chars. When a tail rule
    /// and a drop rule both match, the tail rule is returned. Thread-safe.
    [[nodiscard]] std::optional<RuleMatch> match_key(std::string_view key) const;

    /// Returns match_key(rule_key(paragraph)), or nothing without computing the key when the
    /// paragraph is longer than max_paragraph_chars. Thread-safe.
    [[nodiscard]] std::optional<RuleMatch> match(std::string_view paragraph) const;

    /// Returns how many rules are loaded.
    [[nodiscard]] std::size_t size() const noexcept;

private:
    /// The rule kinds of the file format (drop, drop-prefix, drop-contains, drop-re, tail, tail-re).
    enum class Kind { drop, drop_prefix, drop_contains, drop_re, tail, tail_re };
    /// One rule as read from a file.
    struct Rule {
        Kind kind;
        std::string key;          ///< the keyed pattern or phrase; the regex source for *_re
        std::string description;  ///< "file:line: rule text"
    };
    /// A compiled regular expression with its rule (defined in the .cpp, which owns ICU).
    struct RegexRule;
    /// All compiled expressions of a rule set, in file order.
    using RegexList = std::vector<RegexRule>;

    /// Returns the index of the first rule of `action` whose expression matches all of `key`.
    [[nodiscard]] std::optional<std::size_t> match_regexes(std::string_view key, RuleAction action) const;
    /// Returns the RuleMatch that reports rule `rule_index`.
    [[nodiscard]] RuleMatch make_match(std::size_t rule_index) const;

    std::vector<Rule> m_rules;                                ///< every rule, in file order
    std::unordered_map<std::string, std::size_t> m_exact;     ///< key → rule (a tail rule wins)
    std::vector<std::size_t> m_prefix_rules;                  ///< drop-prefix rules
    std::vector<std::size_t> m_contains_rules;                ///< drop-contains rules
    /// The compiled regular expressions, immutable once built and shared between copies;
    /// worker threads cache one matcher per expression (see the .cpp).
    std::shared_ptr<const RegexList> m_regexes;
};

}  // namespace newsdex
