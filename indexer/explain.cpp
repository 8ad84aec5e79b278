#include "indexer/explain.hpp"

#include <sstream>

#include <nlohmann/json.hpp>

#include "common/errors.hpp"
#include "indexer/actor_report.hpp"
#include "indexer/article_processor.hpp"
#include "indexer/read/article_reader.hpp"

namespace newsdex {
namespace {

nlohmann::json explain_json(const ProcessedArticle& processed, const ActorExplanation& explanation) {
    const Article& article = processed.article;
    nlohmann::json removed = nlohmann::json::array();
    for (const auto& removal : processed.removed) {
        removed.push_back({{"text", removal.text}, {"reason", to_string(removal.reason)}, {"rule", removal.rule}});
    }
    return {
        {"id", article.id},
        {"title", article.title},
        {"source", article.source},
        {"date", processed.date ? display_date(*processed.date) : std::string()},
        {"paragraphs", article.paragraphs},
        {"removed", removed},
        {"actors", actor_report_json(processed.actors, explanation)},
    };
}

std::string explain_text(const ProcessedArticle& processed, const ActorExplanation& explanation) {
    const Article& article = processed.article;
    std::ostringstream out;
    out << "id:     " << article.id << "\ntitle:  " << article.title << "\nsource: " << article.source
        << "\ndate:   " << (processed.date ? display_date(*processed.date) : std::string("unknown")) << "\n\n";
    out << "kept " << article.paragraphs.size() << " paragraphs:\n";
    for (std::size_t i = 0; i < article.paragraphs.size(); ++i) out << "  [" << i + 1 << "] " << article.paragraphs[i] << '\n';
    out << "\nremoved " << processed.removed.size() << ":\n";
    for (const auto& removal : processed.removed) {
        out << "  - " << to_string(removal.reason) << " (" << removal.rule << "): " << removal.text << '\n';
    }
    out << "\nactors:\n" << actor_report_text(processed.actors, explanation);
    return out.str();
}

}  // namespace

std::string explain_article(const IndexerOptions& options, Diagnostics& diagnostics) {
    ProcessingData data = ProcessingData::load(options);
    Cleaner cleaner(std::move(data.rules));
    MinHasher hasher;
    ProcessingSettings settings{cleaner, data.gazetteer, data.recognizer, data.geography, hasher, {}, options.year};

    ArticleReader reader(expand_inputs({options.explain->string()}, diagnostics), diagnostics);
    std::vector<Article> batch;
    std::string out;
    std::size_t articles = 0;
    while (reader.next_batch(batch, 1)) {
        ProcessedArticle processed = process_article(std::move(batch.front()), settings, diagnostics);
        const ActorExplanation explanation = explain_actors(processed.article, data.recognizer, data.gazetteer);
        if (options.json) {
            out += explain_json(processed, explanation).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            out += '\n';
        } else {
            if (articles > 0) out += '\n';
            out += explain_text(processed, explanation);
        }
        ++articles;
    }
    if (articles == 0) throw UsageError("no article could be read from " + options.explain->string());
    return out;
}

}  // namespace newsdex
