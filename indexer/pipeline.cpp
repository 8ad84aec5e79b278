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
#include "indexer/article_processor.hpp"
#include "indexer/clean/source_boilerplate.hpp"
#include "indexer/dedup/judge.hpp"
#include "indexer/progress.hpp"
#include "indexer/read/article_reader.hpp"
#include "indexer/read/latest_records.hpp"
#include "indexer/read/stdin_spool.hpp"
#include "indexer/write/document_builder.hpp"
#include "indexer/write/index_writer.hpp"

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

// What the first pass over the input learns: the boilerplate each source repeats, and which
// record of each id comes last. Problems are reported by the second, real pass, so this one
// reads silently. Nothing else can run before it ends, so with helper threads one of them
// learns from each batch while this thread reads the next.
void first_pass(const std::vector<InputSource>& sources, const ReaderLimits& limits, const IndexerOptions& options,
                const std::string& fingerprint, SourceBoilerplate& learned, LatestRecords& latest) {
    std::ostringstream discard;
    Diagnostics quiet("news-index", discard);
    ArticleReader reader(sources, quiet, limits);
    // Batches are learned from in input order, one at a time, so the result is the same
    // whatever the threads.
    auto learn = [&](std::vector<Article> batch) {
        for (auto& article : batch) {
            if (options.year) article.reference_year = options.year;
            learned.observe(article);
            latest.observe(article, record_hash(article, fingerprint));
        }
    };
    const auto launch = options.workers > 0 ? std::launch::async : std::launch::deferred;
    std::future<void> learning;
    std::vector<Article> batch;
    while (reader.next_batch(batch, batch_size)) {
        if (learning.valid()) learning.get();
        learning = std::async(launch, learn, std::move(batch));
        batch = {};
    }
    if (learning.valid()) learning.get();
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

void count(IndexSummary& summary, const Processed& item, const Verdict& verdict,
           std::set<std::string>& joined_clusters) {
    ++summary.read;
    switch (verdict.kind) {
        case Verdict::Kind::unchanged: ++summary.unchanged; return;
        case Verdict::Kind::copy: ++summary.duplicates; return;
        case Verdict::Kind::added: break;
    }
    ++summary.indexed;
    if (verdict.replaces) ++summary.replaced;
    ++(item.article.date ? summary.dated : summary.undated);
    for (const auto& removal : item.article.removed) ++summary.paragraphs_removed[std::string(to_string(removal.reason))];
    if (verdict.near_copy) {
        ++summary.near_duplicates;
        joined_clusters.insert(verdict.cluster);
    }
}

bool stop_requested(const IndexerOptions& options) { return options.stop && options.stop->load(); }

// --sync: removes the articles whose id the input no longer holds, with the same journaled
// amendments as every other change, applied when the run's last segment is listed. Nothing is
// removed when the input could not be read whole (a rejected file is not a deleted one), when
// it holds no article at all (an unmounted disk is not an emptied folder), or after a stop.
std::size_t remove_absent(const IndexerOptions& options, Diagnostics& diagnostics, const IndexSummary& summary,
                          Judge& judge, IndexWriter& writer) {
    const Origin where{options.db.string(), 0};
    if (summary.stopped) return 0;
    if (diagnostics.rejected() > 0) {
        diagnostics.warn(where, "--sync removed nothing: some input was rejected, and an article read this time "
                                "is not one that disappeared");
        return 0;
    }
    if (summary.read == 0) {
        diagnostics.warn(where, "--sync removed nothing: the inputs hold no article");
        return 0;
    }
    Verdict removals = judge.remove_absent();
    const std::size_t removed = removals.amendments.size();
    writer.apply(removals, Xapian::Document());
    return removed;
}

}  // namespace

