#include "searcher/export/match_exporter.hpp"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>

#include "common/join.hpp"
#include "common/schema.hpp"
#include "searcher/facets/string_interner.hpp"
#include "searcher/render/csv_row.hpp"
#include "searcher/render/render_json.hpp"

namespace newsdex {
namespace {

constexpr auto progress_interval = std::chrono::milliseconds(250);

// Names joined for one CSV field. A name holding the separator would read as two: none does
// in practice (names are capitalised words), and JSON Lines keeps them as lists.
std::string names(const std::vector<std::string>& list) { return join(list, "; "); }

// A document as the reading thread takes it from the index, for the writing thread to decode
// and format.
struct ReadDocument {
    std::string data;
    std::string cluster;
    Xapian::docid docid = 0;
    std::size_t near_copies = 0;
};
using Batch = std::vector<ReadDocument>;

// Documents a batch holds: the threads meet once per batch, not once per document.
constexpr std::size_t batch_size = 256;

// Hands batches from the reading thread to the writing one. At most `capacity` wait, so memory
// stays bounded whichever thread is faster.
class BatchQueue {
public:
    explicit BatchQueue(std::size_t capacity) : m_capacity(capacity) {}

    // False once the queue is closed: nobody will take the batch.
    bool push(Batch batch) {
        std::unique_lock lock(m_mutex);
        m_not_full.wait(lock, [&] { return m_closed || m_batches.size() < m_capacity; });
        if (m_closed) return false;
        m_batches.push_back(std::move(batch));
        m_not_empty.notify_one();
        return true;
    }

    // The next batch; std::nullopt once the queue is closed and empty.
    std::optional<Batch> pop() {
        std::unique_lock lock(m_mutex);
        m_not_empty.wait(lock, [&] { return m_closed || !m_batches.empty(); });
        if (m_batches.empty()) return std::nullopt;
        Batch batch = std::move(m_batches.front());
        m_batches.pop_front();
        m_not_full.notify_one();
        return batch;
    }

    void close() {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_not_empty.notify_all();
        m_not_full.notify_all();
    }

private:
    std::size_t m_capacity;
    std::mutex m_mutex;
    std::condition_variable m_not_empty, m_not_full;
    std::deque<Batch> m_batches;
    bool m_closed = false;
};

// Reads each document it is shown (its stored data and cluster) into batches for the writing
// thread. Xapian shows a match spy every match when check_at_least covers them all, and with no
// result page to fill nothing else is kept.
class ExportSpy : public Xapian::MatchSpy {
public:
    ExportSpy(const Xapian::Database& db, bool stories, BatchQueue& queue) : m_db(db), m_stories(stories), m_queue(queue) {}

    void operator()(const Xapian::Document& document, double) override {
        if (m_stopped) return;
        std::string cluster = document.get_value(schema::slot_cluster);
        if (m_stories && !cluster.empty() && !m_clusters.intern(cluster).second) return;
        std::size_t near_copies = 0;
        if (!cluster.empty()) {
            const Xapian::doccount members = m_db.get_termfreq(schema::boolean_term(schema::cluster_prefix, cluster));
            near_copies = members > 0 ? members - 1 : 0;
        }
        m_batch.push_back({document.get_data(), std::move(cluster), document.get_docid(), near_copies});
        if (m_batch.size() == batch_size) flush();
    }
    Xapian::MatchSpy* clone() const override { return nullptr; }  // local databases only
    std::string name() const override { return "newsdex.ExportSpy"; }

    // Hands over the last, partly filled batch.
    void flush() {
        if (!m_batch.empty() && !m_queue.push(std::move(m_batch))) m_stopped = true;  // the writer failed
        m_batch = Batch();
        m_batch.reserve(batch_size);
    }

private:
    const Xapian::Database& m_db;
    bool m_stories;
    BatchQueue& m_queue;
    Batch m_batch;
    bool m_stopped = false;
    StringInterner m_clusters;  ///< clusters already read, when reading stories
};

// Decodes and formats the documents read, on the writing thread.
class RecordWriter {
public:
    RecordWriter(const ExportSettings& settings, std::ostream& out, const ExportProgress& progress)
        : m_settings(settings), m_out(out), m_progress(progress), m_last_report(std::chrono::steady_clock::now()) {}

