#include "searcher/search.hpp"

#include <algorithm>
#include <chrono>

#include "common/analyzer.hpp"
#include "common/join.hpp"
#include "common/errors.hpp"
#include "common/schema.hpp"
#include "searcher/parse/actor_names.hpp"
#include "searcher/facets/facet_counter.hpp"
#include "searcher/parse/query_builder.hpp"
#include "searcher/match/coverage_weight.hpp"
#include "searcher/match/relaxation.hpp"
#include "searcher/match/similar.hpp"
#include "searcher/snippets/actor_mentions.hpp"
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

// A plain query of several words finding fewer articles than this is relaxed: the articles
// holding most of its words are shown, at least this many when there are.
constexpr Xapian::doccount relax_below = 3;

// The query with misspelt words corrected, when the corrected query finds clearly more than
// `found` articles (more than twice as many); empty otherwise.
std::string suggestion(const Xapian::Database& db, const QueryBuilder& builder, const SpellingCorrector& corrector,
                       const SearchOptions& options, std::size_t found) {
    auto corrected = corrector.correct_query(join(options.query));
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
    const auto enough = static_cast<Xapian::doccount>(2 * found + 1);
    Xapian::MSet mset = enquire.get_mset(0, enough, enough);
    return mset.get_matches_lower_bound() >= enough ? *corrected : std::string();
}

// Corrections for --actor and --source values that name nothing in the index.
std::vector<FlagSuggestion> flag_suggestions(const SpellingCorrector& corrector, const SearchOptions& options) {
    std::vector<FlagSuggestion> found;
    for (const auto& actor : options.actors) {
        if (auto better = corrector.correct_actor(actor, schema::actor_prefix)) found.push_back({"--actor", actor, *better});
    }
    for (const auto& source : options.sources) {
        if (auto better = corrector.correct_source(source)) found.push_back({"--source", source, *better});
    }
    return found;
}

// The lines that say what remote shards count otherwise than local ones.
constexpr const char* remote_facets_note =
    "facets count articles over remote shards: near copies are counted each (the total counts stories)";
constexpr const char* remote_relaxed_note =
    "relaxed matching (articles holding most of the words) is not available over remote shards";

// How one pass of matching weighs and cuts: BM25 for a normal search; CoverageWeight and a
// weight cutoff for a relaxed one.
struct Ranking {
    const Xapian::Weight* weight = nullptr;  // nullptr: Xapian's BM25
    double cutoff = 0;                       // least weight a result may have
    bool relaxed = false;                    // scores are CoverageWeight's: report their BM25 part
};

// Matches `query`, counts the facets and timelines and makes a snippet for each result on the page.
// With `remote` shards, Xapian's own spies count the facets, on the servers.
SearchResult match(const Xapian::Database& db, const QueryBuilder& builder, const Xapian::Query& query,
                   const Xapian::Stem& stemmer, const SearchOptions& options, const Ranking& ranking, bool remote,
                   const FacetDictionaries& dictionaries, const FacetColumns& columns) {
    auto prepare = [&](Xapian::Enquire& enquire) {
        enquire.set_query(query);
        if (ranking.weight) enquire.set_weighting_scheme(*ranking.weight);
        if (ranking.cutoff > 0) enquire.set_cutoff(0, ranking.cutoff);
    };
    Xapian::Enquire enquire(db);
    prepare(enquire);
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
    // Articles are counted in a pass of their own too: without weights or a page to keep, the
    // matcher visits a match several times faster than the ranked search does, and over several
    // segments the pass reads the facet columns shard by shard (see FacetCounter::count). Not
    // under a weight cutoff, which needs the weights.
    // Remote shards run no spy of ours: Xapian's spies count articles on the collapsed pass.
    const bool facet_pass = !options.facets.empty() && !remote && (options.collapse || ranking.cutoff == 0);
    FacetCounter facets(options.facets, options.facet_limit, facet_pass && options.collapse, remote ? &db : nullptr,
                        options.facets_from_names ? FacetDictionaries{} : dictionaries,
                        options.facet_columns ? columns : FacetColumns{});
    std::optional<std::size_t> counted_articles;
    if (facet_pass) {
        // Counting needs no weights, unless a weight cutoff decides what matches.
        auto prepare_counting = [&](Xapian::Enquire& counting) {
            prepare(counting);
            if (ranking.cutoff == 0) counting.set_weighting_scheme(Xapian::BoolWeight());
        };
        counted_articles = facets.count(db, query, prepare_counting, ranking.cutoff == 0);
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
    facets.count_rest(db, query);

    SearchResult result;
    result.query = join(options.query);
    result.parsed = query.get_description();
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
    if (!counted_articles && options.collapse && ranking.cutoff > 0) {
        // Xapian's uncollapsed counts ignore a weight cutoff: count the articles apart.
        Xapian::Enquire counting(db);
        prepare(counting);
        counted_articles = counting.get_mset(0, 0, db.get_doccount()).get_matches_lower_bound();
    }
    if (remote && options.collapse && !facets.empty()) {
        // The spies saw every match before collapsing.
        counted_articles = facets.counted();
        // When no story has two matching articles, the counts are the stories' too.
        if (*counted_articles > result.total) result.notes.push_back(remote_facets_note);
    }
    result.stories = options.collapse;
    result.articles = counted_articles.value_or(!options.collapse ? result.total
                                                : exact           ? mset.get_uncollapsed_matches_lower_bound()
                                                                  : mset.get_uncollapsed_matches_estimated());
    result.articles = std::max(result.articles, result.total);
    result.snippets = options.snippet_length > 0;
    result.offset = options.offset;
    QueryWords words(query, stemmer);
    // A query of filters alone shows where each article names the actors it filters on.
    const std::vector<std::string> actors = words.empty() ? filtered_actors(query) : std::vector<std::string>();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit hit;
        hit.rank = it.get_rank() + 1;  // get_rank() counts from the start of the list, not the page
        hit.score = ranking.relaxed ? bm25_in_weight(it.get_weight()) : it.get_weight();
        Xapian::Document document = it.get_document();
        hit.article = schema::decode(document.get_data());
        hit.cluster = document.get_value(schema::slot_cluster);
        hit.duplicates = options.collapse ? it.get_collapse_count() : 0;
        if (result.snippets && !actors.empty()) {
            Xapian::Query named = actor_mentions_query(hit.article, actors);
            hit.snippet = make_snippet(hit.article, QueryWords(named, stemmer_for(hit.article.lang)), options.snippet_length);
        } else if (result.snippets) {
            hit.snippet = make_snippet(hit.article, words, options.snippet_length);
        }
        result.hits.push_back(std::move(hit));
    }
    result.facets = facets.results();
    result.timelines = count_timelines(db, builder, options, facets);
    return result;
}

