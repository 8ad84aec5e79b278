// newsdex-actor-score: scores actor extraction against hand labels. On a CoNLL-2003 file it
// scores the recogniser at mention level (exact span and type, with and without the confidence
// thresholds) and the full extraction at document level; on a labels file such as
// tests/data/actors_bbc_labels.json it scores the full extraction as the [actor_quality] test
// does. Both score what news-index stores: the actors, then the places as geography (the
// dateline's place, countries named in organisation names, countries written only by
// nationality). --speed times the full extraction over a directory of articles.
#include <algorithm>
#include <ctime>
#include <sstream>
#include <functional>
#include <iomanip>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "common/cli/cli_support.hpp"
#include "common/diagnostics.hpp"
#include "indexer/read/text_reader.hpp"
#include "indexer/extract/actors.hpp"
#include "indexer/extract/date_extractor.hpp"
#include "indexer/extract/ner/train/actor_scoring.hpp"
#include "indexer/extract/ner/train/ner_evaluation.hpp"

namespace {

using namespace newsdex;
using Extractor = std::function<std::vector<Actor>(const Article&)>;

constexpr const char* type_names[] = {"person", "org", "place"};

// A .txt article as news-index reads it (headline, paragraphs, entities decoded, text normalised).
Article read_article(const std::filesystem::path& file) {
    std::ostringstream discard;
    Diagnostics quiet("newsdex-actor-score", discard);
    std::optional<Article> article = read_text_file(file, quiet);
    if (!article) throw std::runtime_error(file.string() + ": not an article");
    return std::move(*article);
}

void print_mention_table(const char* title, const TypeCounts& counts) {
    std::cout << "\n" << title << "\n\n| type | precision | recall | F1 | found | gold |\n|---|---:|---:|---:|---:|---:|\n";
    for (EntityType type : {EntityType::person, EntityType::org, EntityType::place, EntityType::misc}) {
        const MatchCounts& c = counts[static_cast<std::size_t>(type)];
        std::cout << "| " << conll_name(type) << " | " << c.precision() << " | " << c.recall() << " | " << c.f1() << " | "
                  << c.found << " | " << c.expected << " |\n";
    }
    const MatchCounts all = overall(counts, false);
    std::cout << "| PER+ORG+LOC | " << all.precision() << " | " << all.recall() << " | " << all.f1() << " | " << all.found
              << " | " << all.expected << " |\n";
}

void print_actor_table(const char* title, const ActorTypeCounts& counts) {
    std::cout << "\n" << title << "\n\n| type | precision | recall | F1 | actors found | labelled |\n|---|---:|---:|---:|---:|---:|\n";
    for (std::size_t t = 0; t < 3; ++t) {
        const ActorCounts& c = counts[t];
        std::cout << "| " << type_names[t] << " | " << c.precision() << " | " << c.recall() << " | " << c.f1() << " | "
                  << c.found << " | " << c.expected << " |\n";
    }
}

void score_conll(const std::filesystem::path& file, const EntityRecognizer& recognizer, const Extractor& extract,
                 const Gazetteer& gazetteer, bool show_errors) {
    const ConllCorpus corpus = ConllCorpus::load(file);
    std::cout << file.string() << ": " << corpus.documents().size() << " documents, " << corpus.token_count() << " tokens\n";
    {
        TypeCounts raw{}, kept{};
        for (const auto& document : corpus.documents()) {
            const auto entities = recognizer.recognise(document.document, gazetteer);
            for (std::size_t s = 0; s < document.labels.size(); ++s) {
                std::vector<EntitySpan> all, confident;
                for (const auto& e : entities) {
                    if (e.sentence != s) continue;
                    all.push_back({e.begin, e.end, e.type});
                    if (e.confident) confident.push_back({e.begin, e.end, e.type});
                }
                const auto gold = entity_spans(document.labels[s]);
                count_mentions(gold, all, raw);
                count_mentions(gold, confident, kept);
            }
        }
        print_mention_table("Mention level, recogniser alone (exact span and type), with the confidence thresholds:", kept);
        print_mention_table("Mention level, recogniser alone, every name decoded (no threshold):", raw);
    }
    ActorTypeCounts counts{};
    for (const auto& document : corpus.documents()) {
        const Article article = conll_article(document);
        if (show_errors) std::cerr << "document: " << article.title << '\n';
        count_document_actors(conll_actors(document), extract(article), gazetteer, counts, show_errors ? &std::cerr : nullptr);
    }
    print_actor_table("Document level, full extraction (a gold entity is found when an actor of its type holds all its "
                      "words or the other way round):",
                      counts);
}

// The actors of one labelled article: extracted here, or read from another build's output.
using LabelledExtractor = std::function<std::vector<Actor>(const LabelledArticle&)>;

void score_labels(const std::filesystem::path& labels, const LabelledExtractor& actors_of, const Gazetteer& gazetteer,
                  bool show_errors) {
    ActorTypeCounts counts{}, named_only{}, held{};
    const auto articles = read_actor_labels(labels);
    for (const auto& item : articles) {
        if (show_errors) std::cerr << "article: " << item.file << '\n';
        std::vector<Actor> actors = actors_of(item);
        count_labelled_actors(item.actors, actors, gazetteer, counts, show_errors ? &std::cerr : nullptr);
        count_document_actors(item.actors, actors, gazetteer, held, nullptr, NationalityPlaces::count);
        std::erase_if(actors, [](const Actor& actor) { return actor.country_only; });
        count_labelled_actors(item.actors, actors, gazetteer, named_only);
    }
    std::cout << labels.string() << ": " << articles.size() << " articles\n";
    print_actor_table("Actors per article (exact sets, names mapped through the gazetteer), as [actor_quality] counts; "
                      "a country written only by its nationality counts as a place, as the labels count it:",
                      counts);
    print_actor_table("The same without the countries written only by nationality (the place facet's actors alone):",
                      named_only);
    print_actor_table("Document level as on CoNLL (a labelled name is found when an actor of its type holds all its "
                      "words or the other way round), countries written only by nationality counted:",
                      held);
}

// Actors by article id from news-search --json output ({"results": [{"id", "actors": {"person":
// [...], "org": [...], "place": [...]}}]}), so that another build's or tool's extraction can be
// scored on the same labels.
std::map<std::string, std::vector<Actor>> read_search_actors(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error(file.string() + ": cannot open");
    std::map<std::string, std::vector<Actor>> by_id;
    try {
        const auto answer = nlohmann::json::parse(in);
        for (const auto& result : answer.at("results")) {
            auto& actors = by_id[result.at("id").get<std::string>()];
            for (std::size_t t = 0; t < 3; ++t)
                for (const auto& name : result.at("actors").value(type_names[t], nlohmann::json::array()))
                    actors.emplace_back(name.get<std::string>(), static_cast<ActorType>(t), std::vector<std::string>{});
        }
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(file.string() + ": " + e.what());
    }
    return by_id;
}

void time_extraction(const std::filesystem::path& directory, const Extractor& extract) {
    std::vector<Article> articles;
    std::size_t bytes = 0;
    for (const auto& item : std::filesystem::recursive_directory_iterator(directory)) {
        if (!item.is_regular_file() || item.path().extension() != ".txt") continue;
        articles.push_back(read_article(item.path()));
        bytes += articles.back().title.size();
        for (const auto& p : articles.back().paragraphs) bytes += p.size();
    }
    std::size_t actors = 0;
    // CPU time, not wall time: these machines are shared.
    const std::clock_t start = std::clock();
    for (const auto& article : articles) actors += extract(article).size();
    const double seconds = double(std::clock() - start) / CLOCKS_PER_SEC;
    std::cout << directory.string() << ": " << articles.size() << " articles, " << bytes / articles.size()
              << " bytes each on average, " << actors << " actors\nextraction: " << std::setprecision(1)
              << 1e6 * seconds / double(articles.size()) << " us CPU per article, " << 1e6 * seconds / double(bytes) * 1700
              << " us per 1.7 KB\n";
}

// What the recogniser and the canonicalisation make of one article.
void show_article(const std::filesystem::path& file, const EntityRecognizer& recognizer, const Gazetteer& gazetteer) {
    const Article article = read_article(file);
    const ActorExplanation explanation = explain_actors(article, recognizer, gazetteer);
    std::cout << file.string() << "\nmentions:\n";
    for (const auto& m : explanation.mentions)
        std::cout << "  " << (m.confident ? "  " : "? ") << conll_name(m.type) << " " << std::setprecision(1) << m.margin
                  << "  " << m.text << (m.title.empty() ? "" : "  [title: " + m.title + "]") << '\n';
    std::cout << "actors:\n";
    for (const auto& actor : explanation.actors) {
        std::cout << "  " << (actor.kept ? "" : "(left out) ") << to_string(actor.actor.type) << ": " << actor.actor.name << '\n';
        for (const auto& reason : actor.evidence) std::cout << "      " << reason << '\n';
    }
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Score actor extraction against hand labels.", "newsdex-actor-score"};
    std::filesystem::path conll, labels, corpus, speed, show, extracted;
    bool show_errors = false;
    std::vector<float> thresholds;
    RecognizerFiles files = RecognizerFiles::builtin();
    app.add_option("--conll", conll, "Annotated file (CoNLL-2003 format): mention and document level")->check(CLI::ExistingFile);
    app.add_option("--labels", labels, "Labels file ({\"articles\": [{file, person, org, place}]})")->check(CLI::ExistingFile);
    app.add_option("--extracted", extracted,
                   "Score the actors of this news-search --json answer (ids = label files without .txt) instead of extracting")
        ->check(CLI::ExistingFile);
    app.add_option("--corpus", corpus, "Directory the labels' files are relative to")->check(CLI::ExistingDirectory);
    app.add_option("--speed", speed, "Time the extraction over the .txt articles of a directory")->check(CLI::ExistingDirectory);
    app.add_option("--show", show, "Print the names found in one article file and how they resolved")->check(CLI::ExistingFile);
    app.add_option("--model", files.model, "Model file to score instead of the built-in one (newsdex-train-ner --output)")
        ->check(CLI::ExistingFile);
    app.add_flag("--errors", show_errors, "List every wrong and missed actor on stderr");
    app.add_option("--thresholds", thresholds, "Confidence thresholds of person, org, place and misc instead of the model's")
        ->expected(4);
    return run_cli(app, argc, argv, [&] {
        const Gazetteer gazetteer = Gazetteer::load_builtin();
        const std::clock_t load_start = std::clock();
        EntityRecognizer recognizer = EntityRecognizer::load(files);
        const double load_ms = 1000.0 * double(std::clock() - load_start) / CLOCKS_PER_SEC;
        if (!thresholds.empty()) {
            NerModel model = recognizer.model();
            model.set_thresholds({thresholds[0], thresholds[1], thresholds[2], thresholds[3]});
            recognizer.set_model(std::move(model));
        }
        std::cout << std::fixed << std::setprecision(1) << "recogniser: " << recognizer.model().feature_count()
                  << " features, loaded in " << load_ms << " ms CPU; thresholds (name/lone name)";
        for (EntityType type : {EntityType::person, EntityType::org, EntityType::place, EntityType::misc})
            std::cout << ' ' << conll_name(type) << ' ' << recognizer.model().threshold(type) << '/'
                      << recognizer.model().lone_name_threshold(type);
        std::cout << '\n' << std::setprecision(3);
        const Geography geography = Geography::load_builtin();
        // What news-index stores: the actors, then the places as geography, with the article's date.
        const Extractor extract = [&](const Article& article) {
            return indexed_actors(article, extract_date(article).date, recognizer, gazetteer, geography);
        };
        if (!conll.empty()) score_conll(conll, recognizer, extract, gazetteer, show_errors);
        if (!labels.empty() && !extracted.empty()) {
            const auto by_id = read_search_actors(extracted);
            score_labels(labels, [&](const LabelledArticle& item) {
                const auto found = by_id.find(std::filesystem::path(item.file).replace_extension().string());
                if (found == by_id.end()) throw std::runtime_error(extracted.string() + ": no result for " + item.file);
                return found->second;
            }, gazetteer, show_errors);
        } else if (!labels.empty()) {
            if (corpus.empty()) throw UsageError("--labels needs --corpus");
            score_labels(labels, [&](const LabelledArticle& item) { return extract(read_article(corpus / item.file)); },
                         gazetteer, show_errors);
        }
        // Timed as before: the recogniser and canonicalisation, without the place pass.
        if (!speed.empty())
            time_extraction(speed, [&](const Article& article) { return extract_actors(article, recognizer, gazetteer); });
        if (!show.empty()) show_article(show, recognizer, gazetteer);
        return ExitCode::ok;
    });
}
