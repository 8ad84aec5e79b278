#include "searcher/search.hpp"

#include <chrono>

#include "common/join.hpp"
#include "common/errors.hpp"
#include "common/schema.hpp"
#include "searcher/parse/actor_names.hpp"
#include "searcher/facets/facet_counter.hpp"
#include "searcher/parse/query_builder.hpp"
#include "searcher/match/similar.hpp"
#include "searcher/snippets/snippeter.hpp"
#include "searcher/spelling/spelling.hpp"
#include "searcher/timelines.hpp"

namespace newsdex {
namespace fs = std::filesystem;
namespace {

// Indexes up to this size always get exact totals: visiting every match costs well under a
// millisecond there.
constexpr Xapian::doccount exact_total_below = 20000;

// A query finding fewer articles than this gets a spelling suggestion, when one finds more.
constexpr std::size_t suggest_below = 3;

// The query with misspelt words corrected, when the corrected query finds more than `found`
// articles; empty otherwise.
std::string suggestion(const Xapian::Database& db, const QueryBuilder& builder, const SearchOptions& options,
                       const BuiltQuery& built, std::size_t found) {
    auto corrected = SpellingCorrector(db, built.stemmer).correct_query(join(options.query));
    if (!corrected) return {};
    SearchOptions retry = options;
    retry.query = {*corrected};
    Xapian::Enquire enquire(db);
    try {
        enquire.set_query(builder.build(retry).query);
    } catch (const UsageError&) {
        return {};
    }
    if (options.collapse) enquire.set_collapse_key(schema::slot_cluster);
    const auto enough = static_cast<Xapian::doccount>(found + 1);
    Xapian::MSet mset = enquire.get_mset(0, 0, enough);
    return mset.get_matches_lower_bound() >= enough ? *corrected : std::string();
}

}  // namespace

SearchResult run_search(const OpenIndex& index, const SearchOptions& options) {
    auto start = std::chrono::steady_clock::now();
    const Xapian::Database& db = index.db;

    ActorNames names(db, index.gazetteer);
    QueryBuilder builder(db, names);
    BuiltQuery built = builder.build(options);
    if (options.similar) {
        Xapian::Query like = similar_query(db, *options.similar).value_or(Xapian::Query::MatchNothing);
        // Query words and filters narrow the similar articles down without changing their order.
        built.query = built.match_all && !built.filtered ? like
                                                         : Xapian::Query(Xapian::Query::OP_FILTER, like, built.query);
        built.match_all = false;
    }

    Xapian::Enquire enquire(db);
    enquire.set_query(built.query);
    // Ties fall to docid order, which the indexer keeps the same whatever --threads was.
    if (options.sort == "date" || options.sort == "-date") {
        // Newest first for "date"; the relevance order breaks ties.
        enquire.set_sort_by_value_then_relevance(schema::slot_date, options.sort == "date");
    } else if (options.sort != "relevance") {
        throw UsageError("--sort must be relevance, date or -date, not \"" + options.sort + "\"");
    }
    if (options.collapse) enquire.set_collapse_key(schema::slot_cluster);

    // Facets count stories when collapsing. Xapian's collapsing of every match costs several
    // times the counting itself, so the counts come from a pass of their own without it, whose
    // spy counts each cluster once; it also gives the exact total.
    const bool facet_pass = !options.facets.empty() && options.collapse;
    FacetCounter facets(options.facets, options.facet_limit, facet_pass);
    if (facet_pass) {
        Xapian::Enquire counting(db);
        counting.set_query(built.query);
        facets.attach(counting);
        counting.get_mset(0, 0, db.get_doccount());
    } else {
        facets.attach(enquire);
    }
    // Facet counts, --count and small indexes visit every match, so counts and the total are
    // exact; otherwise the matcher looks a little past the page and the total is an estimate
    // (collapsing makes estimates coarse, hence the margin).
    const bool exact = (!facets.empty() && !facet_pass) || options.count_only || db.get_doccount() <= exact_total_below;
    Xapian::doccount check_at_least =
        exact ? db.get_doccount() : static_cast<Xapian::doccount>(options.offset + options.limit + 1000);
    // The counting pass gave the total, so an empty page needs no matching. With collapsing, an
    // empty page and any check_at_least above 0, Xapian 1.4 may walk every match again (23 ms for
    // the 79k matches of "said" in a 95k index).
    if (facet_pass && options.limit == 0) check_at_least = 0;

    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(options.offset),
                                         static_cast<Xapian::doccount>(options.limit), check_at_least);

    SearchResult result;
    result.query = join(options.query);
    result.parsed = built.query.get_description();
    result.total = mset.get_matches_estimated();
    result.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    if (exact) {
        // Every match was visited, so the lower bound is the count. With collapsing, Xapian
        // 1.4's estimate drifts from it under NOT: BBC "economy -growth" gave 100 for 86
        // stories (87 articles).
        result.total = mset.get_matches_lower_bound();
        result.total_exact = true;
    }
    if (facet_pass) {
        result.total = facets.counted();
        result.total_exact = true;
    }
    result.offset = options.offset;
    QueryWords words(built.query, built.stemmer);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit hit;
        hit.rank = it.get_rank() + 1;  // get_rank() counts from the start of the list, not the page
        hit.score = it.get_weight();
        Xapian::Document document = it.get_document();
        hit.article = schema::decode(document.get_data());
        hit.cluster = document.get_value(schema::slot_cluster);
        hit.duplicates = options.collapse ? it.get_collapse_count() : 0;
        hit.snippet = make_snippet(hit.article, words, options.snippet_length);
        result.hits.push_back(std::move(hit));
    }
    result.facets = facets.results();
    result.timelines = count_timelines(db, builder, options, facets);
    if (!options.similar && !options.count_only && !built.match_all && result.total < suggest_below) {
        result.suggestion = suggestion(db, builder, options, built, result.total);
    }
    result.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return result;
}

}  // namespace newsdex
