#include "indexer/extract/actor_resolver.hpp"

#include "common/join.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace newsdex {
namespace {

constexpr std::size_t no_group = static_cast<std::size_t>(-1);

// Cue weights for voting the type of a name no gazetteer knows.
constexpr int strong_vote = 4;
constexpr int weak_vote = 1;

std::size_t type_index(ActorType type) { return static_cast<std::size_t>(type); }

// Surface forms with the position of their first appearance.
using Surfaces = std::vector<std::pair<std::size_t, std::string>>;

// Everything known about one actor while resolving.
struct Group {
    const GazetteerEntry* entry = nullptr;
    std::vector<std::string> words;  // folded words of its fullest name
    std::string name;                // display name (fullest mention, or the gazetteer's)
    std::array<int, 3> votes{};      // person, org, place
    bool strong_person = false;
    bool supported = false;          // ambiguous gazetteer entries need support
    bool only_uncertain = true;      // every mention came from a title-case line
    bool names_work = false;         // some context makes it a work's title
    std::size_t first_order = 0;
    Surfaces surfaces;
    std::size_t merged_into = no_group;
};

std::vector<std::string> split_words(const std::string& folded) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start <= folded.size()) {
        std::size_t space = folded.find(' ', start);
        if (space == std::string::npos) space = folded.size();
        if (space > start) words.push_back(folded.substr(start, space - start));
        start = space + 1;
    }
    return words;
}

// Typographic apostrophes in names a reader types with "'": one spelling per name in the index.
std::string plain_apostrophes(std::string_view text) {
    constexpr std::string_view curly = "\xE2\x80\x99";
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (text.substr(i, curly.size()) == curly) {
            out += '\'';
            i += curly.size();
        } else {
            out += text[i++];
        }
    }
    return out;
}

bool is_prefix(const std::vector<std::string>& part, const std::vector<std::string>& whole) {
    return part.size() < whole.size() && std::equal(part.begin(), part.end(), whole.begin());
}

bool is_suffix(const std::vector<std::string>& part, const std::vector<std::string>& whole) {
    return part.size() < whole.size() && std::equal(part.rbegin(), part.rend(), whole.rbegin());
}

// Records a surface form with the position where it first appears.
void add_surface(Surfaces& surfaces, std::size_t order, const std::string& surface) {
    auto it = std::find_if(surfaces.begin(), surfaces.end(), [&](const auto& item) { return item.second == surface; });
    if (it == surfaces.end()) surfaces.emplace_back(order, surface);
    else it->first = std::min(it->first, order);
}

std::optional<ActorType> voted_type(const Group& group) {
    int best = 0;
    std::optional<ActorType> type;
    for (ActorType candidate : {ActorType::person, ActorType::org, ActorType::place}) {
        if (group.votes[type_index(candidate)] > best) {
            best = group.votes[type_index(candidate)];
            type = candidate;
        }
    }
    return type;
}

class Resolver {
public:
    Resolver(const std::vector<ActorMention>& mentions, const Gazetteer& gazetteer)
        : m_mentions(mentions), m_gazetteer(gazetteer) {}

    std::vector<Actor> run() {
        collect_person_surnames();
        collect_acronyms();
        for (std::size_t i = 0; i < m_mentions.size(); ++i) add(m_mentions[i]);
        merge_acronyms_known_to_gazetteer();
        resolve_short_person_names();
        resolve_short_org_names();
        resolve_surnames();
        return actors();
    }

private:
    // Last words of multi-word person names given in the article: an ambiguous gazetteer word
    // that is one of them ("Jordan" beside "Eddie Jordan") is that person, not the country.
    void collect_person_surnames() {
        for (const auto& m : m_mentions)
            if (m.entry == nullptr && m.words.size() >= 2 && m.type == ActorType::person &&
                m.cue == CueStrength::strong)
                m_person_last_words.insert(m.words.back());
    }

    void collect_acronyms() {
        for (const auto& m : m_mentions)
            if (!m.defines_acronym.empty() && !m_acronyms.contains(m.defines_acronym))
                m_acronyms.emplace(m.defines_acronym, &m);
    }

    std::size_t group_for_entry(const GazetteerEntry* entry, std::size_t order) {
        auto [it, inserted] = m_entry_groups.try_emplace(entry, m_groups.size());
        if (inserted) {
            Group group;
            group.entry = entry;
            group.name = entry->name;
            group.words = split_words(Gazetteer::fold_key(entry->name));
            group.first_order = order;
            m_groups.push_back(std::move(group));
        }
        return it->second;
    }

    std::size_t group_for_key(const std::vector<std::string>& words, const std::string& name, std::size_t order) {
        auto [it, inserted] = m_key_groups.try_emplace(join(words), m_groups.size());
        if (inserted) {
            Group group;
            group.words = words;
            group.name = name;
            group.first_order = order;
            m_groups.push_back(std::move(group));
        }
        return it->second;
    }

