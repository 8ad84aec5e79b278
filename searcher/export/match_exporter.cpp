#include "searcher/export/match_exporter.hpp"

#include <chrono>
#include <string_view>

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

// Writes each document it is shown as one record. Xapian shows a match spy every match when
// check_at_least covers them all, and with no result page to fill nothing else is kept.
class ExportSpy : public Xapian::MatchSpy {
public:
    ExportSpy(const Xapian::Database& db, const ExportSettings& settings, std::ostream& out, const ExportProgress& progress)
        : m_db(db), m_settings(settings), m_out(out), m_progress(progress), m_last_report(std::chrono::steady_clock::now()) {}

    void operator()(const Xapian::Document& document, double) override {
        std::string cluster = document.get_value(schema::slot_cluster);
        if (m_settings.stories && !cluster.empty() && !m_clusters.intern(cluster).second) return;
        const std::string data = document.get_data();
        LookedUpArticle found{m_settings.body ? schema::decode(data) : schema::decode_without_body(data), std::move(cluster),
                              document.get_docid()};
        std::size_t near_copies = 0;
        if (!found.cluster.empty()) {
            const Xapian::doccount members = m_db.get_termfreq(schema::boolean_term(schema::cluster_prefix, found.cluster));
            near_copies = members > 0 ? members - 1 : 0;
        }
        if (m_settings.format == ExportFormat::csv) {
            write_csv(found, near_copies);
        } else {
            write_json(found, near_copies);
        }
        ++m_written;
        if (m_progress && (m_written & 1023) == 0) report();
    }
    Xapian::MatchSpy* clone() const override { return nullptr; }  // local databases only
    std::string name() const override { return "newsdex.ExportSpy"; }

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
        m_out << csv_row(fields);
    }

    void write_json(const LookedUpArticle& found, std::size_t near_copies) {
        nlohmann::json record = article_json(found);
        if (!m_settings.body) {
            record.erase("paragraphs");
            record.erase("body");
        }
        record["near_copies"] = near_copies;
        m_out << record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }

    void report() {
        const auto now = std::chrono::steady_clock::now();
        if (now - m_last_report < progress_interval) return;
        m_last_report = now;
        m_progress(m_written);
    }

    const Xapian::Database& m_db;
    const ExportSettings& m_settings;
    std::ostream& m_out;
    const ExportProgress& m_progress;
    std::chrono::steady_clock::time_point m_last_report;
    StringInterner m_clusters;  ///< clusters already written, when writing stories
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
    ExportSpy spy(db, settings, out, progress);
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    // Every match is visited in docid order and none is ranked, so weights are not computed.
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    enquire.add_matchspy(&spy);
    (void)enquire.get_mset(0, 0, db.get_doccount());
    if (progress) progress(spy.written());
    return spy.written();
}

}  // namespace newsdex