// Whether `built` is a plain query of several words, which relaxed matching may rank.
bool relaxable(const BuiltQuery& built) {
    return built.word_count >= 2 && built.word_count <= max_covered_words && !built.words.empty();
}

// The search again over the articles that hold most of the words of `built`, when it is a
// plain query of several words; std::nullopt when it is not, or when too few articles hold
// even half of them.
std::optional<SearchResult> relaxed_search(const OpenIndex& index, const QueryBuilder& builder, const BuiltQuery& built,
                                           const SearchOptions& options, std::size_t all_words) {
    const Xapian::Database& db = index.db;
    if (!relaxable(built)) return std::nullopt;
    const Xapian::Query query = relaxed_query(built.words, built.filter, built.boost);
    auto min_words = choose_min_words(db, query, built.word_count, options.collapse, relax_below);
    if (!min_words) return std::nullopt;
    const CoverageWeight weight;
    SearchResult result =
        match(db, builder, query, built.stemmer, options, {&weight, min_weight_for_words(*min_words), true}, false,
              index.facet_dictionaries, index.facet_columns);
    if (result.total <= all_words) return std::nullopt;  // the words' articles are the ones already found
    result.relaxed = RelaxedMatch{built.word_count, *min_words, all_words};
    return result;
}

}  // namespace

SearchResult run_search(const OpenIndex& index, const SearchOptions& options) {
    auto start = std::chrono::steady_clock::now();
    const Xapian::Database& db = index.db;

    ActorNames names(db, *index.gazetteer);
    QueryBuilder builder(db, names);
    BuiltQuery built = builder.build(options);
    if (options.similar) {
        Xapian::Query like = similar_query(db, *options.similar).value_or(Xapian::Query::MatchNothing);
        // Query words and filters narrow the similar articles down without changing their order.
        built.query = built.match_all && !built.filtered ? like
                                                         : Xapian::Query(Xapian::Query::OP_FILTER, like, built.query);
        built.match_all = false;
        built.words.clear();
        built.word_count = 0;
    }

    SearchResult result =
        match(db, builder, built.query, built.stemmer, options, {}, index.remote, index.facet_dictionaries, index.facet_columns);
    if (options.similar) result.similar = *options.similar;
    const std::size_t strict_total = result.total;
    if (strict_total < relax_below) {
        // Hardly any article holds every word: rank those holding most of them instead.
        if (!index.remote) {
            if (auto relaxed = relaxed_search(index, builder, built, options, strict_total)) result = std::move(*relaxed);
        } else if (relaxable(built)) {
            // Relaxed matching weighs with CoverageWeight, which xapian-tcpsrv cannot run.
            result.notes.push_back(remote_relaxed_note);
        }
    }
    if (strict_total < suggest_below) {
        const SpellingCorrector corrector(db, built.stemmer, &names);
        if (!options.similar && !built.match_all) result.suggestion = suggestion(db, builder, corrector, options, strict_total);
        result.flag_suggestions = flag_suggestions(corrector, options);
    } else if (built.word_count > 0) {
        // The words found articles, by their stems; a word no article writes is still mistyped.
        const SpellingCorrector corrector(db, built.stemmer, &names);
        result.suggestion = corrector.correct_unwritten(join(options.query)).value_or("");
    }
    result.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return result;
}

}  // namespace newsdex