    void add(const ActorMention& m) {
        const bool lone_ambiguous = m.entry != nullptr && m.entry->ambiguous && m.words.size() == 1 &&
                                    !m.via_demonym && m_person_last_words.contains(m.words.front());
        std::size_t index = no_group;
        if (m.entry != nullptr && !lone_ambiguous) {
            index = group_for_entry(m.entry, m.order);
            Group& group = m_groups[index];
            // "Jordanian" or "Hashemite Kingdom of Jordan" are unambiguous; so is a cue of the type.
            const bool has_support = !m.entry->ambiguous || m.words.size() >= 2 || m.via_demonym ||
                                     (m.cue != CueStrength::none && m.type == m.entry->type);
            group.supported = group.supported || (has_support && !m.uncertain_case);
        } else {
            // An acronym the article defines joins its long form: "ICG" -> International Crisis Group.
            const ActorMention* definition = nullptr;
            if (m.words.size() == 1)
                if (auto it = m_acronyms.find(m.name); it != m_acronyms.end() && it->second != &m) definition = it->second;
            if (definition != nullptr) {
                index = group_for_key(definition->words, definition->name, m.order);
                if (definition->entry == nullptr) m_groups[index].votes[type_index(ActorType::org)] += weak_vote;
            } else {
                index = group_for_key(m.words, m.name, m.order);
            }
            Group& group = m_groups[index];
            if (definition == nullptr && m.words.size() > group.words.size()) {
                group.words = m.words;
                group.name = m.name;
            }
            if (m.type) {
                group.votes[type_index(*m.type)] += m.cue == CueStrength::strong ? strong_vote
                                                    : m.cue == CueStrength::weak ? weak_vote
                                                                                  : 0;
                if (*m.type == ActorType::person && m.cue == CueStrength::strong) group.strong_person = true;
            }
            if (!m.defines_acronym.empty() && !m.type) group.votes[type_index(ActorType::org)] += weak_vote;
        }
        Group& group = m_groups[index];
        group.first_order = std::min(group.first_order, m.order);
        group.only_uncertain = group.only_uncertain && m.uncertain_case;
        group.names_work = group.names_work || m.names_work;
        add_surface(group.surfaces, m.order, m.surface);
    }



    std::size_t live(std::size_t index) const {
        while (m_groups[index].merged_into != no_group) index = m_groups[index].merged_into;
        return index;
    }

    void merge(std::size_t from, std::size_t into) {
        from = live(from);
        into = live(into);
        if (from == into) return;
        Group& source = m_groups[from];
        Group& target = m_groups[into];
        for (std::size_t t = 0; t < 3; ++t) target.votes[t] += source.votes[t];
        target.strong_person = target.strong_person || source.strong_person;
        target.supported = target.supported || source.supported;
        target.only_uncertain = target.only_uncertain && source.only_uncertain;
        target.names_work = target.names_work || source.names_work;
        target.first_order = std::min(target.first_order, source.first_order);
        for (const auto& [order, surface] : source.surfaces) add_surface(target.surfaces, order, surface);
        source.merged_into = into;
    }

    // "Office of State Administration Council (SAC)" when the gazetteer knows SAC: the long
    // form joins the gazetteer's entry.
    void merge_acronyms_known_to_gazetteer() {
        for (const auto& [acronym, definition] : m_acronyms) {
            if (definition->entry != nullptr) continue;
            auto match = m_gazetteer.find(acronym);
            if (!match || match->via_demonym || match->entry->type != ActorType::org) continue;
            auto it = m_key_groups.find(join(definition->words));
            if (it == m_key_groups.end()) continue;
            merge(it->second, group_for_entry(match->entry, definition->order));
        }
    }

    bool is_person(const Group& group) const {
        if (group.entry != nullptr) return group.entry->type == ActorType::person;
        return voted_type(group) == ActorType::person;
    }

    // A group that may be a short form of a person's name: a person, or an unknown name whose
    // other cues are only weak ("Putin adviser …" looks like an organisation cue).
    bool may_be_person_part(const Group& group) const {
        if (group.entry != nullptr) return false;
        auto type = voted_type(group);
        if (!type || *type == ActorType::person) return true;
        return group.votes[type_index(*type)] < strong_vote;
    }

