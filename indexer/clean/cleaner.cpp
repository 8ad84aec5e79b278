#include "indexer/clean/cleaner.hpp"
#include "indexer/clean/paragraph_splitter.hpp"

#include "common/article.hpp"
#include "common/unicode_text.hpp"
#include "indexer/clean/boilerplate_filter.hpp"
#include "indexer/clean/repeated_paragraphs.hpp"
#include "indexer/clean/source_boilerplate.hpp"

#include <cstdio>
#include <utility>

namespace newsdex {

namespace {

std::string similarity_text(double similarity) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.2f", similarity);
    return buffer;
}

}  // namespace

Cleaner::Cleaner(BoilerplateRules rules, const SourceBoilerplate* learned)
    : m_rules(std::move(rules)), m_learned(learned) {}

std::vector<Removal> Cleaner::clean(Article& article) const {
    article.title = normalize_stored(article.title);
    std::vector<CleanParagraph> paragraphs;
    for (std::string& text : prepare_paragraphs(article.paragraphs)) {
        std::string matching = matching_form(text);
        paragraphs.push_back({std::move(text), std::move(matching), std::nullopt});
    }

    std::vector<Removal> removals = BoilerplateFilter(m_rules, m_learned).apply(article, paragraphs);

    if (m_learned != nullptr && !article.source.empty()) {
        for (CleanParagraph& paragraph : paragraphs) {
            if (!paragraph.kept()) continue;
            if (const auto count = m_learned->recurrence(article.source, paragraph.matching)) {
                paragraph.removal = Removal{paragraph.text, RemovalReason::boilerplate,
                                            "recurs in " + std::to_string(*count) + " articles of " + article.source};
            }
        }
    }

    std::vector<std::size_t> kept;
    std::vector<std::string> kept_matching;
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        if (!paragraphs[i].kept()) continue;
        kept.push_back(i);
        kept_matching.push_back(paragraphs[i].matching);
    }
    for (const RepeatedParagraph& repeat : find_repeated_paragraphs(kept_matching)) {
        CleanParagraph& paragraph = paragraphs[kept[repeat.index]];
        const std::string first = std::to_string(kept[repeat.first_index] + 1);
        std::string rule = repeat.similarity >= 1.0
                               ? "repeat of paragraph " + first
                               : "near-repeat of paragraph " + first + " (similarity " + similarity_text(repeat.similarity) + ")";
        paragraph.removal = Removal{paragraph.text, RemovalReason::repeated, std::move(rule)};
    }

    article.paragraphs.clear();
    for (CleanParagraph& paragraph : paragraphs) {
        if (paragraph.kept()) {
            article.paragraphs.push_back(std::move(paragraph.text));
        } else {
            removals.push_back(std::move(*paragraph.removal));
        }
    }
    return removals;
}

}  // namespace newsdex