IndexSummary run_pipeline(const IndexerOptions& options, Diagnostics& diagnostics, std::ostream& progress_out) {
    auto start = std::chrono::steady_clock::now();
    StageTimes times;

    ProcessingData data = ProcessingData::load(options);
    std::vector<InputSource> sources = expand_inputs(options.inputs, diagnostics);

    // The writer before any reading: it takes the index's lock, so a second run stops at once.
    IndexWriter writer(options.db, {options.commit_every, options.writer_threads});
    MinHasher hasher;
    const std::string fingerprint = data.fingerprint(options);

    // Standard input is read twice like the files, from a copy.
    std::optional<StdinSpool> spool;
    if (reads_stdin(sources)) {
        spool.emplace();
        sources = spool->redirect(std::move(sources));
    }
    const ReaderLimits limits{options.max_article_bytes, options.max_paragraphs};
    SourceBoilerplate learned;
    LatestRecords latest;
    {
        StageTimer timer(&times, Stage::read);
        first_pass(sources, limits, options, fingerprint, learned, latest);
    }
    Judge judge(writer.index(), hasher, &latest, options.sync ? AbsentArticles::removed : AbsentArticles::kept);
    writer.on_publish([&judge](const Publication& publication) { judge.published(publication); });
    Cleaner cleaner(std::move(data.rules), &learned);
    ProcessingSettings settings{cleaner, data.gazetteer, data.recognizer, data.geography, hasher, fingerprint,
                                options.year, options.max_term_bytes};
    ArticleReader reader(std::move(sources), diagnostics, limits);

    Progress progress(progress_out, options.progress);
    IndexSummary summary;
    std::set<std::string> joined_clusters;

    // Workers process batches while this thread reads the next ones, then judges and writes
    // finished ones in input order, so the index is the same whatever the number of threads.
    std::deque<std::future<std::vector<Processed>>> in_flight;
    auto write_oldest = [&] {
        for (auto& item : in_flight.front().get()) {
            Verdict verdict;
            {
                StageTimer timer(&times, Stage::dedup);
                verdict = judge.decide(item.article);
            }
            writer.apply(verdict, std::move(item.document));
            count(summary, item, verdict, joined_clusters);
        }
        in_flight.pop_front();
        progress.update(summary.read, reader.bytes_read());
    };
    std::vector<Article> batch;
    // Reads the next batch, leaving out (and counting) older versions that a later record of
    // the input replaces, and the articles the index already holds as they are, so that they
    // cost no cleaning or tokenising.
    auto read_batch = [&] {
        StageTimer timer(&times, Stage::read);
        while (!stop_requested(options) && reader.next_batch(batch, batch_size)) {
            // --strict: the first rejected record ends the run; the index stays as it was at
            // the last listing of a segment, because nothing after it is ever listed.
            if (options.strict && diagnostics.rejected() > 0) {
                throw FatalError("stopped at the first rejected record (--strict); the index is as it was");
            }
            std::erase_if(batch, [&](Article& article) {
                if (auto later = latest.later_record(article)) {
                    diagnostics.warn(article.origin, "id \"" + article.id + "\" comes again at " +
                                                         Diagnostics::location(*later) + "; only that record is indexed");
                    ++summary.read;
                    ++summary.older_versions;
                    return true;
                }
                if (options.year) article.reference_year = options.year;
                if (!judge.is_unchanged(article.id, record_hash(article, settings.fingerprint))) return false;
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
    // A stop asked by a signal lists what was written and leaves the merging to the next run.
    summary.stopped = stop_requested(options);
    if (options.sync) summary.removed = remove_absent(options, diagnostics, summary, judge, writer);
    if (auto problem = writer.finish(!summary.stopped)) {
        diagnostics.warn({options.db.string(), 0}, "the index's segments were not merged (" + *problem +
                                                       "); the index is complete, and the next run merges them");
    }
    if (!summary.stopped) {
        if (auto problem = writer.write_facet_columns()) {
            diagnostics.warn({options.db.string(), 0}, "the facet columns were not written (" + *problem +
                                                           "); facets are counted without them, more slowly");
        }
    }
    progress.finish();

    summary.near_duplicate_clusters = joined_clusters.size();
    for (Stage stage : all_stages) summary.stage_seconds[std::string(to_string(stage))] = times.seconds(stage);
    summary.stage_seconds["write"] = writer.write_seconds();
    summary.rejected = diagnostics.rejected();
    summary.warnings = diagnostics.warnings();
    summary.bytes = reader.bytes_read();
    summary.documents = writer.doc_count();
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary;
}

}  // namespace newsdex
