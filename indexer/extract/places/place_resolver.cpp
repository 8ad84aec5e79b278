#include "indexer/extract/places/place_resolver.hpp"

#include <algorithm>
#include <iterator>
#include <sstream>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "common/unicode_text.hpp"
#include "indexer/extract/places/dateline_place.hpp"

namespace newsdex {
namespace {

// A namesake wins on population alone when it has this many times the next one's people.
constexpr std::uint64_t population_margin = 3;
// The most words of an organisation's name tried as one country name ("United Arab Emirates").
constexpr std::size_t max_country_words = 4;
// The most capitalised words read as a qualifier after "Name, " ("New South Wales").
constexpr std::size_t max_qualifier_words = 3;
// Rounds of deciding namesakes by the places already decided.
constexpr int evidence_rounds = 2;

bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}
bool is_capital(char c) { return (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0xC0; }

// The words of a name, split at spaces.
std::vector<std::string> words_of(const std::string& name) {
    std::istringstream in(name);
    return {std::istream_iterator<std::string>(in), std::istream_iterator<std::string>()};
}

// `word` case-folded, without the punctuation around it.
std::string bare_lower(std::string_view word) {
    while (!word.empty() && !is_letter(word.front())) word.remove_prefix(1);
    while (!word.empty() && !is_letter(word.back())) word.remove_suffix(1);
    return fold_case(word);
}

// Whether the one word words[at] is written as a language, not as its people's nationality:
// "Spanish-speaking", "English-language", "speak English", "in English", "into French",
// "in English and Spanish" (both; but not "in English rugby" or "in Japanese industry", where a
// noun follows it).
bool names_a_language(const std::vector<std::string>& words, std::size_t at) {
    const std::string& word = words[at];
    for (std::string_view suffix : {"-language", "-speaking", "-speaker"}) {
        if (word.find(suffix) != std::string::npos) return true;
    }
    if (at == 0) return false;
    static const std::set<std::string, std::less<>> speaking{"speak", "speaks", "speaking", "spoke", "spoken"};
    static const std::set<std::string, std::less<>> in{"in", "into"};
    static const std::set<std::string, std::less<>> function_words{"and", "or", "by", "for", "to", "at", "as", "with",
                                                                   "from", "on", "but", "than", "too", "only", "instead"};
    const std::string before = bare_lower(words[at - 1]);
    if (speaking.count(before)) return true;
    // "in English and Spanish": the second of two languages.
    if ((before == "and" || before == "or") && at >= 2 && is_capital(words[at - 2][0]) && names_a_language(words, at - 2))
        return true;
    if (!in.count(before) || !is_letter(words[at - 1].back())) return false;
    // "in English." or "in English and ...": nothing that it could be the adjective of follows.
    if (!is_letter(word.back()) || at + 1 == words.size()) return true;
    return function_words.count(bare_lower(words[at + 1])) > 0;
}

template <typename Word>
std::string join(const std::vector<Word>& words, std::size_t from, std::size_t count) {
    std::string out;
    for (std::size_t i = from; i < from + count; ++i) {
        if (!out.empty()) out += ' ';
        out += words[i];
    }
    return out;
}

std::string with_commas(std::uint64_t number) {
    std::string digits = std::to_string(number), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

// 19870303 -> "1987-03-03".
std::string date_text(DateNumber date) {
    const std::string digits = std::to_string(date);
    return digits.substr(0, 4) + "-" + digits.substr(4, 2) + "-" + digits.substr(6, 2);
}

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

// The outcome for one place.
struct Choice {
    PlaceId entry = no_place;    ///< the entry it is, when decided
    PlaceId country = no_place;  ///< when only the country is known
    PlaceId region = no_place;   ///< when only the region is known (with the country)
    std::string why;
};

// A place being resolved.
struct Item {
    std::vector<PlaceCandidate> candidates;
    const GazetteerEntry* given = nullptr;  ///< a gazetteer entry that gives its country itself
    bool ambiguous_name = false;            ///< the gazetteer calls its name ambiguous
    bool decided = false;
    Choice choice;
};

class Resolver {
public:
    Resolver(const Article& article, const std::optional<ParsedDate>& date, const Geography& geography,
             const Gazetteer& gazetteer)
        : m_article(article), m_geography(geography), m_gazetteer(gazetteer) {
        if (date) m_date = date->year * 10000 + date->month * 100 + date->day;
    }

    std::vector<Actor> run(std::vector<Actor> actors) {
        std::vector<Actor> others;
        for (auto& actor : actors) {
            if (actor.type == ActorType::org && m_geography.country_named(actor.name)) actor.type = ActorType::place;
            (actor.type == ActorType::place ? m_places : others).push_back(std::move(actor));
        }
        for (const Actor& place : m_places) m_items.push_back(item_for(place));
        add_dateline_place();
        for (const Actor& actor : others) {
            if (actor.type == ActorType::org) add_countries_named_in(actor.name);
        }
        add_countries_written();
        for (std::size_t i = 0; i < m_items.size(); ++i) decide_alone(i);
        for (int round = 0; round < evidence_rounds; ++round) {
            for (std::size_t i = 0; i < m_items.size(); ++i) {
                if (!m_items[i].decided) decide_by_evidence(i, round + 1 == evidence_rounds);
            }
        }
        for (std::size_t i = 0; i < m_items.size(); ++i) roll_up(i);
        merge_places();
        for (auto& place : m_places) others.push_back(std::move(place));
        return others;
    }

private:
    // --- finding candidates ---------------------------------------------------------------------
    Item item_for(const Actor& place) const {
        Item item;
        if (auto match = m_gazetteer.find(place.name); match && match->entry->type == ActorType::place) {
            item.ambiguous_name = match->entry->ambiguous;
            if (!match->entry->country.empty() || !match->entry->region.empty()) {
                item.given = match->entry;
                return item;
            }
        }
        item.candidates = candidates_for(place.name);
        for (std::size_t i = 0; item.candidates.empty() && i < place.mentions.size(); ++i) {
            item.candidates = candidates_for(place.mentions[i]);
        }
        return item;
    }

    // The entries a name denotes: as written, else as the gazetteer names it ("Soviet" -> Soviet Union).
    std::vector<PlaceCandidate> candidates_for(std::string_view name) const {
        std::vector<PlaceCandidate> found = m_geography.find(name);
        if (!found.empty()) return found;
        if (auto match = m_gazetteer.find(name); match && match->entry->type == ActorType::place) {
            return m_geography.find(match->entry->name);
        }
        return found;
    }

    // The countries and regions a qualifier names ("Ore.", "Texas", "Myanmar"), as entry ids.
    std::set<PlaceId> qualified_by(std::string_view qualifier) const {
        std::set<PlaceId> out;
        for (const PlaceCandidate& candidate : candidates_for(qualifier)) {
            const PlaceKind kind = m_geography.place(candidate.id).kind;
            if (kind != PlaceKind::town) out.insert(candidate.id);
        }
        return out;
    }

    // Keeps the candidates inside one of `within`; true when that leaves some.
    bool narrow(Item& item, const std::set<PlaceId>& within) const {
        std::vector<PlaceCandidate> kept;
        for (const PlaceCandidate& candidate : item.candidates) {
            const Place place = m_geography.place(candidate.id);
            if (within.count(place.region) != 0 || within.count(place.country) != 0) kept.push_back(candidate);
        }
        if (kept.empty()) return false;
        item.candidates = std::move(kept);
        return true;
    }

    // --- places that are not actors yet ---------------------------------------------------------
    void add_dateline_place() {
        const std::optional<DatelinePlace> dateline = find_dateline_place(m_article);
        if (!dateline) return;
        std::vector<PlaceCandidate> candidates = candidates_for(dateline->place);
        const std::string why = "dateline " + in_quotes(dateline->dateline);
        const std::string key = Gazetteer::fold_key(dateline->place);
        std::size_t index = find_place(key);
        if (candidates.empty() && index == m_places.size()) {
            // A town too small for the geography, placed by its qualifier: "ARMONK, N.Y.".
            Item item;
            if (dateline->qualifier.empty() || !place_within(item, dateline->qualifier)) return;
            item.choice.why = why + ": a town the geography lacks, " + item.choice.why;
            m_places.emplace_back(title_case(dateline->place), ActorType::place, std::vector<std::string>{});
            m_items.push_back(std::move(item));
        } else if (index == m_places.size()) {
            m_places.emplace_back(std::string(m_geography.place(candidates.front().id).name), ActorType::place,
                                  std::vector<std::string>{});
            Item item;
            item.candidates = std::move(candidates);
            if (auto match = m_gazetteer.find(m_places.back().name)) item.ambiguous_name = match->entry->ambiguous;
            m_items.push_back(std::move(item));
        }
        add_mention(m_places[index], dateline->place);
        m_dateline_item = index;
        m_dateline_why = why;
        Item& item = m_items[index];
        if (item.given != nullptr || item.decided) return;
        if (!dateline->qualifier.empty() && narrow(item, qualified_by(dateline->qualifier)) &&
            item.candidates.size() == 1) {
            decide(item, item.candidates.front().id, m_dateline_why);
        }
    }

    // Settles a place the geography lacks by its qualifier alone, when that names one region or
    // one country: the place is in it. False when it names none or several.
    bool place_within(Item& item, std::string_view qualifier) const {
        const std::set<PlaceId> within = qualified_by(qualifier);
        std::optional<Place> region, country;
        for (PlaceId id : within) {
            const Place place = m_geography.place(id);
            std::optional<Place>& slot = place.kind == PlaceKind::region ? region : country;
            if (slot) return false;
            slot = place;
        }
        if (region && country && region->country != country->id) return false;
        if (!region && !country) return false;
        item.decided = true;
        item.choice.region = region ? region->id : no_place;
        item.choice.country = region ? region->country : country->id;
        item.choice.why = "in " + std::string((region ? *region : *country).name);
        return true;
    }

    // "ARMONK" -> "Armonk", "ST. PAUL" -> "St. Paul", "WINSTON-SALEM" -> "Winston-Salem".
    static std::string title_case(std::string_view text) {
        std::string out;
        bool word_start = true;
        for (char c : text) {
            const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (letter) {
                const bool upper = c >= 'A' && c <= 'Z';
                if (word_start && !upper) c = static_cast<char>(c - 'a' + 'A');
                if (!word_start && upper) c = static_cast<char>(c - 'A' + 'a');
            }
            out += c;
            word_start = !letter && static_cast<unsigned char>(c) < 0x80 && c != '\'';
        }
        return out;
    }

    // The countries named at the start of an organisation's name ("U.S. Agriculture Department",
    // "Japanese Finance Ministry") or as "of COUNTRY" at its end ("Bank of Japan").
    void add_countries_named_in(const std::string& org) {
        const std::vector<std::string> words = words_of(org);
        std::size_t first = (!words.empty() && (words[0] == "The" || words[0] == "the")) ? 1 : 0;
        for (std::size_t count = std::min(max_country_words, words.size() - std::min(first, words.size()));
             count > 0; --count) {
            if (add_country(join(words, first, count), org, true)) return;
        }
        for (std::size_t of = first; of + 1 < words.size(); ++of) {
            if (words[of] != "of") continue;
            const std::size_t count = words.size() - of - 1;
            if (count <= max_country_words && add_country(join(words, of + 1, count), org, false)) return;
        }
    }

    // The countries the article writes by name or nationality that are no place of it yet:
    // "Soviet officials", "West German officials", "the Japanese Finance Ministry", "Athletics
    // Kenya" (a name the recogniser was unsure of). The recogniser leaves a nationality a
    // nationality, as its training data does, and a country inside an organisation's name part
    // of the name; but an article about Soviet officials is about the Soviet Union, so for the
    // country facet and country: the country is a place of the article. Only countries whose
    // names are unambiguous count (not Chad, Jordan or Georgia).
    void add_countries_written() {
        for (const std::string* text : texts()) {
            const std::vector<std::string> words = words_of(*text);
            for (std::size_t i = 0; i < words.size(); ++i) {
                // Demonyms are capitalised throughout ("West German", "South African").
                std::size_t capitalised = 0;
                while (capitalised < max_country_words && i + capitalised < words.size() &&
                       is_capital(words[i + capitalised][0]))
                    ++capitalised;
                for (std::size_t count = capitalised; count > 0; --count) {
                    std::string surface = join(words, i, count);
                    // "Egyptian-born", "Kenya-based", "U.S.-led": the name before the hyphen.
                    if (const std::size_t hyphen = surface.find('-'); count == 1 && hyphen != std::string::npos) {
                        surface.resize(hyphen);
                    }
                    while (!surface.empty() && !is_letter(surface.back())) surface.pop_back();
                    const bool language = count == 1 && names_a_language(words, i);
                    if (add_country(surface, surface, !language, Origin::text)) {
                        i += count - 1;
                        break;
                    }
                }
            }
        }
    }

    // Where add_country() found a country's name: inside an organisation's name, or in the text.
    enum class Origin { organisation, text };

    // Adds the country `surface` names (a demonym only when `adjective_allowed`; in the text, a
    // demonym may also name a first-level region) as a place mentioned as `mention`; false when
    // it names none.
    bool add_country(std::string surface, const std::string& mention, bool adjective_allowed,
                     Origin origin = Origin::organisation) {
        for (std::string_view possessive : {"'s", "\xE2\x80\x99s"}) {
            if (surface.ends_with(possessive)) surface.resize(surface.size() - possessive.size());
        }
        auto match = m_gazetteer.find(surface);
        if (!match || match->entry->type != ActorType::place || match->entry->ambiguous) return false;
        if (match->via_demonym && !adjective_allowed) return false;
        std::optional<Place> nation = m_geography.country_named(match->entry->name);
        // A nation the geography holds as a first-level region ("English", "Scottish", "Welsh"
        // of England, Scotland, Wales) is the place its nationality names, as a country's is.
        if (!nation && match->via_demonym && origin == Origin::text) nation = m_geography.region_named(match->entry->name);
        if (!nation) return false;
        std::size_t index = find_place(Gazetteer::fold_key(nation->name));
        if (index == m_places.size()) {
            m_places.emplace_back(std::string(nation->name), ActorType::place, std::vector<std::string>{});
            m_items.push_back(Item{});
            const std::string why = origin == Origin::organisation ? "named in the organisation "
                                    : match->via_demonym           ? "named by its nationality "
                                                                   : "written in the text as ";
            decide(m_items.back(), nation->id, why + in_quotes(mention));
            m_places.back().country_only = origin == Origin::text;
        }
        add_mention(m_places[index], mention);
        return true;
    }

    // The place whose name or a mention folds to `key`, or m_places.size().
    std::size_t find_place(const std::string& key) const {
        for (std::size_t i = 0; i < m_places.size(); ++i) {
            if (Gazetteer::fold_key(m_places[i].name) == key) return i;
            for (const auto& mention : m_places[i].mentions) {
                if (Gazetteer::fold_key(mention) == key) return i;
            }
        }
        return m_places.size();
    }

    static void add_mention(Actor& actor, const std::string& mention) {
        if (std::find(actor.mentions.begin(), actor.mentions.end(), mention) == actor.mentions.end()) {
            actor.mentions.push_back(mention);
        }
    }

    // --- deciding -------------------------------------------------------------------------------
    static void decide(Item& item, PlaceId entry, std::string why) {
        item.decided = true;
        item.choice.entry = entry;
        item.choice.why = std::move(why);
    }

    // Decides what needs no other place: a gazetteer entry's own country, a single candidate,
    // a qualifier written beside the name.
    void decide_alone(std::size_t index) {
        Item& item = m_items[index];
        if (item.decided) return;
        if (item.given != nullptr) {
            item.decided = true;
            item.choice.why = "given by the gazetteer";
            if (auto country = m_geography.country_named(item.given->country)) item.choice.country = country->id;
            if (auto region = m_geography.region_named(item.given->region)) {
                item.choice.region = region->id;
                if (item.given->country.empty()) item.choice.country = region->country;
            }
            return;
        }
        if (item.candidates.empty()) {
            // A place the geography lacks, written with its region: "Armonk, N.Y.".
            for (const auto& mention : m_places[index].mentions) {
                for (const std::string& qualifier : qualifiers_after(mention)) {
                    if (!place_within(item, qualifier)) continue;
                    item.choice.why = "written " + in_quotes(mention + ", " + qualifier) + ": a place the geography lacks, " +
                                      item.choice.why;
                    return;
                }
            }
            return;
        }
        if (item.candidates.size() == 1) {
            const PlaceCandidate only = item.candidates.front();
            decide(item, only.id,
                   only.via_abbreviation ? "abbreviation of " + std::string(m_geography.place(only.id).name)
                                         : std::string("the only place of that name"));
            return;
        }
        for (const auto& mention : m_places[index].mentions) {
            if (decide_by_qualifier(item, mention)) return;
        }
    }

    // "Paris, Texas": the region or country written after a mention narrows its candidates.
    bool decide_by_qualifier(Item& item, const std::string& mention) {
        for (const std::string& qualifier : qualifiers_after(mention)) {
            const std::set<PlaceId> within = qualified_by(qualifier);
            if (within.empty() || !narrow(item, within)) continue;
            if (item.candidates.size() != 1) return false;
            decide(item, item.candidates.front().id, "written " + in_quotes(mention + ", " + qualifier));
            return true;
        }
        return false;
    }

    // What the text writes after "MENTION, ": its first capitalised words, longest first
    // ("New South Wales", "New South", "New"), for every occurrence of the mention.
    std::vector<std::string> qualifiers_after(const std::string& mention) const {
        std::vector<std::string> out;
        for (const std::string* text : texts()) {
            for (std::size_t at = text->find(mention); at != std::string::npos; at = text->find(mention, at + 1)) {
                if (at > 0 && is_letter((*text)[at - 1])) continue;
                const std::size_t after = at + mention.size();
                if (text->compare(after, 2, ", ") != 0) continue;
                const std::vector<std::string_view> words = capitalised_words(std::string_view(*text).substr(after + 2));
                for (std::size_t count = words.size(); count > 0; --count) out.push_back(join(words, 0, count));
            }
        }
        return out;
    }

    std::vector<const std::string*> texts() const {
        std::vector<const std::string*> out{&m_article.title};
        for (const auto& paragraph : m_article.paragraphs) out.push_back(&paragraph);
        return out;
    }

    // The capitalised words at the start of `text` ("Ore., March 3" gives "Ore."), at most a few.
    static std::vector<std::string_view> capitalised_words(std::string_view text) {
        std::vector<std::string_view> words;
        std::size_t start = 0;
        while (words.size() < max_qualifier_words && start < text.size() && is_capital(text[start])) {
            std::size_t end = start;
            while (end < text.size() && text[end] != ' ' && text[end] != ',' && text[end] != ';' && text[end] != ')' &&
                   text[end] != ':')
                ++end;
            // A period may end the sentence ("Maine.") or the abbreviation ("Ore."): folding drops it.
            words.push_back(text.substr(start, end - start));
            if (end >= text.size() || text[end] != ' ') break;
            start = end + 1;
        }
        return words;
    }

    // What the article's other decided places say: the regions and countries it names, and the
    // regions and countries that hold a place it names (each with that place's name).
    struct Context {
        std::map<PlaceId, std::string> named;
        std::map<PlaceId, std::string> holding;
    };

    Context context_without(std::size_t index) const {
        Context context;
        for (std::size_t i = 0; i < m_items.size(); ++i) {
            const Item& item = m_items[i];
            if (i == index || !item.decided || item.choice.entry == no_place) continue;
            const Place place = m_geography.place(item.choice.entry);
            if (place.kind != PlaceKind::town) context.named.emplace(place.id, place.name);
            if (place.region != no_place) context.holding.emplace(place.region, place.name);
            if (place.country != no_place) context.holding.emplace(place.country, place.name);
        }
        return context;
    }

    // Strong evidence for a namesake: the article names its region ("Portland" beside "Oregon"),
    // or a place inside it ("Georgia" beside "Atlanta" or "Tbilisi"). Empty when there is none.
    static std::string strong_evidence(const Place& place, const Context& context) {
        if (place.kind == PlaceKind::town) {
            if (auto it = context.named.find(place.region); it != context.named.end()) return "the article names " + it->second;
            return {};
        }
        if (auto it = context.holding.find(place.id); it != context.holding.end()) {
            return "the article names " + it->second + ", in it";
        }
        return {};
    }

    // Weak evidence: the article names another place in its region, or its country or a place in
    // it. Counts the two.
    static int weak_evidence(const Place& place, const Context& context) {
        int points = 0;
        if (place.kind == PlaceKind::town && context.holding.count(place.region) != 0) ++points;
        if (place.country != no_place &&
            (context.named.count(place.country) != 0 || context.holding.count(place.country) != 0)) {
            ++points;
        }
        return points;
    }

    // Decides between namesakes by the other places, then by the priors; on the last round an
    // undecided place is settled as far as it can be (its country alone, or nothing).
    void decide_by_evidence(std::size_t index, bool last_round) {
        Item& item = m_items[index];
        if (item.candidates.empty()) return;
        const Context context = context_without(index);
        std::vector<Place> places = places_of(item.candidates);
        std::vector<Place> strong;
        std::copy_if(places.begin(), places.end(), std::back_inserter(strong),
                     [&](const Place& place) { return !strong_evidence(place, context).empty(); });
        std::string why = index == m_dateline_item ? m_dateline_why + "; " : std::string();
        if (strong.size() == 1) {
            decide(item, strong.front().id, why + strong_evidence(strong.front(), context));
            return;
        }
        if (!strong.empty()) places = std::move(strong);
        if (!last_round) return;
        if (index == m_dateline_item && places.size() > 1) {
            // A dateline names a town: its same-named region is not meant ("TOKYO").
            std::vector<Place> towns;
            std::copy_if(places.begin(), places.end(), std::back_inserter(towns),
                         [](const Place& place) { return place.kind == PlaceKind::town; });
            if (!towns.empty()) places = std::move(towns);
            if (places.size() == 1) {
                decide(item, places.front().id, why + "the only town of that name");
                return;
            }
        }
        std::string prior;
        if (const auto chosen = by_prior(places, item.ambiguous_name, prior)) {
            decide(item, chosen->id, why + prior);
            return;
        }
        // Weak evidence decides only where no prior did ("Cambridge" beside "United States").
        int best = 0;
        for (const Place& place : places) best = std::max(best, weak_evidence(place, context));
        const auto leaders = std::count_if(places.begin(), places.end(),
                                           [&](const Place& place) { return best > 0 && weak_evidence(place, context) == best; });
        if (leaders == 1) {
            const Place& chosen = *std::find_if(places.begin(), places.end(),
                                                [&](const Place& place) { return weak_evidence(place, context) == best; });
            decide(item, chosen.id, why + "the article names other places in " + std::string(m_geography.place(chosen.country).name));
            return;
        }
        if (by_gazetteer(places, item.ambiguous_name, prior)) {
            decide(item, places.front().id, why + prior);
            return;
        }
        settle_shared(item, places);
    }

    // The namesake a prior picks, with the reason: a stand-alone city, a town over its
    // same-named region, a country over a region or town of its name (unless the name is
    // ambiguous), a clear population lead.
    static std::optional<Place> by_prior(std::vector<Place> places, bool ambiguous_name, std::string& why) {
        if (places.size() == 1) {
            why = "the only place of that name left";
            return places.front();
        }
        const auto standalone = std::count_if(places.begin(), places.end(), [](const Place& p) { return p.standalone; });
        if (standalone == 1) {
            why = "its name stands alone in datelines";
            return *std::find_if(places.begin(), places.end(), [](const Place& p) { return p.standalone; });
        }
        std::erase_if(places, [&](const Place& region) {
            return region.kind == PlaceKind::region && std::any_of(places.begin(), places.end(), [&](const Place& p) {
                       return p.kind == PlaceKind::town && p.region == region.id;
                   });
        });
        if (places.size() == 1) {
            why = "a town over its region of the same name";
            return places.front();
        }
        auto is_state = [](const Place& p) { return p.kind == PlaceKind::country || p.kind == PlaceKind::former_country; };
        if (!ambiguous_name && std::count_if(places.begin(), places.end(), is_state) == 1) {
            why = "a country of that name";
            return *std::find_if(places.begin(), places.end(), is_state);
        }
        // A place added by hand (bindings.tsv) has no population: no lead can be measured then.
        const bool populations_known =
            std::none_of(places.begin(), places.end(), [](const Place& p) { return p.population == 0; });
        std::sort(places.begin(), places.end(), [](const Place& a, const Place& b) { return a.population > b.population; });
        if (populations_known && places[0].population >= population_margin * places[1].population) {
            why = "the most populous of " + std::to_string(places.size()) + " places of that name (" +
                  with_commas(places[0].population) + " people, next " + with_commas(places[1].population) + ")";
            return places.front();
        }
        return std::nullopt;
    }

    // Moves the place the built-in gazetteer means by the name to the front; false when the
    // name is ambiguous or no single candidate is it.
    static bool by_gazetteer(std::vector<Place>& places, bool ambiguous_name, std::string& why) {
        auto is_meant = [](const Place& p) { return p.gazetteer; };
        if (ambiguous_name || std::count_if(places.begin(), places.end(), is_meant) != 1) return false;
        std::iter_swap(places.begin(), std::find_if(places.begin(), places.end(), is_meant));
        why = "the place the gazetteer means by that name";
        return true;
    }

    // No namesake won: keep what they share (their country, and region), or nothing.
    void settle_shared(Item& item, const std::vector<Place>& places) {
        item.decided = true;
        const Place& first = places.front();
        const PlaceId country = first.kind == PlaceKind::country ? first.id : first.country;
        const PlaceId region = first.kind == PlaceKind::region ? first.id : first.region;
        bool same_country = country != no_place, same_region = region != no_place;
        for (const Place& place : places) {
            same_country = same_country && (place.kind == PlaceKind::country ? place.id : place.country) == country;
            same_region = same_region && (place.kind == PlaceKind::region ? place.id : place.region) == region;
        }
        std::set<PlaceId> countries;
        for (const Place& place : places) countries.insert(place.kind == PlaceKind::country ? place.id : place.country);
        if (!same_country) {
            item.choice.why = std::to_string(places.size()) + " places of that name in " + std::to_string(countries.size()) +
                              " countries and nothing in the article to choose: left unresolved";
            return;
        }
        item.choice.country = country;
        if (same_region) item.choice.region = region;
        item.choice.why = "every place of that name is in " + std::string(m_geography.place(same_region ? region : country).name);
    }

    // --- rolling up -----------------------------------------------------------------------------
    void roll_up(std::size_t index) {
        Item& item = m_items[index];
        Actor& actor = m_places[index];
        if (!item.decided) {
            if (item.candidates.empty()) return;
            settle_shared(item, places_of(item.candidates));
        }
        const Choice& choice = item.choice;
        actor.rollup = choice.why;
        PlaceId region = choice.region, country = choice.country;
        std::optional<Place> place;
        if (choice.entry != no_place) {
            place = m_geography.place(choice.entry);
            actor.name = std::string(place->name);
            switch (place->kind) {
                case PlaceKind::country:
                case PlaceKind::former_country: country = place->id; break;
                case PlaceKind::region: region = place->id; country = place->country; break;
                case PlaceKind::town: region = place->region; country = place->country; break;
            }
        } else if (country != no_place) {
            place = m_geography.place(region != no_place ? region : country);
        }
        if (region != no_place) actor.region = std::string(m_geography.place(region).name);
        if (country != no_place) actor.country = std::string(m_geography.place(country).name);
        if (item.given != nullptr) {
            // The user's own country or region, as written when the geography does not know it.
            if (region == no_place) actor.region = item.given->region;
            if (country == no_place) actor.country = item.given->country;
            return;
        }
        if (place && m_date) {
            if (const auto former = m_geography.former_state_on(*place, *m_date)) {
                actor.country = std::string(m_geography.place(former->state).name);
                actor.rollup += "; former state on " + date_text(*m_date) + ": " + actor.country + " (" +
                                std::string(m_geography.place(former->member).name) + " was part of it until " +
                                date_text(former->until) + ")";
            }
        }
    }

    std::vector<Place> places_of(const std::vector<PlaceCandidate>& candidates) const {
        std::vector<Place> out;
        for (const auto& candidate : candidates) out.push_back(m_geography.place(candidate.id));
        return out;
    }

    // Two actors that became one place ("Ore" and "Oregon") are one actor. The dateline's place
    // comes first: it opens the article.
    void merge_places() {
        if (m_dateline_item < m_places.size()) {
            std::rotate(m_places.begin(), m_places.begin() + static_cast<std::ptrdiff_t>(m_dateline_item),
                        m_places.begin() + static_cast<std::ptrdiff_t>(m_dateline_item) + 1);
        }
        std::vector<Actor> merged;
        for (auto& place : m_places) {
            auto same = std::find_if(merged.begin(), merged.end(), [&](const Actor& other) {
                return Gazetteer::fold_key(other.name) == Gazetteer::fold_key(place.name) && other.region == place.region &&
                       other.country == place.country;
            });
            if (same == merged.end()) {
                merged.push_back(std::move(place));
                continue;
            }
            for (const auto& mention : place.mentions) add_mention(*same, mention);
            same->country_only = same->country_only && place.country_only;
        }
        m_places = std::move(merged);
    }

    const Article& m_article;
    const Geography& m_geography;
    const Gazetteer& m_gazetteer;
    std::optional<DateNumber> m_date;
    std::vector<Actor> m_places;  ///< the article's places, parallel to m_items
    std::vector<Item> m_items;
    std::size_t m_dateline_item = static_cast<std::size_t>(-1);  ///< the dateline's place, if any
    std::string m_dateline_why;
};

}  // namespace

std::vector<Actor> resolve_places(const Article& article, std::vector<Actor> actors,
                                  const std::optional<ParsedDate>& date, const Geography& geography,
                                  const Gazetteer& gazetteer) {
    return Resolver(article, date, geography, gazetteer).run(std::move(actors));
}

}  // namespace newsdex