    void write(const Batch& batch) {
        m_buffer.clear();
        for (const ReadDocument& document : batch) {
            LookedUpArticle found{m_settings.body ? schema::decode(document.data) : schema::decode_without_body(document.data),
                                  document.cluster, document.docid};
            if (m_settings.format == ExportFormat::csv) {
                write_csv(found, document.near_copies);
            } else {
                write_json(found, document.near_copies);
            }
        }
        m_out << m_buffer;
        m_written += batch.size();
        if (m_progress) report();
    }

    [[nodiscard]] std::size_t written() const { return m_written; }

private:
    void write_csv(const LookedUpArticle& found, std::size_t near_copies) {
        const schema::StoredArticle& a = found.article;
        std::vector<std::string> copy_ids;
        for (const auto& seen : a.also_seen) copy_ids.push_back(seen.id);
        std::vector<std::string> fields{a.id,          a.title,       a.date,        a.date_precision,
                                        a.source,      a.url,         a.author,      a.lang,
                                        names(a.persons), names(a.orgs), names(a.places), found.cluster,
                                        std::to_string(a.also_seen.size()), names(copy_ids), std::to_string(near_copies)};
        if (m_settings.body) fields.push_back(schema::body_text(a));
        m_buffer += csv_row(fields);
    }

    void write_json(const LookedUpArticle& found, std::size_t near_copies) {
        nlohmann::json record = article_json(found);
        if (!m_settings.body) {
            record.erase("paragraphs");
            record.erase("body");
        }
        record["near_copies"] = near_copies;
        m_buffer += record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        m_buffer += '\n';
    }

    void report() {
        const auto now = std::chrono::steady_clock::now();
        if (now - m_last_report < progress_interval) return;
        m_last_report = now;
        m_progress(m_written);
    }

    const ExportSettings& m_settings;
    std::ostream& m_out;
    const ExportProgress& m_progress;
    std::chrono::steady_clock::time_point m_last_report;
    std::string m_buffer;
    std::size_t m_written = 0;
};

}  // namespace

std::vector<std::string> export_csv_header(bool body) {
    std::vector<std::string> header{"id",     "title", "date",   "date_precision", "source",   "url",
                                    "author", "lang",  "person", "org",            "place",    "cluster",
                                    "copies", "copy_ids", "near_copies"};
    if (body) header.emplace_back("body");
    return header;
}

std::size_t export_matches(const Xapian::Database& db, const Xapian::Query& query, const ExportSettings& settings,
                           std::ostream& out, const ExportProgress& progress) {
    if (settings.format == ExportFormat::csv) out << csv_row(export_csv_header(settings.body));
    // Reading (Xapian, which is not thread-safe, and zlib) stays on this thread; decoding and
    // formatting, half the work, go to another, so an export uses two cores.
    BatchQueue queue(4);
    RecordWriter writer(settings, out, progress);
    std::exception_ptr failure;
    std::thread writing([&] {
        try {
            while (auto batch = queue.pop()) writer.write(*batch);
        } catch (...) {
            failure = std::current_exception();
            queue.close();
        }
    });
    ExportSpy spy(db, settings.stories, queue);
    try {
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        // Every match is visited in docid order and none is ranked, so weights are not computed.
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_docid_order(Xapian::Enquire::ASCENDING);
        enquire.add_matchspy(&spy);
        (void)enquire.get_mset(0, 0, db.get_doccount());
        spy.flush();
    } catch (...) {
        queue.close();
        writing.join();
        throw;
    }
    queue.close();
    writing.join();
    if (failure) std::rethrow_exception(failure);
    if (progress) progress(writer.written());
    return writer.written();
}

}  // namespace newsdex
