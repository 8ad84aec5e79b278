#include "common/schema.hpp"

#include <nlohmann/json.hpp>

#include "common/stable_hash.hpp"

namespace newsdex::schema {
namespace {

// Xapian rejects terms over 245 bytes; leave room for the prefix.
constexpr std::size_t max_term_bytes = 240;

std::string trim_to_term(std::string term) {
    if (term.size() <= max_term_bytes) return term;
    // Keep a readable head, and a hash of the whole so distinct long names stay distinct.
    std::string hashed = term.substr(0, max_term_bytes - 33);
    // Do not cut inside a UTF-8 sequence.
    while (!hashed.empty() && (static_cast<unsigned char>(hashed.back()) & 0xC0) == 0x80) hashed.pop_back();
    if (!hashed.empty() && static_cast<unsigned char>(hashed.back()) >= 0xC0) hashed.pop_back();
    return hashed + "#" + stable_hash_hex128(term);
}

std::vector<std::string> string_list(const nlohmann::json& j, const char* key) {
    std::vector<std::string> out;
    if (auto it = j.find(key); it != j.end() && it->is_array()) {
        for (const auto& item : *it) {
            if (item.is_string()) out.push_back(item.get<std::string>());
        }
    }
    return out;
}

std::string string_field(const nlohmann::json& j, const char* key) {
    if (auto it = j.find(key); it != j.end() && it->is_string()) return it->get<std::string>();
    return {};
}

}  // namespace

std::string id_term(std::string_view id) { return trim_to_term(std::string(id_prefix) + std::string(id)); }

std::string alias_id_term(std::string_view id) {
    return trim_to_term(std::string(alias_id_prefix) + std::string(id));
}

std::string fold_key(std::string_view name) {
    std::string lowered = Xapian::Unicode::tolower(std::string(name));
    std::string out;
    out.reserve(lowered.size());
    bool pending_space = false;
    for (char c : lowered) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

std::string boolean_term(std::string_view prefix, std::string_view name) {
    return trim_to_term(std::string(prefix) + fold_key(name));
}

std::string stem_term(std::string_view stem) { return std::string(stem_prefix) + std::string(stem); }

bool is_body_stem_term(std::string_view term) {
    if (term.size() < 2 || !term.starts_with(stem_prefix)) return false;
    const char next = term[stem_prefix.size()];
    return !(next >= 'A' && next <= 'Z');
}

std::string_view date_precision_value(DatePrecision precision) {
    switch (precision) {
        case DatePrecision::day: return "d";
        case DatePrecision::month: return "m";
        case DatePrecision::year: return "y";
    }
    return {};
}

std::string date_key(std::string_view yyyymmdd, DatePrecision precision) {
    return std::string(yyyymmdd) + std::string(date_precision_value(precision));
}

std::optional<DatePrecision> date_precision_of_value(std::string_view value) {
    for (DatePrecision precision : {DatePrecision::day, DatePrecision::month, DatePrecision::year}) {
        if (value == date_precision_value(precision) || value == to_string(precision)) return precision;
    }
    return std::nullopt;
}

std::string_view actor_type_prefix(ActorType type) {
    switch (type) {
        case ActorType::person: return person_prefix;
        case ActorType::org: return org_prefix;
        case ActorType::place: return place_prefix;
    }
    return actor_prefix;
}

Xapian::valueno facet_slot(FacetFamily family, std::size_t k) {
    constexpr Xapian::valueno first = 1u << 20;
    return first + static_cast<Xapian::valueno>(static_cast<std::size_t>(family) * facet_family_slots + k);
}

FacetFamily facet_family(ActorType type) {
    switch (type) {
        case ActorType::person: return FacetFamily::person;
        case ActorType::org: return FacetFamily::org;
        case ActorType::place: return FacetFamily::place;
    }
    return FacetFamily::place;
}

FacetIdKind facet_id_kind(ActorType type) {
    switch (type) {
        case ActorType::person: return FacetIdKind::person;
        case ActorType::org: return FacetIdKind::org;
        case ActorType::place: return FacetIdKind::place;
    }
    return FacetIdKind::place;
}

std::string pack_facet_ids(std::uint32_t dictionary_tag, const std::vector<FacetId>& ids) {
    std::string packed;
    packed.reserve(detail::facet_ids_tag_bytes + ids.size() * 3);
    for (std::size_t i = 0; i < detail::facet_ids_tag_bytes; ++i) packed += static_cast<char>((dictionary_tag >> (8 * i)) & 0xff);
    for (const FacetId& record : ids) {
        std::uint64_t value = static_cast<std::uint64_t>(record.id) << detail::facet_id_kind_bits | static_cast<unsigned>(record.kind);
        while (value >= 0x80) {
            packed += static_cast<char>((value & 0x7f) | 0x80);
            value >>= 7;
        }
        packed += static_cast<char>(value);
    }
    return packed;
}

std::optional<std::uint32_t> facet_ids_tag(std::string_view packed) {
    if (packed.size() < detail::facet_ids_tag_bytes) return std::nullopt;
    std::uint32_t tag = 0;
    for (std::size_t i = 0; i < detail::facet_ids_tag_bytes; ++i) {
        tag |= static_cast<std::uint32_t>(static_cast<unsigned char>(packed[i])) << (8 * i);
    }
    return tag;
}

namespace {

// The type codes of packed actor records.
char actor_code(ActorType type) {
    switch (type) {
        case ActorType::person: return 'P';
        case ActorType::org: return 'O';
        case ActorType::place: return 'L';
    }
    return '?';
}

}  // namespace

std::optional<ActorType> detail::actor_type_of_code(char code) {
    switch (code) {
        case 'P': return ActorType::person;
        case 'O': return ActorType::org;
        case 'L': return ActorType::place;
        default: return std::nullopt;
    }
}

std::string pack_geo(const std::vector<PackedGeo>& geo) {
    std::string packed;
    for (GeoLevel level : {GeoLevel::country, GeoLevel::region}) {
        for (const auto& item : geo) {
            if (item.level != level) continue;
            if (!packed.empty()) packed += detail::actor_separator;
            packed += level == GeoLevel::country ? detail::country_code : detail::region_code;
            packed += item.name;
        }
    }
    return packed;
}

std::string pack_actors(const std::vector<PackedActor>& actors) {
    std::string packed;
    for (const auto& actor : actors) {
        if (!packed.empty()) packed += detail::actor_separator;
        packed += actor_code(actor.type);
        packed += actor.name;
    }
    return packed;
}

std::vector<PackedActor> unpack_actors(std::string_view packed) {
    std::vector<PackedActor> actors;
    for_each_packed_actor(packed, [&](ActorType type, std::string_view name) { actors.push_back({type, std::string(name)}); });
    return actors;
}

std::string encode(const StoredArticle& article) {
    nlohmann::json j;
    j["id"] = article.id;
    j["title"] = article.title;
    j["paragraphs"] = article.paragraphs;
    auto put = [&j](const char* key, const std::string& value) {
        if (!value.empty()) j[key] = value;
    };
    put("source", article.source);
    put("author", article.author);
    put("url", article.url);
    put("lang", article.lang);
    put("file", article.file);
    put("date", article.date);
    put("date_precision", article.date_precision);
    put("cluster", article.cluster);
    if (!article.persons.empty()) j["person"] = article.persons;
    if (!article.orgs.empty()) j["org"] = article.orgs;
    if (!article.places.empty()) j["place"] = article.places;
    if (!article.mentions.empty()) {
        auto& mentions = j["mentions"] = nlohmann::json::object();
        for (const auto& actor : article.mentions) mentions[actor.name] = actor.forms;
    }
    if (!article.place_rollups.empty()) {
        auto& rollups = j["place_rollups"] = nlohmann::json::array();
        for (const auto& r : article.place_rollups) {
            rollups.push_back({{"name", r.name}, {"region", r.region}, {"country", r.country}, {"why", r.why}});
        }
    }
    if (!article.also_seen.empty()) {
        auto& seen = j["also_seen"] = nlohmann::json::array();
        for (const auto& s : article.also_seen) {
            seen.push_back({{"id", s.id}, {"source", s.source}, {"url", s.url}, {"file", s.file}});
        }
    }
    // Replace bad UTF-8 rather than throw: the text was repaired upstream, this is a last guard.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

StoredArticle decode(std::string_view data) {
    nlohmann::json j = nlohmann::json::parse(data, nullptr, false);
    if (j.is_discarded() || !j.is_object()) throw std::runtime_error("unreadable document data");
    StoredArticle article;
    article.id = string_field(j, "id");
    article.title = string_field(j, "title");
    article.paragraphs = string_list(j, "paragraphs");
    article.source = string_field(j, "source");
    article.author = string_field(j, "author");
    article.url = string_field(j, "url");
    article.lang = string_field(j, "lang");
    article.file = string_field(j, "file");
    article.date = string_field(j, "date");
    article.date_precision = string_field(j, "date_precision");
    article.cluster = string_field(j, "cluster");
    article.persons = string_list(j, "person");
    article.orgs = string_list(j, "org");
    article.places = string_list(j, "place");
    if (auto it = j.find("mentions"); it != j.end() && it->is_object()) {
        for (const auto& [name, forms] : it->items()) {
            if (!forms.is_array()) continue;
            schema::ActorMentions actor{name, {}};
            for (const auto& form : forms) {
                if (form.is_string()) actor.forms.push_back(form.get<std::string>());
            }
            article.mentions.push_back(std::move(actor));
        }
    }
    if (auto it = j.find("place_rollups"); it != j.end() && it->is_array()) {
        for (const auto& r : *it) {
            if (!r.is_object()) continue;
            article.place_rollups.push_back(
                {string_field(r, "name"), string_field(r, "region"), string_field(r, "country"), string_field(r, "why")});
        }
    }
    if (auto it = j.find("also_seen"); it != j.end() && it->is_array()) {
        for (const auto& s : *it) {
            if (!s.is_object()) continue;
            article.also_seen.push_back(
                {string_field(s, "id"), string_field(s, "source"), string_field(s, "url"), string_field(s, "file")});
        }
    }
    return article;
}

namespace {

// The end of the JSON array of strings opening at data[open] ('['): the position after its ']',
// or npos when it is not such an array.
std::size_t end_of_string_array(std::string_view data, std::size_t open) {
    std::size_t i = open + 1;
    while (i < data.size()) {
        const char c = data[i];
        if (c == ']') return i + 1;
        if (c == ',' || c == ' ') {
            ++i;
        } else if (c == '"') {
            // To the closing quote: one not preceded by an odd number of backslashes.
            std::size_t from = i + 1;
            for (;;) {
                const std::size_t quote = data.find('"', from);
                if (quote == std::string_view::npos) return std::string_view::npos;
                std::size_t backslashes = 0;
                while (quote - backslashes > i + 1 && data[quote - backslashes - 1] == '\\') ++backslashes;
                from = quote + 1;
                if (backslashes % 2 == 0) break;
            }
            i = from;
        } else {
            return std::string_view::npos;
        }
    }
    return std::string_view::npos;
}

}  // namespace

StoredArticle decode_without_body(std::string_view data) {
    // encode() writes the keys in order, so "paragraphs" follows another key (or opens the
    // object); inside a string its quotes would be escaped.
    constexpr std::string_view key = "\"paragraphs\":[";
    const std::size_t at = data.find(key);
    if (at == std::string_view::npos || at == 0 || (data[at - 1] != ',' && data[at - 1] != '{')) return decode(data);
    const std::size_t end = end_of_string_array(data, at + key.size() - 1);
    if (end == std::string_view::npos) return decode(data);
    std::string rest(data.substr(0, at));
    rest += "\"paragraphs\":[]";
    rest += data.substr(end);
    return decode(rest);
}

std::string body_text(const StoredArticle& article) {
    std::string body;
    for (const auto& paragraph : article.paragraphs) {
        if (!body.empty()) body += "\n\n";
        body += paragraph;
    }
    return body;
}

}  // namespace newsdex::schema
