#include "indexer/actor_report.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>

namespace newsdex {
namespace {

// The explained actor of a final actor (by type and name), or nullptr when a later stage made it.
const ExplainedActor* explained_for(const Actor& actor, const ActorExplanation& explanation) {
    auto it = std::find_if(explanation.actors.begin(), explanation.actors.end(), [&](const ExplainedActor& e) {
        return e.kept && e.actor.type == actor.type && e.actor.name == actor.name;
    });
    return it == explanation.actors.end() ? nullptr : &*it;
}

// The margin rounded to one decimal, for people to read.
double rounded(float margin) { return std::round(double(margin) * 10.0) / 10.0; }

std::string found_text(const NameMention& mention) {
    std::ostringstream out;
    out << '"' << mention.text << "\" " << conll_name(mention.label) << ' ' << std::fixed << std::setprecision(1)
        << rounded(mention.margin);
    if (!mention.title.empty()) out << " (title \"" << mention.title << "\")";
    return out.str();
}

// The names the recogniser found but was not sure enough of to count.
std::vector<const NameMention*> unsure(const ActorExplanation& explanation) {
    std::vector<const NameMention*> out;
    for (const auto& mention : explanation.mentions)
        if (!mention.confident && mention.label != EntityType::misc) out.push_back(&mention);
    return out;
}

// "Oregon, United States", "Japan", or "no country" for a place's roll-up.
std::string place_in(const Actor& place) {
    if (place.region.empty()) return place.country.empty() ? std::string("no country") : place.country;
    return place.country.empty() ? place.region : place.region + ", " + place.country;
}

}  // namespace

std::string actor_report_text(const std::vector<Actor>& actors, const ActorExplanation& explanation) {
    std::ostringstream out;
    for (const auto& actor : actors) {
        // A country written only as a nationality or inside a name is no place actor.
        out << "  " << (actor.country_only ? "country only" : to_string(actor.type)) << ": " << actor.name << '\n';
        if (actor.type == ActorType::place && !actor.rollup.empty()) {
            out << "      in " << place_in(actor) << ": " << actor.rollup << '\n';
        }
        const ExplainedActor* explained = explained_for(actor, explanation);
        if (explained == nullptr) continue;
        for (std::size_t k : explained->mentions) out << "      found " << found_text(explanation.mentions[k]) << '\n';
        for (const auto& reason : explained->evidence) out << "      because " << reason << '\n';
    }
    bool heading = false;
    for (const auto& explained : explanation.actors) {
        if (explained.kept) continue;
        if (!heading) out << "left out:\n";
        heading = true;
        out << "  " << to_string(explained.actor.type) << ": " << explained.actor.name << '\n';
        for (const auto& reason : explained.evidence) out << "      because " << reason << '\n';
    }
    const auto doubtful = unsure(explanation);
    if (!doubtful.empty()) out << "unsure (below the recogniser's confidence threshold, not counted):\n";
    for (const NameMention* mention : doubtful) out << "  " << found_text(*mention) << '\n';
    return out.str();
}

nlohmann::json actor_report_json(const std::vector<Actor>& actors, const ActorExplanation& explanation) {
    auto mention_json = [](const NameMention& m) {
        return nlohmann::json{{"text", m.text}, {"label", conll_name(m.label)}, {"margin", rounded(m.margin)}, {"title", m.title}};
    };
    nlohmann::json out = {{"person", nlohmann::json::array()}, {"org", nlohmann::json::array()},
                          {"place", nlohmann::json::array()}, {"left_out", nlohmann::json::array()},
                          {"unsure", nlohmann::json::array()}};
    for (const auto& actor : actors) {
        nlohmann::json item = {{"name", actor.name}, {"mentions", actor.mentions}, {"found", nlohmann::json::array()},
                               {"evidence", nlohmann::json::array()}};
        if (const ExplainedActor* explained = explained_for(actor, explanation)) {
            for (std::size_t k : explained->mentions) item["found"].push_back(mention_json(explanation.mentions[k]));
            item["evidence"] = explained->evidence;
        }
        if (actor.type == ActorType::place) {
            // Additive: where the place rolled up and why (null when unknown).
            auto or_null = [](const std::string& text) { return text.empty() ? nlohmann::json() : nlohmann::json(text); };
            item["region"] = or_null(actor.region);
            item["country"] = or_null(actor.country);
            item["why"] = or_null(actor.rollup);
            item["country_only"] = actor.country_only;
        }
        out[std::string(to_string(actor.type))].push_back(std::move(item));
    }
    for (const auto& explained : explanation.actors)
        if (!explained.kept)
            out["left_out"].push_back({{"name", explained.actor.name},
                                       {"type", to_string(explained.actor.type)},
                                       {"evidence", explained.evidence}});
    for (const NameMention* mention : unsure(explanation)) {
        nlohmann::json item = mention_json(*mention);
        item.erase("title");
        out["unsure"].push_back(std::move(item));
    }
    return out;
}

}  // namespace newsdex