    // "Lavrov" -> "Sergei Lavrov", "Min Aung" -> "Min Aung Hlaing", "Mr Blair" -> "Tony Blair".
    void resolve_short_person_names() {
        std::vector<std::size_t> order(m_groups.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) {
            return m_groups[a].words.size() > m_groups[b].words.size();
        });
        for (std::size_t g : order) {
            if (m_groups[g].merged_into != no_group || !may_be_person_part(m_groups[g])) continue;
            const auto& words = m_groups[g].words;
            std::size_t best = no_group;
            for (std::size_t f = 0; f < m_groups.size(); ++f) {
                const Group& full = m_groups[f];
                if (f == g || full.merged_into != no_group || full.words.size() < 2 || !is_person(full)) continue;
                const bool prefix = is_prefix(words, full.words) && (words.size() >= 2 || !m_groups[g].only_uncertain);
                if (!prefix && !is_suffix(words, full.words)) continue;
                // The nearest full name mentioned before; else the first one mentioned after.
                if (best == no_group) {
                    best = f;
                    continue;
                }
                const Group& chosen = m_groups[best];
                const bool f_before = full.first_order <= m_groups[g].first_order;
                const bool chosen_before = chosen.first_order <= m_groups[g].first_order;
                if ((f_before && (!chosen_before || full.first_order > chosen.first_order)) ||
                    (!f_before && !chosen_before && full.first_order < chosen.first_order))
                    best = f;
            }
            if (best != no_group) {
                m_groups[g].votes = {};
                merge(g, best);
            }
        }
    }

    // "Lockheed" -> "Lockheed Martin", "Altria" -> "Altria Group": an unknown name that opens an
    // organisation's name given in the same article, with no firm cue of its own.
    void resolve_short_org_names() {
        for (std::size_t g = 0; g < m_groups.size(); ++g) {
            Group& group = m_groups[g];
            if (group.merged_into != no_group || group.entry != nullptr || group.strong_person) continue;
            auto type = voted_type(group);
            if (type && (*type != ActorType::org || group.votes[type_index(*type)] >= strong_vote)) continue;
            for (std::size_t f = 0; f < m_groups.size(); ++f) {
                const Group& full = m_groups[f];
                if (f == g || full.merged_into != no_group || !is_prefix(group.words, full.words)) continue;
                const bool org = full.entry != nullptr ? full.entry->type == ActorType::org
                                                       : voted_type(full) == ActorType::org;
                if (!org) continue;
                m_groups[g].votes = {};
                merge(g, f);
                break;
            }
        }
    }

    // A lone surname with no full name in the article: the gazetteer's person of that surname,
    // unless the article's cues make the word something else ("Brown and Williamson" is a firm).
    void resolve_surnames() {
        const std::size_t count = m_groups.size();
        for (std::size_t g = 0; g < count; ++g) {
            if (m_groups[g].merged_into != no_group || m_groups[g].words.size() != 1) continue;
            auto type = voted_type(m_groups[g]);
            if (m_groups[g].entry != nullptr || (type && *type != ActorType::person)) continue;
            const GazetteerEntry* person = m_gazetteer.find_by_surname(m_groups[g].words.front());
            if (person == nullptr) continue;
            m_groups[g].votes = {};
            const std::size_t target = group_for_entry(person, m_groups[g].first_order);
            merge(g, target);
        }
    }

    std::vector<Actor> actors() const {
        struct Ranked {
            Actor actor;
            std::size_t first_order;
            Surfaces surfaces;
        };
        std::vector<Ranked> ranked;
        std::map<std::pair<int, std::string>, std::size_t> by_name;  // one actor per (type, name)
        for (const Group& group : m_groups) {
            if (group.merged_into != no_group) continue;
            std::optional<ActorType> type;
            std::string name;
            if (group.entry != nullptr) {
                if (group.entry->ambiguous && !group.supported) continue;
                type = group.entry->type;
                name = group.entry->name;
            } else {
                if (group.only_uncertain || group.names_work) continue;
                type = voted_type(group);
                if (!type) continue;
                // A lone word kept as a person needs a strong cue ("Mr Smith", "U Teza").
                if (*type == ActorType::person && group.words.size() == 1 && !group.strong_person) continue;
                name = plain_apostrophes(group.name);
            }
            auto key = std::make_pair(static_cast<int>(*type), Gazetteer::fold_key(name));
            if (auto it = by_name.find(key); it != by_name.end()) {
                Ranked& existing = ranked[it->second];
                for (const auto& [order, surface] : group.surfaces) add_surface(existing.surfaces, order, surface);
                existing.first_order = std::min(existing.first_order, group.first_order);
                continue;
            }
            by_name.emplace(key, ranked.size());
            ranked.push_back(Ranked{Actor{std::move(name), *type, {}}, group.first_order, group.surfaces});
        }
        for (auto& item : ranked) {
            // Mentions in order of first appearance.
            auto& list = item.surfaces;
            std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
            for (auto& entry : list) item.actor.mentions.push_back(std::move(entry.second));
        }
        std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
            if (a.actor.type != b.actor.type) return a.actor.type < b.actor.type;
            return a.first_order < b.first_order;
        });
        std::vector<Actor> out;
        out.reserve(ranked.size());
        for (auto& item : ranked) out.push_back(std::move(item.actor));
        return out;
    }

    const std::vector<ActorMention>& m_mentions;
    const Gazetteer& m_gazetteer;
    std::vector<Group> m_groups;
    std::unordered_map<const GazetteerEntry*, std::size_t> m_entry_groups;
    std::unordered_map<std::string, std::size_t> m_key_groups;
    std::unordered_map<std::string, const ActorMention*> m_acronyms;
    std::unordered_set<std::string> m_person_last_words;
};

}  // namespace

std::vector<Actor> resolve_actor_mentions(const std::vector<ActorMention>& mentions, const Gazetteer& gazetteer) {
    return Resolver(mentions, gazetteer).run();
}

}  // namespace newsdex
