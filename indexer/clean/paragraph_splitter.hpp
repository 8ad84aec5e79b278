#pragma once
/// The first cleaning step: a reader's raw paragraphs into stored-form paragraphs, split where a
/// scraped page put one block per line and joined where a line break is only a wrap.

#include <string>
#include <vector>

namespace newsdex {

/// Returns the stored-form paragraphs of a reader's raw paragraphs: a paragraph that still holds
/// line breaks is split into lines (scraped pages often put one block per line), except where
/// a line break is a soft wrap — the paragraph is hard-wrapped (2+ lines, each but the last 50
/// to 100 characters and at least 70% of the longest, none starting with a bullet) or the line
/// does not end a sentence and the next starts with a lower-case letter. Each piece is put
/// through normalize_stored, and pieces that end up empty are dropped. Never fails.
[[nodiscard]] std::vector<std::string> prepare_paragraphs(const std::vector<std::string>& raw);

}  // namespace newsdex
