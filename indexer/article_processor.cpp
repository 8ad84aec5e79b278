#include "indexer/article_processor.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "common/errors.hpp"
#include "common/stable_hash.hpp"
#include "indexer/extract/actors.hpp"
#include "indexer/dedup/content_hash.hpp"
#include "indexer/extract/date_extractor.hpp"

namespace newsdex {
namespace {

// Bumped whenever processing changes what a document holds, so that re-runs re-index.
// 3: initialisms in small letters are indexed as words (u.s. as us), actor mentions are stored;
//    the date key slot (day and precision) for timelines;
//    places roll up to regions and countries (geography files in the fingerprint);
//    actors come from the trained recogniser (its model files in the fingerprint).
// 4: multi-valued facets also in facet slots, one value per slot (facets over remote shards).
// 5: facet values also as numbers of the index's facet dictionary (slot_facet_ids).
// 6: a person's name around a quoted nickname is one name; a sure short form confirms an unsure
//    full name; a place is no short form of an organisation (actor canonicalisation).
// 7: an unsure name the recogniser reads as the gazetteer knows it is kept; the gazetteer finds
//    British and American spellings, hyphens and spaces of its names alike.
// 8: a nationality of a region ("Scottish", "Texan") makes the region a place of the article, as
//    a country's nationality makes the country one, unless written as a language ("in English",
//    "Spanish-speaking"); a name in a row of a table is kept though made of common words or
//    mentioned once, when the table's rows hold other names of its type.
constexpr std::string_view processing_version = "newsdex-processing-8";

std::vector<std::filesystem::path> json_files_in(const std::filesystem::path& directory) {
    std::vector<std::filesystem::path> files;
    std::error_code error;
    for (std::filesystem::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
        if (it->path().extension() == ".json") files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

ProcessingData ProcessingData::load(const IndexerOptions& options) {
    ProcessingData data{BoilerplateRules::load_builtin(), Gazetteer::load_builtin(), EntityRecognizer::load_builtin(),
                        Geography::load_builtin(), {}};
    try {
        for (const auto& file : options.boilerplate_files) data.rules.add_file(file);
        for (const auto& file : options.actor_files) data.gazetteer.load_file(file);
    } catch (const std::runtime_error& e) {
        throw UsageError(e.what());
    }
    data.files.push_back(BoilerplateRules::builtin_path());
    data.files.insert(data.files.end(), options.boilerplate_files.begin(), options.boilerplate_files.end());
    for (const auto& file : json_files_in(Gazetteer::builtin_directory())) data.files.push_back(file);
    data.files.insert(data.files.end(), options.actor_files.begin(), options.actor_files.end());
    for (const auto& file : RecognizerFiles::builtin().all()) data.files.push_back(file);
    for (const auto& file : Geography::data_files(Geography::builtin_directory())) data.files.push_back(file);
    return data;
}

std::string ProcessingData::fingerprint(const IndexerOptions& options) const {
    std::string all(processing_version);
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        all += '\x1f' + bytes.str();
    }
    std::string fingerprint = stable_hash_hex128(all);
    if (options.year) fingerprint += 'y' + std::to_string(*options.year);
    return fingerprint;
}

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
    processed.actors =
        indexed_actors(cleaned, processed.date, settings.recognizer, settings.gazetteer, settings.geography);
    return processed;
}

}  // namespace newsdex
