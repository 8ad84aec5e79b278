#include "indexer/article_processor.hpp"

#include "common/stable_hash.hpp"
#include "indexer/actors.hpp"
#include "indexer/content_hash.hpp"
#include "indexer/date_extractor.hpp"

namespace newsdex {

std::string record_hash(const Article& article, const std::string& fingerprint) {
    // Fields are separated by a byte that cannot occur in text, so "ab"+"c" differs from "a"+"bc".
    std::string record = fingerprint;
    for (const std::string* field : {&article.id, &article.title, &article.source, &article.author, &article.url,
                                     &article.lang, &article.date_text}) {
        record += '\x1f';
        record += *field;
    }
    record += '\x1f';
    if (article.date_epoch) record += std::to_string(*article.date_epoch);
    if (article.reference_year) {
        record += 'y';
        record += std::to_string(*article.reference_year);
    }
    for (const auto& paragraph : article.paragraphs) {
        record += '\x1e';
        record += paragraph;
    }
    return stable_hash_hex128(record);
}

ProcessedArticle process_article(Article article, const ProcessingSettings& settings, Diagnostics& diagnostics,
                                 StageTimes* times) {
    ProcessedArticle processed;
    if (settings.year) article.reference_year = settings.year;
    {
        StageTimer timer(times, Stage::clean);
        processed.record_hash = record_hash(article, settings.fingerprint);
        processed.removed = settings.cleaner.clean(article);
        processed.article = std::move(article);
    }
    const Article& cleaned = processed.article;
    {
        StageTimer timer(times, Stage::dedup);
        processed.content_hash = content_hash(cleaned);
        MinHashSignature signature = settings.hasher.signature(cleaned);
        processed.band_terms = settings.hasher.band_terms(signature);
        processed.signature = serialise_signature(signature);
    }
    StageTimer timer(times, Stage::extract);
    DateFinding finding = extract_date(cleaned);
    if (finding.warning) diagnostics.warn(cleaned.origin, *finding.warning);
    processed.date = finding.date;
    processed.actors = extract_actors(cleaned, settings.gazetteer);
    return processed;
}

}  // namespace newsdex
