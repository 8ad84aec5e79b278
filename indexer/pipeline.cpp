#include "indexer/pipeline.hpp"

#include <algorithm>
#include <chrono>
#include <set>
#include <deque>
#include <fstream>
#include <future>
#include <iostream>
#include <sstream>
#include <thread>

#include "common/errors.hpp"
#include "common/stable_hash.hpp"
#include "indexer/read/article_reader.hpp"
#include "indexer/article_processor.hpp"
#include "indexer/write/document_builder.hpp"
#include "indexer/write/index_writer.hpp"
#include "indexer/progress.hpp"
#include "indexer/clean/source_boilerplate.hpp"

namespace newsdex {
namespace fs = std::filesystem;
namespace {

// Articles handed to a worker at a time: large enough to amortise the hand-over, small enough
// to keep every core busy on small inputs.
constexpr std::size_t batch_size = 256;

struct Processed {
    ProcessedArticle article;
    Xapian::Document document;
};

// Corpus-level boilerplate is learned from a first pass over the input files. Standard input
// cannot be read twice, so articles read from it teach nothing. Problems are reported by the
// second, real pass, so this one reads silently.
void learn_source_boilerplate(const std::vector<InputSource>& sources, const ReaderLimits& limits,
                              SourceBoilerplate& learned) {
    std::vector<InputSource> files;
    std::copy_if(sources.begin(), sources.end(), std::back_inserter(files),
                 [](const InputSource& source) { return !source.is_stdin; });
    std::ostringstream discard;
    Diagnostics quiet("news-index", discard);
    ArticleReader reader(std::move(files), quiet, limits);
    std::vector<Article> batch;
    while (reader.next_batch(batch, batch_size)) {
        for (const auto& article : batch) learned.observe(article);
    }
}

std::vector<Processed> process_batch(std::vector<Article> batch, const ProcessingSettings& settings,
                                     Diagnostics& diagnostics, StageTimes& times) {
    std::vector<Processed> out;
    out.reserve(batch.size());
    Xapian::TermGenerator generator;
    Stemmers stemmers;
    generator.set_max_word_length(static_cast<unsigned>(settings.max_word_bytes));
    for (auto& article : batch) {
        ProcessedArticle processed = process_article(std::move(article), settings, diagnostics, &times);
        StageTimer timer(&times, Stage::index);
        Xapian::Document document = build_document(processed, generator, stemmers);
        out.push_back({std::move(processed), std::move(document)});
    }
    return out;
}

void count(IndexSummary& summary, const Processed& item, const WriteResult& result,
           std::set<std::string>& joined_clusters) {
    ++summary.read;
    switch (result.outcome) {
        case WriteOutcome::unchanged: ++summary.unchanged; return;
        case WriteOutcome::duplicate: ++summary.duplicates; return;
        case WriteOutcome::replaced: ++summary.replaced; [[fallthrough]];
        case WriteOutcome::added: break;
    }
    ++summary.indexed;
    ++(item.article.date ? summary.dated : summary.undated);
    for (const auto& removal : item.article.removed) ++summary.paragraphs_removed[std::string(to_string(removal.reason))];
    if (result.near_duplicate) {
        ++summary.near_duplicates;
        joined_clusters.insert(result.cluster);
    }
}

}  // namespace

IndexSummary run_pipeline(const IndexerOptions& options, Diagnostics& diagnostics, std::ostream& progress_out) {
    auto start = std::chrono::steady_clock::now();
    StageTimes times;

    ProcessingData data = ProcessingData::load(options);

    // The writer first: it takes the index's lock, so a second run stops before any work.
    MinHasher hasher;
    IndexWriter writer(options.db, {options.commit_every, options.writer_threads}, hasher);

    std::vector<InputSource> sources = expand_inputs(options.inputs, diagnostics);
    SourceBoilerplate learned;
    {
        StageTimer timer(&times, Stage::clean);
        learn_source_boilerplate(sources, {options.max_article_bytes, options.max_paragraphs}, learned);
    }
    Cleaner cleaner(std::move(data.rules), &learned);
    ProcessingSettings settings{cleaner,          data.gazetteer,          data.recognizer, hasher,
                                data.fingerprint(options), options.year, options.max_term_bytes};

    const ReaderLimits limits{options.max_article_bytes, options.max_paragraphs};
    ArticleReader reader(std::move(sources), diagnostics, limits);

    Progress progress(progress_out, options.progress);
    IndexSummary summary;
    std::set<std::string> joined_clusters;

    // Workers process batches while this thread reads the next ones and writes finished ones
    // in input order, so the index is the same whatever the number of threads.
    std::deque<std::future<std::vector<Processed>>> in_flight;
    auto write_oldest = [&] {
        for (auto& item : in_flight.front().get()) {
            WriteResult result = writer.write(item.article, std::move(item.document));
            count(summary, item, result, joined_clusters);
        }
        in_flight.pop_front();
        progress.update(summary.read, reader.bytes_read());
    };
    std::vector<Article> batch;
    // Reads the next batch, leaving out (and counting) the articles the index already holds
    // as they are, so that they cost no cleaning or tokenising.
    auto read_batch = [&] {
        StageTimer timer(&times, Stage::read);
        while (reader.next_batch(batch, batch_size)) {
            // --strict: the first rejected record ends the run; the index stays as it was at
            // the last listing of a segment, because nothing after it is ever listed.
            if (options.strict && diagnostics.rejected() > 0) {
                throw FatalError("stopped at the first rejected record (--strict); the index is as it was");
            }
            std::erase_if(batch, [&](Article& article) {
                if (options.year) article.reference_year = options.year;
                if (!writer.known_unchanged(article.id, record_hash(article, settings.fingerprint))) return false;
                ++summary.read;
                ++summary.unchanged;
                return true;
            });
            if (!batch.empty()) return true;
        }
        return false;
    };
    // One thread does everything itself: a deferred batch is processed when it is written.
    const auto launch = options.workers > 0 ? std::launch::async : std::launch::deferred;
    while (read_batch()) {
        in_flight.push_back(std::async(launch, process_batch, std::move(batch), std::cref(settings),
                                       std::ref(diagnostics), std::ref(times)));
        if (in_flight.size() > std::max(options.workers, 1u)) write_oldest();
    }
    while (!in_flight.empty()) write_oldest();
    if (options.strict && diagnostics.rejected() > 0) {
        throw FatalError("stopped at the first rejected record (--strict); the index is as it was");
    }
    writer.finish();
    progress.finish();

    summary.near_duplicate_clusters = joined_clusters.size();
    for (Stage stage : all_stages) summary.stage_seconds[std::string(to_string(stage))] = times.seconds(stage);
    summary.stage_seconds["dedup"] += writer.dedup_seconds();
    summary.stage_seconds["write"] = writer.write_seconds();
    summary.rejected = diagnostics.rejected();
    summary.warnings = diagnostics.warnings();
    summary.bytes = reader.bytes_read();
    summary.documents = writer.doc_count();
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary;
}

}  // namespace newsdex
