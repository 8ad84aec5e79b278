#include "indexer/extract/actor_canonicalizer.hpp"

#include "common/join.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <span>
#include <unordered_map>

namespace newsdex {
namespace {

constexpr std::size_t no_group = static_cast<std::size_t>(-1);

// The fewest sure names of one type in an article's table rows that make its table rows names
// of that type.
constexpr std::size_t min_table_rows = 3;

// Company-form words that do not change which organisation is meant ("Cable and Wireless Plc").
constexpr std::array<std::string_view, 14> company_forms{"plc", "inc", "corp", "corporation", "ltd", "co",
                                                         "llc", "sa", "ag", "nv", "ab", "spa", "bhd", "cos"};

// Suffixes that make a word of a place: "London-based", "Glasgow-born".
constexpr std::array<std::string_view, 7> place_suffixes{"based", "born", "bred", "bound", "raised", "headquartered", "listed"};

// The grouping key of a name without an entry: its words run together, company forms dropped,
// so "Time Warner" = "TimeWarner" and "Cable and Wireless Plc" = "Cable and Wireless".
std::string name_key(std::span<const std::string> words) {
    while (words.size() > 1 &&
           std::find(company_forms.begin(), company_forms.end(), words.back()) != company_forms.end())
        words = words.first(words.size() - 1);
    std::string key;
    for (const std::string& word : words) key += word;
    return key;
}

// Typographic apostrophes in names a reader types with "'": one spelling per name in the index.
std::string plain_apostrophes(std::string_view text) {
    constexpr std::string_view curly = "\xE2\x80\x99";
    std::string out;
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

bool has_lower_case(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool is_suffix(const std::vector<std::string>& part, const std::vector<std::string>& whole) {
    return part.size() < whole.size() && std::equal(part.rbegin(), part.rend(), whole.rbegin());
}

bool is_prefix(const std::vector<std::string>& part, const std::vector<std::string>& whole) {
    return part.size() < whole.size() && std::equal(part.begin(), part.end(), whole.begin());
}

struct Group {
    const GazetteerEntry* entry = nullptr;
    ActorType type = ActorType::person;
    std::vector<std::string> words;  // folded words of the fullest name
    std::string name;                // display name
    std::string acronym;             // defined by the article for this name
    float weight = 0.0F;             // summed margins
    std::uint32_t first_order = 0;
    bool common_words = true;        // every mention is made of common words
    bool table_row = true;           // every mention is in a row of a table
    bool headline_only = true;       // every mention is in a headline in title case
    bool cue = false;                // some mention has a cue word of its type
    float top_margin = 0.0F;         // the largest margin of a mention
    std::vector<std::size_t> mentions;
    std::vector<std::string> evidence;
    std::size_t merged_into = no_group;
};

class Canonicalizer {
public:
    Canonicalizer(const std::vector<NameMention>& mentions, const Gazetteer& gazetteer, const LoneNameThresholds& thresholds)
        : m_mentions(mentions), m_gazetteer(gazetteer), m_thresholds(thresholds) {}

    std::vector<ExplainedActor> run() {
        collect_document_evidence();
        for (std::size_t i = 0; i < m_mentions.size(); ++i)
            if (m_mentions[i].confident) add(i);
        add_names_the_gazetteer_confirms();
        add_confirmed_full_names();
        join_acronyms();
        join_short_names();
        join_famous_surnames();
        unify_types();
        return actors();
    }

private:
    // The key under which the whole article's evidence about a name is pooled: its grouping key
    // without a leading "the" ("The Brains Trust" and "Brains Trust" are one title).
    static std::string document_key(const std::vector<std::string>& words) {
        if (words.size() > 1 && words.front() == "the")
            return name_key(std::span(words).subspan(1));
        return name_key(words);
    }

    // What the article says about a name across all its mentions, sure or not: a work noun right
    // before one of them ("the film Vera Drake"), and how sure the recogniser is, summed over
    // them, that the name is misc (a work, event or nationality) rather than an actor. The
    // recogniser labels each sentence alone; a name keeps one reading through an article.
    void collect_document_evidence() {
        for (const NameMention& m : m_mentions) {
            if (m.words.empty()) continue;
            const std::string key = document_key(m.words);
            if (m.after_work_noun) m_work_keys.try_emplace(key, m.text);
            if (m.type == EntityType::misc && m.confident) m_misc_weight[key] += m.margin;
            if (m.table_row && m.confident) ++m_table_rows[static_cast<std::size_t>(m.type)];
        }
    }

    std::size_t new_group(ActorType type, std::vector<std::string> words, std::string name, std::size_t mention) {
        Group group;
        group.type = type;
        group.words = std::move(words);
        group.name = std::move(name);
        group.first_order = m_mentions[mention].order;
        m_groups.push_back(std::move(group));
        return m_groups.size() - 1;
    }

    std::size_t group_of_entry(const GazetteerEntry* entry, std::size_t mention) {
        auto [it, inserted] = m_by_entry.try_emplace(entry, m_groups.size());
        if (inserted) {
            new_group(entry->type, Gazetteer::fold_words(entry->name), entry->name, mention);
            m_groups.back().entry = entry;
            m_groups.back().evidence.push_back("gazetteer entry \"" + entry->name + "\"");
        }
        return it->second;
    }

    void attach(std::size_t g, std::size_t mention) {
        Group& group = m_groups[g];
        const NameMention& m = m_mentions[mention];
        group.mentions.push_back(mention);
        group.common_words = group.common_words && m.common_words;
        group.table_row = group.table_row && m.table_row;
        group.headline_only = group.headline_only && m.title_case_headline;
        group.cue = group.cue || (m.cue && m.type == m.label);
        group.top_margin = std::max(group.top_margin, m.margin);
        if (m.label != m.type)
            group.evidence.push_back("labelled " + std::string(conll_name(m.label)) + ", but an honorific makes a person");
        group.weight += m.margin;
        group.first_order = std::min(group.first_order, m.order);
        if (!m.acronym.empty() && group.acronym.empty()) group.acronym = m.acronym;
        // The fullest name, in lower and upper case rather than in capitals ("New Hyde Park", not
        // "NEW HYDE PARK").
        const bool fuller = m.words.size() > group.words.size();
        const bool better_written = m.words.size() == group.words.size() && !has_lower_case(group.name) && has_lower_case(m.text);
        if (group.entry == nullptr && (fuller || better_written)) {
            group.words = m.words;
            group.name = plain_apostrophes(m.text);
        }
    }

    // The entry a mention names, when the gazetteer and the recogniser agree on its type. A misc
    // label takes the gazetteer's type; a place joined to "-based", "-born"… ("London-based")
    // gives the place; a known place after "in" is the place even when labelled org ("a
    // conference in Blackpool").
    const GazetteerEntry* entry_for(const NameMention& m, std::optional<ActorType>& type) const {
        auto match = m_gazetteer.find(m.text);
        if (!match && m.words.size() > 1 && m.words.front() == "the")
            match = m_gazetteer.find_key(join(std::vector<std::string>(m.words.begin() + 1, m.words.end()), " "));
        if (!match && !m.acronym.empty()) match = m_gazetteer.find(m.acronym);
        if (!match && m.type == EntityType::misc) match = place_before_suffix(m.text);
        if (!match) return nullptr;
        const GazetteerEntry* entry = match->entry;
        if (match->via_demonym) {
            // "German" names a nationality, not Germany (it is labelled misc); only a demonym the
            // recogniser itself takes for a place stands for the place.
            if (m.type != EntityType::place) return nullptr;
            return entry;
        }
        if (!type) {
            if (entry->ambiguous) return nullptr;
            type = entry->type;
            return entry;
        }
        if (*type == ActorType::org && entry->type == ActorType::place && !entry->ambiguous && m.after_in) {
            type = ActorType::place;
            return entry;
        }
        return entry->type == *type ? entry : nullptr;
    }

    // "London-based", "Glasgow-born": the place before the suffix.
    std::optional<GazetteerMatch> place_before_suffix(const std::string& text) const {
        const std::size_t dash = text.rfind('-');
        if (dash == std::string::npos || dash == 0) return std::nullopt;
        const std::string suffix = Gazetteer::fold_key(text.substr(dash + 1));
        if (std::find(place_suffixes.begin(), place_suffixes.end(), suffix) == place_suffixes.end()) return std::nullopt;
        auto match = m_gazetteer.find(text.substr(0, dash));
        if (!match || match->via_demonym || match->entry->type != ActorType::place) return std::nullopt;
        return match;
    }

    // "Liverpool" labelled org where the gazetteer knows the place: the label wins, and says so.
    void note_type_disagreement(std::size_t index, ActorType type) {
        const NameMention& m = m_mentions[index];
        const auto match = m_gazetteer.find(m.text);
        if (!match || match->via_demonym || match->entry->type == type) return;
        m_notes[index] = "the gazetteer knows \"" + match->entry->name + "\" as " + std::string(to_string(match->entry->type)) +
                          "; the recogniser labels \"" + m.text + "\" " + std::string(conll_name(m.type)) + " here";
    }

    // Adds a mention to the group of its name. Returns the group, or no_group when the mention
    // names no actor.
    std::size_t add(std::size_t index) {
        const NameMention& m = m_mentions[index];
        std::optional<ActorType> type = actor_type_of(m.type);
        const GazetteerEntry* entry = entry_for(m, type);
        if (!type) return no_group;
        std::size_t g = no_group;
        if (entry != nullptr) {
            g = group_of_entry(entry, index);
        } else {
            note_type_disagreement(index, *type);
            const std::string key = std::to_string(static_cast<int>(*type)) + name_key(m.words);
            auto [it, inserted] = m_by_key.try_emplace(key, m_groups.size());
            if (inserted) new_group(*type, m.words, plain_apostrophes(m.text), index);
            g = it->second;
        }
        attach(g, index);
        return g;
    }

    // "Tories say Labour's previous success…": the recogniser's best reading is an organisation,
    // but with a margin below its threshold. When that reading agrees with what the gazetteer
    // knows the name as (its name, an alias or an acronym; never a surname or a nationality, never
    // an entry marked ambiguous), the two together keep it. The gazetteer alone decides nothing:
    // a name the recogniser reads as another type, or as no name, or is sure is another type
    // elsewhere in the article, stays out.
    void add_names_the_gazetteer_confirms() {
        std::unordered_map<std::string, unsigned> sure_types;  // name_key -> bit set of its sure labels
        for (const NameMention& m : m_mentions)
            if (m.confident) sure_types[name_key(m.words)] |= 1U << static_cast<unsigned>(m.type);
        for (std::size_t i = 0; i < m_mentions.size(); ++i) {
            const NameMention& m = m_mentions[i];
            std::optional<ActorType> type = actor_type_of(m.type);
            if (m.confident || !type || m.type != m.label) continue;
            // A town is also its club in a sports report: an unsure place needs a cue ("in", a place word).
            if (*type == ActorType::place && !m.cue) continue;
            // Sure of another reading elsewhere in the article ("Sunderland" the club): that one stands.
            if (auto sure = sure_types.find(name_key(m.words));
                sure != sure_types.end() && (sure->second & ~(1U << static_cast<unsigned>(m.type))) != 0)
                continue;
            const std::optional<ActorType> label_type = type;
            const GazetteerEntry* entry = entry_for(m, type);
            if (entry == nullptr || entry->ambiguous || type != label_type) continue;
            // entry_for() gives a nationality's country only to a place; an unsure one is none.
            if (*type == ActorType::place) {
                if (const auto match = m_gazetteer.find(m.text); match && match->via_demonym) continue;
            }
            if (const std::size_t added = add(i); added != no_group)
                m_groups[added].evidence.push_back("the recogniser is unsure of \"" + m.text + "\" (margin " +
                                                   std::to_string(static_cast<int>(m.margin)) +
                                                   "), but reads it as the gazetteer knows it");
        }
    }

    // "Alicia Keys has 12 nominations … Usher and Keys": the recogniser is unsure of the full name
    // and sure of its short form. A sure mention of a person's or organisation's short form
    // confirms an unsure full name of that type in the same article (the short form then joins it).
    void add_confirmed_full_names() {
        const std::size_t sure_groups = m_groups.size();
        for (std::size_t i = 0; i < m_mentions.size(); ++i) {
            const NameMention& m = m_mentions[i];
            const std::optional<ActorType> type = actor_type_of(m.type);
            if (m.confident || m.words.size() < 2 || !type || *type == ActorType::place) continue;
            Group full;
            full.type = *type;
            full.words = m.words;
            for (std::size_t g = 0; g < sure_groups; ++g) {
                if (m_groups[g].type != *type || !is_short_form(m_groups[g], full)) continue;
                if (const std::size_t added = add(i); added != no_group)
                    m_groups[added].evidence.push_back("the recogniser is unsure of \"" + m.text + "\", but sure of its short form " +
                                                       quoted(g) + " in this article");
                break;
            }
        }
    }

    std::size_t live(std::size_t g) const {
        while (m_groups[g].merged_into != no_group) g = m_groups[g].merged_into;
        return g;
    }

    void merge(std::size_t from, std::size_t into, const std::string& reason) {
        from = live(from);
        into = live(into);
        if (from == into) return;
        Group& source = m_groups[from];
        Group& target = m_groups[into];
        target.mentions.insert(target.mentions.end(), source.mentions.begin(), source.mentions.end());
        target.common_words = target.common_words && source.common_words;
        target.headline_only = target.headline_only && source.headline_only;
        target.cue = target.cue || source.cue;
        target.top_margin = std::max(target.top_margin, source.top_margin);
        target.weight += source.weight;
        target.first_order = std::min(target.first_order, source.first_order);
        target.evidence.push_back(reason);
        if (target.acronym.empty()) target.acronym = source.acronym;
        source.merged_into = into;
    }

    std::string quoted(std::size_t g) const { return "\"" + m_groups[g].name + "\""; }

    // "ICG" joins "International Crisis Group (ICG)", whatever either was labelled.
    void join_acronyms() {
        for (std::size_t g = 0; g < m_groups.size(); ++g) {
            if (m_groups[g].merged_into != no_group || m_groups[g].words.size() != 1) continue;
            for (std::size_t d = 0; d < m_groups.size(); ++d) {
                if (d == g || m_groups[d].merged_into != no_group || m_groups[d].acronym.empty()) continue;
                if (Gazetteer::fold_key(m_groups[d].acronym) != m_groups[g].words.front()) continue;
                merge(g, d, quoted(g) + " is the acronym the article defines for " + quoted(d));
                break;
            }
        }
    }

    // Whether group `part` may be a short form of group `full`: "Yeutter", "Mr Lawson", "Min Aung"
    // of a person's full name (its last or first words, or the gazetteer's surname of that
    // person); "Lockheed", "Boca" of an organisation's (its first words, when the short form is
    // neither a known name itself nor labelled a place: "Llanelli" stays the town beside "Llanelli
    // Grammar School"). The short form may have been labelled with another type.
    bool is_short_form(const Group& part, const Group& full) const {
        if (part.words.size() >= full.words.size()) return false;
        if (full.type == ActorType::person) {
            const bool surname = full.entry != nullptr && part.words.size() == 1 &&
                                 Gazetteer::fold_key(full.entry->surname) == part.words.front();
            return surname || is_suffix(part.words, full.words) || is_prefix(part.words, full.words);
        }
        if (full.type == ActorType::org && is_prefix(part.words, full.words))
            return part.type == ActorType::org || (part.type != ActorType::place && !m_gazetteer.find(part.name));
        return false;
    }

    // Short forms join the full name the article gives: of their own type first, then of
    // another; the nearest one before, else the first one after.
    void join_short_names() {
        std::vector<std::size_t> order(m_groups.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(),
                         [this](std::size_t a, std::size_t b) { return m_groups[a].words.size() > m_groups[b].words.size(); });
        for (std::size_t g : order) {
            const Group& part = m_groups[g];
            if (part.merged_into != no_group || part.entry != nullptr) continue;
            std::size_t best = no_group;
            for (std::size_t f = 0; f < m_groups.size(); ++f) {
                const Group& full = m_groups[f];
                if (f == g || full.merged_into != no_group || !is_short_form(part, full)) continue;
                if (best == no_group || better_target(part, full, m_groups[best])) best = f;
            }
            if (best != no_group) merge(g, best, quoted(g) + " is the short form of " + quoted(best) + " in this article");
        }
    }

    // Whether `candidate` is a better full name for `part` than `chosen`.
    static bool better_target(const Group& part, const Group& candidate, const Group& chosen) {
        const bool candidate_same = candidate.type == part.type;
        if (candidate_same != (chosen.type == part.type)) return candidate_same;
        const bool candidate_before = candidate.first_order <= part.first_order;
        const bool chosen_before = chosen.first_order <= part.first_order;
        if (candidate_before != chosen_before) return candidate_before;
        return candidate_before ? candidate.first_order > chosen.first_order : candidate.first_order < chosen.first_order;
    }

    // A lone surname joins the gazetteer's person of that surname only when the article
    // supports it: the person's given name appears, or a title or honorific stands before it.
    void join_famous_surnames() {
        for (std::size_t g = 0; g < m_groups.size(); ++g) {
            Group& group = m_groups[g];
            if (group.merged_into != no_group || group.type != ActorType::person || group.entry != nullptr ||
                group.words.size() != 1)
                continue;
            const GazetteerEntry* person = m_gazetteer.find_by_surname(group.words.front());
            if (person == nullptr) continue;
            const std::string given = Gazetteer::fold_words(person->name).front();
            std::string support;
            for (const NameMention& m : m_mentions)
                if (std::find(m.words.begin(), m.words.end(), given) != m.words.end() && m.type == EntityType::person)
                    support = "the given name \"" + given + "\" appears in this article";
            for (std::size_t k : group.mentions)
                if (support.empty() && !m_mentions[k].title.empty()) support = "the title \"" + m_mentions[k].title + "\" stands before it";
            if (support.empty()) {
                group.evidence.push_back(quoted(g) + " is the surname of the gazetteer's \"" + person->name +
                                         "\", but nothing in this article supports that: kept as written");
                continue;
            }
            const std::size_t target = group_of_entry(person, group.mentions.front());
            merge(g, target, quoted(g) + " is the surname of \"" + person->name + "\": " + support);
        }
    }

    // One name, one type: the same name labelled differently in one article takes the type
    // with the larger summed margin.
    void unify_types() {
        std::map<std::string, std::size_t> by_name;
        for (std::size_t g = 0; g < m_groups.size(); ++g) {
            if (m_groups[g].merged_into != no_group) continue;
            const std::string key = name_key(Gazetteer::fold_words(m_groups[g].name));
            auto [it, inserted] = by_name.try_emplace(key, g);
            if (inserted) continue;
            std::size_t keep = it->second;
            std::size_t drop = g;
            if (m_groups[drop].weight > m_groups[keep].weight) std::swap(keep, drop);
            merge(drop, keep, "also labelled " + std::string(to_string(m_groups[drop].type)) + "; " +
                                  std::string(to_string(m_groups[keep].type)) + " has the larger margin");
            it->second = keep;
        }
    }

    // Leaves out a name the gazetteer does not know when it is made of common words, stands only
    // in a title-case headline, is the title of a work (a work noun stands before it somewhere in
    // the article), is labelled misc in the article with more summed margin than its own type, or
    // is a lone name the recogniser is not sure enough of. A name in a row of a table is kept
    // though made of common words or lone, when the table's rows hold other names of its type.
    void judge(const Group& group, ExplainedActor& actor) const {
        if (group.entry != nullptr) return;
        const EntityType type = entity_type_of(group.type);
        const float threshold = m_thresholds[static_cast<std::size_t>(type)];
        std::vector<std::string> keys{document_key(group.words)};
        for (std::size_t k : group.mentions) keys.push_back(document_key(m_mentions[k].words));
        const std::string* work = nullptr;
        float misc = 0.0F;
        for (const std::string& key : keys) {
            if (auto it = m_work_keys.find(key); it != m_work_keys.end() && work == nullptr) work = &it->second;
            if (auto it = m_misc_weight.find(key); it != m_misc_weight.end()) misc = std::max(misc, it->second);
        }
        // The rows of a table name things of one kind: a row's name the recogniser labels as it
        // labels the other rows is kept, though it is a common word ("Reading", "Bury" among
        // football clubs) or mentioned once without a cue, as table rows have no words around.
        const std::size_t rows = m_table_rows[static_cast<std::size_t>(type)];
        const bool in_table = group.table_row && rows >= min_table_rows;
        const bool unsure_lone = actor.lone && actor.margin < threshold;
        if (group.common_words && !in_table)
            actor.evidence.push_back("it is made only of common words");
        else if (group.headline_only) actor.evidence.push_back("it stands only in a headline in title case");
        else if (work != nullptr)
            actor.evidence.push_back("a work noun stands before \"" + *work + "\" in this article: the title of a work, not an actor");
        else if (misc > group.weight)
            actor.evidence.push_back("the recogniser labels it misc (a work, event or nationality) in this article with a larger "
                                     "summed margin (" + std::to_string(static_cast<int>(misc)) + ") than " +
                                     std::string(to_string(group.type)) + " (" +
                                     std::to_string(static_cast<int>(group.weight)) + ")");
        else if (unsure_lone && !in_table)
            actor.evidence.push_back("it is mentioned once, with no cue word, and the recogniser is not sure enough of it "
                                     "(margin below " + std::to_string(static_cast<int>(threshold)) + ")");
        else {
            if (in_table && (group.common_words || unsure_lone))
                actor.evidence.push_back("it is in a row of a table, as " + std::to_string(rows) + " names labelled " +
                                         std::string(conll_name(type)) + " in this article do");
            return;
        }
        actor.kept = false;
    }

    std::vector<ExplainedActor> actors() const {
        std::vector<ExplainedActor> built;        // in group order
        std::vector<std::uint32_t> first_orders;  // of each
        for (const Group& group : m_groups) {
            if (group.merged_into != no_group) continue;
            ExplainedActor actor;
            actor.actor.name = group.name;
            actor.actor.type = group.type;
            actor.mentions = group.mentions;
            std::sort(actor.mentions.begin(), actor.mentions.end(),
                      [this](std::size_t a, std::size_t b) { return m_mentions[a].order < m_mentions[b].order; });
            actor.evidence = group.evidence;
            for (std::size_t k : actor.mentions) {
                if (auto note = m_notes.find(k); note != m_notes.end() &&
                    std::find(actor.evidence.begin(), actor.evidence.end(), note->second) == actor.evidence.end())
                    actor.evidence.push_back(note->second);
                const std::string text = plain_apostrophes(m_mentions[k].text);
                auto& list = actor.actor.mentions;
                if (std::find(list.begin(), list.end(), text) == list.end()) list.push_back(text);
            }
            if (group.entry == nullptr) actor.evidence.insert(actor.evidence.begin(), "not in the gazetteer: named as the article writes it");
            actor.lone = group.entry == nullptr && !group.cue && group.mentions.size() < 2;
            actor.margin = group.top_margin;
            judge(group, actor);
            built.push_back(std::move(actor));
            first_orders.push_back(group.first_order);
        }
        // By type, then first appearance, ties in group order. Their indices are sorted rather
        // than the actors themselves, whose strings and vectors cost a move at every step.
        std::vector<std::size_t> order(built.size());
        for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            if (built[a].actor.type != built[b].actor.type) return built[a].actor.type < built[b].actor.type;
            return first_orders[a] < first_orders[b];
        });
        std::vector<ExplainedActor> out;
        out.reserve(order.size());
        for (std::size_t k : order) out.push_back(std::move(built[k]));
        return out;
    }

    const std::vector<NameMention>& m_mentions;
    const Gazetteer& m_gazetteer;
    const LoneNameThresholds& m_thresholds;
    std::vector<Group> m_groups;
    std::unordered_map<const GazetteerEntry*, std::size_t> m_by_entry;
    std::unordered_map<std::string, std::size_t> m_by_key;
    std::map<std::size_t, std::string> m_notes;  // mention -> why the gazetteer's entry was not used
    std::map<std::string, std::string> m_work_keys;         // document_key -> a mention after a work noun
    std::unordered_map<std::string, float> m_misc_weight;   // document_key -> summed margins labelled misc
    std::array<std::size_t, entity_type_count> m_table_rows{};  // confident mentions in table rows, by type
};

}  // namespace

std::vector<ExplainedActor> canonicalize_names(const std::vector<NameMention>& mentions, const Gazetteer& gazetteer,
                                               const LoneNameThresholds& thresholds) {
    return Canonicalizer(mentions, gazetteer, thresholds).run();
}

}  // namespace newsdex
