#include "indexer/extract/ner/train/actor_scoring.hpp"


#include <algorithm>
#include <fstream>
#include <ostream>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

namespace newsdex {
namespace {

using WordSet = std::set<std::string>;

WordSet words_of(std::string_view name) {
    const std::vector<std::string> words = Gazetteer::fold_words(name);
    return WordSet(words.begin(), words.end());
}

bool holds(const WordSet& whole, const WordSet& part) {
    return !part.empty() && std::includes(whole.begin(), whole.end(), part.begin(), part.end());
}

// The word sets a labelled name counts under: as written, and as the gazetteer names it.
std::vector<WordSet> labelled_forms(const std::string& name, ActorType type, const Gazetteer& gazetteer) {
    std::vector<WordSet> forms{words_of(name)};
    if (auto match = gazetteer.find(name); match && !match->via_demonym && match->entry->type == type)
        forms.push_back(words_of(match->entry->name));
    return forms;
}

bool matches(const std::vector<WordSet>& labelled, const WordSet& extracted) {
    return std::any_of(labelled.begin(), labelled.end(),
                       [&](const WordSet& form) { return holds(form, extracted) || holds(extracted, form); });
}

std::string comparable(const Gazetteer& gazetteer, const std::string& name) {
    if (auto match = gazetteer.find(name); match && !match->via_demonym) return Gazetteer::fold_key(match->entry->name);
    if (const auto* person = gazetteer.find_by_surname(name)) return Gazetteer::fold_key(person->name);
    return Gazetteer::fold_key(name);
}

bool attaches_left(std::string_view token) {
    return token == "," || token == "." || token == ";" || token == ":" || token == "?" || token == "!" ||
           token == ")" || token == "]" || token == "%" || token == "'s" || token == "'" || token == "n't";
}

std::string join_tokens(const NerSentence& sentence, std::size_t begin, std::size_t end) {
    std::string out;
    bool open_quote = false;
    bool glue_next = true;
    for (std::size_t i = begin; i < end; ++i) {
        const std::string_view token = sentence.tokens[i].text;
        bool glue = glue_next || attaches_left(token);
        glue_next = token == "(" || token == "[" || token == "$";
        if (token == "\"") {
            open_quote = !open_quote;
            if (open_quote) glue_next = true;
            else glue = true;
        }
        if (!glue) out += ' ';
        out += token;
    }
    return out;
}

}  // namespace

Article conll_article(const LabelledDocument& document) {
    Article article;
    const auto& sentences = document.document.sentences;
    for (std::size_t s = 0; s < sentences.size(); ++s) {
        std::string text = join_tokens(sentences[s], 0, sentences[s].tokens.size());
        if (s == 0) article.title = std::move(text);
        else article.paragraphs.push_back(std::move(text));
    }
    return article;
}

LabelledActors conll_actors(const LabelledDocument& document) {
    LabelledActors actors;
    for (std::size_t s = 0; s < document.labels.size(); ++s) {
        for (const EntitySpan& span : entity_spans(document.labels[s])) {
            if (span.type == EntityType::misc) continue;
            const std::size_t t = span.type == EntityType::person ? 0 : span.type == EntityType::org ? 1 : 2;
            std::string name = join_tokens(document.document.sentences[s], span.begin, span.end);
            auto& list = actors[t];
            const bool known = std::any_of(list.begin(), list.end(), [&](const std::string& other) {
                return Gazetteer::fold_key(other) == Gazetteer::fold_key(name);
            });
            if (!known) list.push_back(std::move(name));
        }
    }
    return actors;
}

void count_document_actors(const LabelledActors& labelled, const std::vector<Actor>& extracted,
                           const Gazetteer& gazetteer, ActorTypeCounts& counts, std::ostream* errors,
                           NationalityPlaces nationality) {
    for (std::size_t t = 0; t < 3; ++t) {
        const auto type = static_cast<ActorType>(t);
        std::vector<std::vector<WordSet>> gold;
        for (const auto& name : labelled[t]) gold.push_back(labelled_forms(name, type, gazetteer));
        std::vector<WordSet> found;
        std::vector<const Actor*> actors;
        for (const Actor& actor : extracted)
            if (actor.type == type && (nationality == NationalityPlaces::count || !actor.country_only)) {
                found.push_back(words_of(actor.name));
                actors.push_back(&actor);
            }
        ActorCounts& c = counts[t];
        c.expected += gold.size();
        c.found += found.size();
        for (std::size_t k = 0; k < gold.size(); ++k) {
            if (std::any_of(found.begin(), found.end(), [&](const WordSet& f) { return matches(gold[k], f); })) ++c.expected_found;
            else if (errors != nullptr) *errors << "  missed " << to_string(type) << ": " << labelled[t][k] << '\n';
        }
        for (std::size_t k = 0; k < found.size(); ++k) {
            if (std::any_of(gold.begin(), gold.end(), [&](const auto& forms) { return matches(forms, found[k]); })) ++c.found_right;
            else if (errors != nullptr) *errors << "  wrong " << to_string(type) << ": " << actors[k]->name << '\n';
        }
    }
}

void count_labelled_actors(const LabelledActors& labelled, const std::vector<Actor>& extracted,
                           const Gazetteer& gazetteer, ActorTypeCounts& counts, std::ostream* errors) {
    for (std::size_t t = 0; t < 3; ++t) {
        std::set<std::string> expected;
        std::set<std::string> found;
        for (const auto& name : labelled[t]) expected.insert(comparable(gazetteer, name));
        for (const Actor& actor : extracted)
            if (actor.type == static_cast<ActorType>(t)) found.insert(comparable(gazetteer, actor.name));
        ActorCounts& c = counts[t];
        c.expected += expected.size();
        c.found += found.size();
        for (const auto& name : found) {
            if (expected.contains(name)) ++c.found_right;
            else if (errors != nullptr) *errors << "  wrong " << to_string(static_cast<ActorType>(t)) << ": " << name << '\n';
        }
        for (const auto& name : expected) {
            if (found.contains(name)) ++c.expected_found;
            else if (errors != nullptr) *errors << "  missed " << to_string(static_cast<ActorType>(t)) << ": " << name << '\n';
        }
    }
}

std::vector<LabelledArticle> read_actor_labels(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error(file.string() + ": cannot open labels");
    try {
        const auto labels = nlohmann::json::parse(in);
        std::vector<LabelledArticle> articles;
        for (const auto& item : labels.at("articles")) {
            LabelledArticle article;
            article.file = item.at("file").get<std::string>();
            const char* fields[] = {"person", "org", "place"};
            for (std::size_t t = 0; t < 3; ++t)
                for (const auto& name : item.at(fields[t])) article.actors[t].push_back(name.get<std::string>());
            articles.push_back(std::move(article));
        }
        return articles;
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(file.string() + ": " + e.what());
    }
}

}  // namespace newsdex
