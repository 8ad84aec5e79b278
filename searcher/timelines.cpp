#include "searcher/timelines.hpp"

#include "common/errors.hpp"
#include "common/join.hpp"

namespace newsdex {
namespace {

// The raw date counts of every article matching `query`, counted as the search counts them.
DateCounts count_dates(const Xapian::Database& db, const Xapian::Query& query, const std::vector<std::string>& facets,
                       const FacetCounter& counted) {
    FacetCounter counter(facets, 0, counted.counts_stories(), counted.remote_shards());
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    counter.attach(enquire);
    (void)enquire.get_mset(0, 0, db.get_doccount());
    counter.count_rest(db, query);
    return counter.date_counts();
}

}  // namespace

std::string query_label(const std::string& text) {
    return text.find_first_not_of(" \t\r\n") == std::string::npos ? "all articles" : text;
}

std::vector<Timeline> count_timelines(const Xapian::Database& db, const QueryBuilder& builder,
                                      const SearchOptions& options, const FacetCounter& counted) {
    const std::vector<Period> periods = counted.periods();
    if (periods.empty()) {
        if (options.share) throw UsageError("--share needs a date facet: --facet day, week, month or year");
        if (!options.compare.empty()) throw UsageError("--compare needs a date facet: --facet day, week, month or year");
        return {};
    }
    std::vector<std::string> date_facets;
    for (const auto& name : options.facets) {
        if (period_named(name)) date_facets.push_back(name);
    }

    TimelineInput input;
    input.stories = counted.counts_stories();
    const std::string text = join(options.query);
    const bool blank = text.find_first_not_of(" \t\r\n") == std::string::npos;
    if (options.compare.empty() || !blank) {
        input.queries.push_back(query_label(text));
        input.columns.push_back(counted.date_counts());
    }
    for (const auto& other : options.compare) {
        SearchOptions compared = options;
        compared.query = {other};
        input.queries.push_back(query_label(other));
        input.columns.push_back(count_dates(db, builder.build(compared).query, date_facets, counted));
    }
    if (options.share) {
        SearchOptions filters_only = options;
        filters_only.query.clear();
        input.base = count_dates(db, builder.build(filters_only).query, date_facets, counted);
    }

    std::vector<Timeline> timelines;
    for (Period period : periods) {
        input.period = period;
        timelines.push_back(make_timeline(input));
    }
    return timelines;
}

}  // namespace newsdex
