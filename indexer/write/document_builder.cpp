#include "indexer/write/document_builder.hpp"

#include "common/analyzer.hpp"
#include "common/diagnostics.hpp"
#include "common/schema.hpp"
#include "common/unicode_text.hpp"

namespace newsdex {
namespace {

schema::StoredArticle stored_form(const ProcessedArticle& processed) {
    const Article& article = processed.article;
    schema::StoredArticle stored;
    stored.id = article.id;
    stored.title = article.title;
    stored.paragraphs = article.paragraphs;
    stored.source = article.source;
    stored.author = article.author;
    stored.url = article.url;
    stored.lang = article.lang;
    stored.file = stored_location(article.origin);
    if (processed.date) {
        stored.date = display_date(*processed.date);
        stored.date_precision = std::string(to_string(processed.date->precision));
    }
    for (const auto& actor : processed.actors) {
        if (actor.country_only) {
            stored.place_rollups.push_back({actor.name, actor.region, actor.country, actor.rollup});
            continue;
        }
        auto& list = actor.type == ActorType::person ? stored.persons
                     : actor.type == ActorType::org  ? stored.orgs
                                                     : stored.places;
        list.push_back(actor.name);
        // How the text names it, when not by its canonical name: the snippet of a search for
        // the actor shows where it is named.
        std::vector<std::string> forms;
        for (const auto& mention : actor.mentions) {
            if (mention != actor.name) forms.push_back(mention);
        }
        if (!forms.empty()) stored.mentions.push_back({actor.name, std::move(forms)});
        if (actor.type == ActorType::place) stored.place_rollups.push_back({actor.name, actor.region, actor.country, actor.rollup});
    }
    return stored;
}

// The distinct countries, then regions, that the article's places roll up to, in order of first
// appearance: the country and region facets and the `country:` and `region:` filters.
std::vector<schema::PackedGeo> countries_and_regions(const std::vector<Actor>& actors) {
    std::vector<schema::PackedGeo> geo;
    auto add = [&geo](schema::GeoLevel level, const std::string& name) {
        if (name.empty()) return;
        for (const auto& item : geo) {
            if (item.level == level && item.name == name) return;
        }
        geo.push_back({level, name});
    };
    for (const auto& actor : actors) {
        if (actor.type == ActorType::place) add(schema::GeoLevel::country, actor.country);
    }
    for (const auto& actor : actors) {
        if (actor.type == ActorType::place) add(schema::GeoLevel::region, actor.region);
    }
    return geo;
}

// The multi-valued facets again, one value per slot (schema::facet_slot), so that a stock
// xapian-tcpsrv can count them with ValueCountMatchSpy.
void add_facet_slots(Xapian::Document& document, const std::vector<schema::PackedActor>& actors,
                     const std::vector<schema::PackedGeo>& geo) {
    std::size_t used[std::size(schema::facet_families)] = {};
    auto add = [&](schema::FacetFamily family, const std::string& name) {
        std::size_t& k = used[static_cast<std::size_t>(family)];
        if (k < schema::facet_family_slots) document.add_value(schema::facet_slot(family, k++), name);
    };
    for (const auto& actor : actors) add(schema::facet_family(actor.type), actor.name);
    for (const auto& item : geo) {
        add(item.level == schema::GeoLevel::country ? schema::FacetFamily::country : schema::FacetFamily::region, item.name);
    }
    document.add_value(schema::slot_facet_slots, "1");
}

}  // namespace

Xapian::Document build_document(const ProcessedArticle& processed, Xapian::TermGenerator& generator,
                                 Stemmers& stemmers) {
    const Article& article = processed.article;
    Xapian::Document document;
    generator.set_stemmer(stemmers.get(article.lang));
    generator.set_stemming_strategy(index_stemming);
    generator.set_document(document);

    std::string title = index_form(article.title);
    generator.index_text(title, title_weight);
    generator.index_text(title, 1, std::string(schema::title_prefix));
    for (const auto& paragraph : article.paragraphs) {
        // A gap between paragraphs keeps phrases and NEAR from matching across them.
        generator.increase_termpos(10);
        generator.index_text(index_form(paragraph));
    }

    document.add_boolean_term(schema::id_term(article.id));
    if (!article.source.empty()) {
        document.add_boolean_term(schema::boolean_term(schema::source_prefix, article.source));
        document.add_value(schema::slot_source, article.source);
    }

    std::string month(schema::unknown_date), year(schema::unknown_date);
    if (processed.date) {
        month = month_key(*processed.date);
        year = year_key(*processed.date);
        document.add_value(schema::slot_date, day_key(*processed.date));
        document.add_value(schema::slot_date_key, schema::date_key(day_key(*processed.date), processed.date->precision));
    }
    document.add_boolean_term(std::string(schema::month_prefix) + month);
    document.add_boolean_term(std::string(schema::year_prefix) + year);
    document.add_value(schema::slot_month, month);
    document.add_value(schema::slot_year, year);

    std::vector<schema::PackedActor> packed;
    for (const auto& actor : processed.actors) {
        if (actor.country_only) continue;
        document.add_boolean_term(schema::boolean_term(schema::actor_type_prefix(actor.type), actor.name));
        document.add_boolean_term(schema::boolean_term(schema::actor_prefix, actor.name));
        packed.push_back({actor.type, actor.name});
    }
    const std::vector<schema::PackedGeo> geo = countries_and_regions(processed.actors);
    for (const auto& item : geo) {
        const auto prefix = item.level == schema::GeoLevel::country ? schema::country_prefix : schema::region_prefix;
        document.add_boolean_term(schema::boolean_term(prefix, item.name));
    }
    if (!packed.empty()) document.add_value(schema::slot_actors, schema::pack_actors(packed));
    if (!geo.empty()) document.add_value(schema::slot_places, schema::pack_geo(geo));
    add_facet_slots(document, packed, geo);

    if (!processed.content_hash.empty()) {
        document.add_boolean_term(std::string(schema::content_hash_prefix) + processed.content_hash);
    }
    for (const auto& band : processed.band_terms) {
        document.add_boolean_term(std::string(schema::band_prefix) + band);
    }
    if (!processed.signature.empty()) document.add_value(schema::slot_signature, processed.signature);
    document.add_value(schema::slot_record_hash, processed.record_hash);
    document.set_data(schema::encode(stored_form(processed)));
    return document;
}

}  // namespace newsdex
