#pragma once
/// The limits the readers enforce on every record, so that hostile or broken input cannot
/// exhaust memory or time, and their documented defaults.

#include <cstddef>

namespace newsdex {

/// Default of `--max-article-bytes`: 8 MiB, far above any real news article (the BBC corpus
/// tops out near 25 KB) and far below what a Xapian document can store (about 120 MiB).
inline constexpr std::size_t default_max_article_bytes = std::size_t{8} << 20;

/// Default of `--max-paragraphs`: a long feature has a few hundred paragraphs.
inline constexpr std::size_t default_max_paragraphs = 10'000;

/// Default of `--max-term-bytes`: Xapian's TermGenerator default; longer words are not indexed.
inline constexpr std::size_t default_max_term_bytes = 64;

/// What the readers accept of one record.
struct ReaderLimits {
    /// A text file or JSON line larger than this is rejected without being held in memory.
    std::size_t max_article_bytes = default_max_article_bytes;
    /// Paragraphs kept per article (blank-line blocks of a text file, lines of a JSON body);
    /// the rest are dropped with a warning.
    std::size_t max_paragraphs = default_max_paragraphs;
};

}  // namespace newsdex
