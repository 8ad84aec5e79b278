#pragma once
/// The index schema, defined once: term prefixes, value slots and the stored document data.
/// Both news-index and news-search use only this file to read and write the index.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <xapian.h>

#include "common/actor.hpp"
#include "common/date_parser.hpp"

namespace newsdex::schema {

// --- Term prefixes -------------------------------------------------------------------------
inline constexpr std::string_view id_prefix = "Q";             ///< unique article id (boolean)
inline constexpr std::string_view alias_id_prefix = "XQ";      ///< ids of exact copies folded into this doc
inline constexpr std::string_view title_prefix = "S";          ///< headline words, for `title:`
inline constexpr std::string_view source_prefix = "XS";        ///< folded source name (boolean)
inline constexpr std::string_view month_prefix = "XM";         ///< `XM2022-08`, `XMunknown`
inline constexpr std::string_view year_prefix = "XY";          ///< `XY2022`, `XYunknown`
inline constexpr std::string_view person_prefix = "XP";        ///< folded canonical person name
inline constexpr std::string_view org_prefix = "XO";           ///< folded canonical organisation name
inline constexpr std::string_view place_prefix = "XL";         ///< folded canonical place name
inline constexpr std::string_view actor_prefix = "XA";         ///< any of the three above
inline constexpr std::string_view country_prefix = "XG";       ///< folded country a place of the article is in (or is)
inline constexpr std::string_view region_prefix = "XR";        ///< folded first-level region a place of the article is in (or is)
inline constexpr std::string_view content_hash_prefix = "XH";  ///< exact-duplicate key of the cleaned text
inline constexpr std::string_view band_prefix = "XB";          ///< MinHash LSH band terms
inline constexpr std::string_view cluster_prefix = "XC";       ///< near-duplicate cluster key
/// Xapian's prefix of stemmed terms (TermGenerator's STEM_ALL_Z): every indexed word is `Z` +
/// its stem, and a title word `Z` + title_prefix + its stem.
inline constexpr std::string_view stem_prefix = "Z";

// --- Value slots ---------------------------------------------------------------------------
/// Value slots. Values are small strings: every spy, sort and collapse reads them.
enum Slot : Xapian::valueno {
    slot_date = 0,         ///< `YYYYMMDD` (start of the known period); empty when undated
    slot_month = 1,        ///< `YYYY-MM` or `unknown`
    slot_year = 2,         ///< `YYYY` or `unknown`
    slot_cluster = 3,      ///< near-duplicate cluster key (collapse key)
    slot_actors = 4,       ///< packed actor list, see pack_actors()
    slot_record_hash = 5,  ///< hash of the input record and processing settings (unchanged detection)
    slot_signature = 6,    ///< serialised MinHash signature
    slot_source = 7,       ///< source display name
    slot_places = 8,       ///< packed countries and regions of the article's places, see pack_geo()
    /// slot_date's day and how much of it is known, see date_key() ("20220811d"; "20220801m" for
    /// 2022-08); empty when undated, and in documents written before it existed. The date facets
    /// read this one value per document. Numbered apart from the slots above so that slots added
    /// beside them never meet it.
    slot_date_key = 16,
    /// "1" on every document whose multi-valued facets are also in facet slots (see facet_slot()):
    /// facets over remote shards need it on every document.
    slot_facet_slots = 17,
    /// The article's facet values as numbers of the index's facet dictionary (see
    /// pack_facet_ids() and common/facet_dictionary): what newsdex's own spy counts, with no
    /// name to read or hash. Empty in documents written before it existed.
    slot_facet_ids = 18,
};

/// What a number in slot_facet_ids stands for: a cluster key (numbered apart from the facet
/// values), the date key (slot_date_key) or a facet value. The order is the order of the value's
/// records: the cluster, the date, the source, the countries, the regions, then the actors of any
/// type in the order of slot_actors, so a reader that needs only the first kinds stops early.
enum class FacetIdKind : unsigned {
    cluster = 0,
    date = 1,
    source = 2,
    country = 3,
    region = 4,
    person = 5,
    org = 6,
    place = 7
};

/// One record of slot_facet_ids: a facet value's number in the dictionary, and its kind.
struct FacetId {
    FacetIdKind kind = FacetIdKind::source;
    std::uint32_t id = 0;
};

/// The kind of actors of `type`.
[[nodiscard]] FacetIdKind facet_id_kind(ActorType type);

/// The slot_facet_ids value: the tag of the dictionary the numbers are from (4 bytes, little
/// endian), then one varint per record, `id * 8 + kind`, in the order given. A reader meeting a
/// tag of no dictionary it knows reads the names instead.
[[nodiscard]] std::string pack_facet_ids(std::uint32_t dictionary_tag, const std::vector<FacetId>& ids);

/// The dictionary tag of a slot_facet_ids value; nullopt when the value is too short to hold one.
[[nodiscard]] std::optional<std::uint32_t> facet_ids_tag(std::string_view packed);

/// Calls `visit(FacetIdKind, std::string_view name)` for each facet value of `document` by name,
/// in the order of its slot_facet_ids records: its cluster key (slot_cluster), its date key
/// (slot_date_key), its source (slot_source), the countries then the regions of slot_places, the
/// actors of slot_actors; an empty cluster key, date key or source is left out. Numbering them in this order makes the
/// slot_facet_ids value; the facet counter's names path reads the same values.
template <class Visit>
void for_each_facet_value(const Xapian::Document& document, Visit&& visit);

/// Calls `visit(FacetIdKind, std::uint32_t id)` for each record of a slot_facet_ids value (after
/// its tag), without allocating, until `visit` returns false. Returns false when the value is
/// malformed (too short, a truncated varint, a kind out of range); records before the bad one
/// were visited. The facet counter's fast path.
template <class Visit>
bool for_each_facet_id(std::string_view packed, Visit&& visit);

/// The facets an article has several values of: its people, organisations and places, and the
/// countries and regions its places roll up to. Besides their packed values (slot_actors,
/// slot_places, which newsdex's own match spy reads), each is spread over value slots of its
/// own, one value per slot: an article's k-th person is in facet_slot(FacetFamily::person, k).
/// Xapian's ValueCountMatchSpy, which xapian-tcpsrv runs on a remote shard, counts one slot;
/// summing its counts over a family's slots gives each name's count.
enum class FacetFamily { person, org, place, country, region };

/// The families, in the order of the enum.
inline constexpr FacetFamily facet_families[] = {FacetFamily::person, FacetFamily::org, FacetFamily::place,
                                                 FacetFamily::country, FacetFamily::region};

/// Slots per family: an article's values of one family past this many have no slot.
inline constexpr std::size_t facet_family_slots = 1u << 16;

/// The slot of the `k`-th value (from 0) of `family`, for k < facet_family_slots: numbered far
/// above every other slot.
[[nodiscard]] Xapian::valueno facet_slot(FacetFamily family, std::size_t k);

/// The family of actors of `type`.
[[nodiscard]] FacetFamily facet_family(ActorType type);

/// Metadata key: when the indexer last committed changes, as UTC ISO 8601 (`2025-03-04T10:15:00Z`).
inline constexpr std::string_view last_updated_key = "newsdex:last_updated";

/// The facet value used for articles without a date.
inline constexpr std::string_view unknown_date = "unknown";

/// The code of `precision` in a date key: "d", "m" or "y".
[[nodiscard]] std::string_view date_precision_value(DatePrecision precision);

/// The precision a date key's code (or a stored `date_precision` such as "month") stands for;
/// std::nullopt for anything else, the empty value included.
[[nodiscard]] std::optional<DatePrecision> date_precision_of_value(std::string_view value);

/// The slot_date_key value: the slot_date value `yyyymmdd` followed by the precision's code.
[[nodiscard]] std::string date_key(std::string_view yyyymmdd, DatePrecision precision);

/// The id term of an article id. Ids too long for a Xapian term are hashed.
[[nodiscard]] std::string id_term(std::string_view id);

/// The alias id term: an exact copy's id, recorded on the document that was kept.
[[nodiscard]] std::string alias_id_term(std::string_view id);

/// Lower-cases and collapses white space: the key of boolean terms built from names.
[[nodiscard]] std::string fold_key(std::string_view name);

/// A boolean term `prefix + fold_key(name)`, trimmed to Xapian's term length limit.
[[nodiscard]] std::string boolean_term(std::string_view prefix, std::string_view name);

/// The term of a stem of the text: stem_prefix + `stem`.
[[nodiscard]] std::string stem_term(std::string_view stem);

/// True when `term` is a stem of the body text (stem_prefix then a lower-case letter, a digit or
/// a non-ASCII byte), not a stemmed field term such as a title word (`ZS…`).
[[nodiscard]] bool is_body_stem_term(std::string_view term);

/// The boolean term prefix of actors of `type`: person_prefix, org_prefix or place_prefix.
[[nodiscard]] std::string_view actor_type_prefix(ActorType type);

/// One actor as stored in the packed actors value.
struct PackedActor {
    ActorType type = ActorType::person;
    std::string name;  ///< canonical display name
};

/// What the places of an article roll up to: the countries they are in and their regions.
enum class GeoLevel { country, region };

/// One country or region of an article's places.
struct PackedGeo {
    GeoLevel level = GeoLevel::country;
    std::string name;  ///< display name, e.g. "Japan", "Oregon"
};

/// Packs actors into one value (records of a type code and a name, separated by U+001E).
[[nodiscard]] std::string pack_actors(const std::vector<PackedActor>& actors);

/// Packs an article's countries and regions into one value in the same record format as
/// pack_actors() (type codes 'C' and 'R', the countries first), for slot_places. A slot of their own: the country and
/// region facets then read a few dozen bytes per match instead of every actor.
[[nodiscard]] std::string pack_geo(const std::vector<PackedGeo>& geo);

/// Calls `visit(ActorType, std::string_view name)` for each record of a packed actors value,
/// without copying; malformed records are skipped. The facet counter's fast path.
template <class Visit>
void for_each_packed_actor(std::string_view packed, Visit&& visit);

/// Calls `visit(GeoLevel, std::string_view name)` for each record of a value made by pack_geo(),
/// without copying; stops at a malformed record, or when `visit` returns false (a visitor may
/// return bool). The facet counter's fast path.
template <class Visit>
void for_each_packed_geo(std::string_view packed, Visit&& visit);

/// Reverses pack_actors() for the actors. Malformed records are skipped.
[[nodiscard]] std::vector<PackedActor> unpack_actors(std::string_view packed);

/// Another id, source and url under which the same text was seen (an exact copy).
struct SeenAs {
    std::string id;
    std::string source;
    std::string url;
    std::string file;  ///< FILE or FILE:LINE it was read from
};

/// The forms an article names one actor by, other than its canonical name ("Lavrov" for
/// Sergei Lavrov).
struct ActorMentions {
    std::string name;                ///< canonical name, as in persons/orgs/places
    std::vector<std::string> forms;  ///< the other forms, in order of first appearance
};

/// Where one place of an article rolled up, and why (stored data, for --show and JSON).
struct PlaceRollup {
    std::string name;     ///< the place, as in StoredArticle::places
    std::string region;   ///< its first-level region; empty when unknown
    std::string country;  ///< its country (or former state on the article's date); empty when unknown
    std::string why;      ///< e.g. `dateline "PORTLAND, Ore."`
};

/// The document data: what --show and the result list display.
struct StoredArticle {
    std::string id;
    std::string title;
    std::vector<std::string> paragraphs;  ///< the cleaned body
    std::string source;
    std::string author;
    std::string url;
    std::string lang;
    std::string file;            ///< FILE or FILE:LINE it was read from
    std::string date;            ///< `2022-08-11`, `2022-08`, `2022`, or empty
    std::string date_precision;  ///< `day`, `month`, `year`, or empty
    std::vector<std::string> persons;
    std::vector<std::string> orgs;
    std::vector<std::string> places;
    std::vector<ActorMentions> mentions;  ///< actors named otherwise than by their canonical name
    std::vector<PlaceRollup> place_rollups;  ///< where each place rolled up and why; empty in older indexes
    std::string cluster;                ///< near-duplicate cluster key
    std::vector<SeenAs> also_seen;      ///< exact copies folded into this document
};

/// Encodes the stored data (JSON).
[[nodiscard]] std::string encode(const StoredArticle& article);

/// Decodes stored data written by encode(). Throws std::runtime_error on data it cannot read.
[[nodiscard]] StoredArticle decode(std::string_view data);

/// Decodes stored data like decode() but leaves `paragraphs` empty, skipping the body's bytes
/// without parsing them: for readers of every document that need no body (exports), where
/// parsing the body is most of the cost. Throws std::runtime_error like decode().
[[nodiscard]] StoredArticle decode_without_body(std::string_view data);

/// The body as one string: paragraphs separated by blank lines.
[[nodiscard]] std::string body_text(const StoredArticle& article);

// --- Inline definitions ----------------------------------------------------------------------

namespace detail {
inline constexpr char actor_separator = '\x1e';
/// The type a packed record's first byte stands for.
[[nodiscard]] std::optional<ActorType> actor_type_of_code(char code);
inline constexpr char country_code = 'C';
inline constexpr char region_code = 'R';
inline constexpr std::size_t facet_ids_tag_bytes = 4;
inline constexpr unsigned facet_id_kind_bits = 3;
inline constexpr unsigned facet_id_kinds = 8;
}  // namespace detail



template <class Visit>
void for_each_packed_actor(std::string_view packed, Visit&& visit) {
    while (!packed.empty()) {
        const std::size_t end = packed.find(detail::actor_separator);
        const std::string_view record = packed.substr(0, end);
        if (record.size() >= 2) {
            if (auto type = detail::actor_type_of_code(record[0])) visit(*type, record.substr(1));
        }
        if (end == std::string_view::npos) break;
        packed.remove_prefix(end + 1);
    }
}

template <class Visit>
void for_each_facet_value(const Xapian::Document& document, Visit&& visit) {
    const std::string cluster = document.get_value(slot_cluster);
    if (!cluster.empty()) visit(FacetIdKind::cluster, std::string_view(cluster));
    const std::string date = document.get_value(slot_date_key);
    if (!date.empty()) visit(FacetIdKind::date, std::string_view(date));
    const std::string source = document.get_value(slot_source);
    if (!source.empty()) visit(FacetIdKind::source, std::string_view(source));
    const std::string places = document.get_value(slot_places);
    for_each_packed_geo(places, [&visit](GeoLevel level, std::string_view name) {
        visit(level == GeoLevel::country ? FacetIdKind::country : FacetIdKind::region, name);
    });
    const std::string actors = document.get_value(slot_actors);
    for_each_packed_actor(actors, [&visit](ActorType type, std::string_view name) { visit(facet_id_kind(type), name); });
}

template <class Visit>
bool for_each_facet_id(std::string_view packed, Visit&& visit) {
    if (packed.size() < detail::facet_ids_tag_bytes) return false;
    const auto* p = reinterpret_cast<const unsigned char*>(packed.data()) + detail::facet_ids_tag_bytes;
    const auto* end = reinterpret_cast<const unsigned char*>(packed.data()) + packed.size();
    while (p != end) {
        std::uint64_t value = 0;
        for (unsigned shift = 0;; shift += 7) {
            if (p == end || shift > 35) return false;
            const unsigned char byte = *p++;
            value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            if (byte < 0x80) break;
        }
        const auto kind = static_cast<unsigned>(value & ((1u << detail::facet_id_kind_bits) - 1));
        if (kind >= detail::facet_id_kinds || (value >> detail::facet_id_kind_bits) > UINT32_MAX) return false;
        if (!visit(static_cast<FacetIdKind>(kind), static_cast<std::uint32_t>(value >> detail::facet_id_kind_bits))) break;
    }
    return true;
}

template <class Visit>
void for_each_packed_geo(std::string_view packed, Visit&& visit) {
    while (packed.size() >= 2 && (packed[0] == detail::country_code || packed[0] == detail::region_code)) {
        const std::size_t end = packed.find(detail::actor_separator);
        const GeoLevel level = packed[0] == detail::country_code ? GeoLevel::country : GeoLevel::region;
        const std::string_view name = packed.substr(1, end - 1);
        if constexpr (std::is_same_v<decltype(visit(level, name)), bool>) {
            if (!visit(level, name)) break;
        } else {
            visit(level, name);
        }
        if (end == std::string_view::npos) break;
        packed.remove_prefix(end + 1);
    }
}

}  // namespace newsdex::schema
