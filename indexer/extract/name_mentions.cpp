#include "indexer/extract/name_mentions.hpp"

#include "indexer/extract/ner/code_point.hpp"
#include "indexer/extract/ner/ner_tokenizer.hpp"
#include "indexer/extract/ner/sentence_layout.hpp"

#include <algorithm>

namespace newsdex {
namespace {

// The text of tokens [begin, end) of a sentence, as written (spaces as in the line).
std::string span_text(const NerSentence& sentence, std::uint32_t begin, std::uint32_t end) {
    if (begin >= end) return {};
    const NerToken& first = sentence.tokens[begin];
    const NerToken& last = sentence.tokens[end - 1];
    return std::string(first.text.data(), static_cast<std::size_t>(last.text.data() + last.text.size() - first.text.data()));
}

class MentionBuilder {
public:
    MentionBuilder(const NerDocument& document, const EntityRecognizer& recognizer)
        : m_document(document),
          m_cues(recognizer.cues()),
          m_clusters(recognizer.clusters()),
          m_title_bits(m_cues.class_bit("honorific") | m_cues.class_bit("title") | m_cues.class_bit("title_modifier")),
          m_honorific_bits(m_cues.class_bit("honorific")),
          m_name_cue_bits(m_cues.class_bit("org_suffix") | m_cues.class_bit("org_head") | m_cues.class_bit("place_suffix") |
                          m_cues.class_bit("place_prefix") | m_cues.class_bit("given_name")) {
        m_cue_bits.given_name = m_cues.class_bit("given_name");
        m_cue_bits.title_modifier = m_cues.class_bit("title_modifier");
        m_cue_bits.speech = m_cues.class_bit("speech");
        m_cue_bits.role = m_cues.class_bit("role");
        m_cue_bits.org_word = m_cues.class_bit("org_suffix") | m_cues.class_bit("org_head");
        m_cue_bits.org_noun = m_cues.class_bit("org_noun");
        m_cue_bits.place_word = m_cues.class_bit("place_suffix") | m_cues.class_bit("place_prefix");
        m_cue_bits.place_preposition = m_cues.class_bit("place_preposition");
        m_cue_bits.work_noun = m_cues.class_bit("work_noun");
        std::uint32_t order = 0;
        for (const auto& sentence : document.sentences) {
            m_first_token.push_back(order);
            order += static_cast<std::uint32_t>(sentence.tokens.size());
        }
    }

    NameMention build(const RecognisedEntity& entity) const {
        const NerSentence& sentence = m_document.sentences[entity.sentence];
        std::uint32_t begin = entity.begin;
        EntityType type = entity.type;
        // "Mr Frost", "Sir Cliff": whatever the label, an honorific makes a person.
        const bool retyped = type != EntityType::person && entity.end - begin > 1 &&
                             has_class(sentence.tokens[begin], m_honorific_bits);
        if (retyped) type = EntityType::person;
        // Titles inside the span stay out of the name ("Exchequer Nigel Lawson", "Mr Lawson").
        if (type == EntityType::person)
            while (begin + 1 < entity.end && has_class(sentence.tokens[begin], m_title_bits)) ++begin;
        // … and so do those just before it, kept as evidence: "Chancellor of the Exchequer".
        std::uint32_t title_begin = begin;
        while (title_begin > 0) {
            const NerToken& previous = sentence.tokens[title_begin - 1];
            if (has_class(previous, m_title_bits)) {
                --title_begin;
            } else if (title_begin >= 2 && is_connector(previous) && has_class(sentence.tokens[title_begin - 2], m_title_bits)) {
                title_begin -= 2;
            } else if (title_begin >= 3 && is_connector(previous) && is_connector(sentence.tokens[title_begin - 2]) &&
                       has_class(sentence.tokens[title_begin - 3], m_title_bits)) {
                title_begin -= 3;
            } else {
                break;
            }
        }
        NameMention mention;
        mention.text = span_text(sentence, begin, entity.end);
        mention.title = span_text(sentence, title_begin, begin);
        mention.words = Gazetteer::fold_words(mention.text);
        mention.type = type;
        mention.label = entity.type;
        mention.margin = entity.margin;
        mention.confident = entity.confident;
        mention.title_case_headline = sentence.line == 0 && line_case(sentence) == LineCase::title;
        mention.common_words = made_of_common_words(sentence, begin, entity.end);
        mention.order = m_first_token[entity.sentence] + begin;
        mention.cue = has_cue(sentence, begin, entity.end, type) || !mention.title.empty();
        mention.after_in = begin > 0 && (sentence.tokens[begin - 1].flags & token_has_upper) == 0 &&
                           (classes_of(sentence.tokens[begin - 1]) & m_cue_bits.place_preposition) != 0;
        mention.after_work_noun = entity.begin > 0 && (sentence.tokens[entity.begin - 1].flags & token_has_upper) == 0 &&
                                  (classes_of(sentence.tokens[entity.begin - 1]) & m_cue_bits.work_noun) != 0;
        // "International Crisis Group (ICG)".
        if (entity.end + 2 < sentence.tokens.size() && sentence.tokens[entity.end].text == "(" &&
            sentence.tokens[entity.end + 2].text == ")") {
            const NerToken& inside = sentence.tokens[entity.end + 1];
            if ((inside.flags & token_all_upper) != 0 && inside.text.size() >= 2) mention.acronym = std::string(inside.text);
        }
        if (!mention.acronym.empty()) mention.cue = true;
        return mention;
    }

    // Whether `entity` ends a title that runs up to `next`, a person's name ("U.S. Trade" +
    // "Representative" + "Clayton Yeutter"): title words from its last token on, one of them a
    // title or honorific proper, its last token no organisation word ("Labour Party leader X").
    bool is_title_before(const RecognisedEntity& entity, const RecognisedEntity& next) const {
        if (entity.type == EntityType::person || next.type != EntityType::person || next.sentence != entity.sentence ||
            next.begin < entity.end)
            return false;
        const auto& tokens = m_document.sentences[entity.sentence].tokens;
        if ((classes_of(tokens[entity.end - 1]) & m_cue_bits.org_word) != 0) return false;
        bool proper_title = false;
        for (std::uint32_t i = entity.end - 1; i < next.begin; ++i) {
            if (!has_class(tokens[i], m_title_bits)) return false;
            proper_title = proper_title || has_class(tokens[i], m_title_bits & ~m_cue_bits.title_modifier);
        }
        return proper_title;
    }

    // For each sentence of the document, whether it is a row of a table: two numbers at least,
    // and every word inside one of `entities` ("Reading 4 1 1 2 5 10 4", "Barnsley 2 Stoke 0").
    std::vector<bool> table_rows(const std::vector<RecognisedEntity>& entities) const {
        const std::size_t tokens = m_first_token.empty() ? 0 : m_first_token.back() + m_document.sentences.back().tokens.size();
        std::vector<bool> named(tokens, false);
        for (const RecognisedEntity& entity : entities) {
            for (std::uint32_t i = entity.begin; i < entity.end; ++i) named[m_first_token[entity.sentence] + i] = true;
        }
        std::vector<bool> rows(m_document.sentences.size(), false);
        for (std::size_t s = 0; s < m_document.sentences.size(); ++s) {
            std::size_t numbers = 0;
            bool words_named = true;
            const auto& sentence = m_document.sentences[s].tokens;
            for (std::size_t i = 0; i < sentence.size() && words_named; ++i) {
                if ((sentence[i].flags & token_has_letter) != 0) words_named = named[m_first_token[s] + i];
                else if ((sentence[i].flags & token_has_digit) != 0) ++numbers;
            }
            rows[s] = words_named && numbers >= 2;
        }
        return rows;
    }

private:
    std::uint32_t classes_of(const NerToken& token) const { return m_cues.classes_of_lower(lower_word_hash(token.text)); }

    // Whether a cue word supports the type of tokens [begin, end).
    bool has_cue(const NerSentence& sentence, std::uint32_t begin, std::uint32_t end, EntityType type) const {
        const auto& tokens = sentence.tokens;
        const std::uint32_t before = begin > 0 ? classes_of(tokens[begin - 1]) : 0;
        const std::uint32_t after = end < tokens.size() ? classes_of(tokens[end]) : 0;
        std::uint32_t inside = 0;
        for (std::uint32_t i = begin; i < end; ++i) inside |= classes_of(tokens[i]);
        switch (type) {
            case EntityType::person:
                return (end - begin >= 2 && (classes_of(tokens[begin]) & m_cue_bits.given_name) != 0) ||
                       ((before | after) & m_cue_bits.speech) != 0 || (before & m_cue_bits.role) != 0;
            case EntityType::org:
                return (inside & m_cue_bits.org_word) != 0 || (before & m_cue_bits.org_noun) != 0;
            case EntityType::place:
                return (inside & m_cue_bits.place_word) != 0 || (before & m_cue_bits.place_preposition) != 0;
            case EntityType::misc:
                return false;
        }
        return false;
    }

    // Whether a capitalised token is in a cue class; a hyphenated one by its first part
    // ("General-in-Chief", "Vice-President").
    bool has_class(const NerToken& token, std::uint32_t bits) const {
        if ((token.flags & token_first_upper) == 0) return false;
        if ((classes_of(token) & bits) != 0) return true;
        const std::size_t hyphen = token.text.find('-');
        return hyphen != std::string_view::npos && hyphen > 0 &&
               (m_cues.classes_of_lower(lower_word_hash(token.text.substr(0, hyphen))) & bits) != 0;
    }

    // Whether every capitalised word of tokens [begin, end) is a common word (mostly lower case in
    // running text) and none is a cue of a name (an organisation or place word, a given name).
    bool made_of_common_words(const NerSentence& sentence, std::uint32_t begin, std::uint32_t end) const {
        bool any = false;
        for (std::uint32_t i = begin; i < end; ++i) {
            const NerToken& token = sentence.tokens[i];
            if ((token.flags & token_has_upper) == 0) continue;
            const std::uint64_t lower = lower_word_hash(token.text);
            const std::uint8_t profile = m_clusters.case_profile_of_lower(lower);
            if ((profile != 1 && profile != 2) || (m_cues.classes_of_lower(lower) & m_name_cue_bits) != 0) return false;
            any = true;
        }
        return any;
    }
    static bool is_connector(const NerToken& token) { return token.text == "of" || token.text == "the" || token.text == "for"; }

    const NerDocument& m_document;
    const CueWords& m_cues;
    const WordClusters& m_clusters;
    std::uint32_t m_title_bits;
    std::uint32_t m_honorific_bits;
    std::uint32_t m_name_cue_bits;
    struct {
        std::uint32_t given_name = 0, title_modifier = 0, speech = 0, role = 0, org_word = 0, org_noun = 0, place_word = 0,
                      place_preposition = 0, work_noun = 0;
    } m_cue_bits;
    std::vector<std::uint32_t> m_first_token;
};

// A token that is one quotation mark, as the tokenizer splits them off.
bool is_quote_token(std::string_view text) {
    if (text.empty()) return false;
    const CodePoint first = decode_code_point(text, 0);
    return first.next == text.size() && is_quote_char(first.value);
}

// Jimmy "the Whirlwind" White, Marion "Suge" Knight: a person's name that goes on after a quoted
// nickname of one to three words. Returns the index of the entity that ends the name (whatever
// was recognised inside the quotes is skipped), or `k` when entity k is no such first part.
std::size_t name_after_nickname(const NerDocument& document, const std::vector<RecognisedEntity>& entities, std::size_t k) {
    constexpr std::uint32_t max_nickname_words = 3;
    const RecognisedEntity& first = entities[k];
    if (first.type != EntityType::person) return k;
    const auto& tokens = document.sentences[first.sentence].tokens;
    if (first.end >= tokens.size() || !is_quote_token(tokens[first.end].text)) return k;
    std::uint32_t close = first.end + 1;
    while (close < tokens.size() && close <= first.end + max_nickname_words && !is_quote_token(tokens[close].text)) ++close;
    if (close == first.end + 1 || close >= tokens.size() || !is_quote_token(tokens[close].text)) return k;
    std::size_t next = k + 1;
    while (next < entities.size() && entities[next].sentence == first.sentence && entities[next].end <= close) ++next;
    if (next == entities.size() || entities[next].sentence != first.sentence || entities[next].begin != close + 1 ||
        entities[next].type != EntityType::person)
        return k;
    return next;
}

// Two names of one type side by side that together are a name the gazetteer knows ("Aung San" +
// "Suu Kyi") are one name.
std::vector<RecognisedEntity> join_known_names(const NerDocument& document, std::vector<RecognisedEntity> entities,
                                               const Gazetteer& gazetteer) {
    std::vector<RecognisedEntity> out;
    for (const RecognisedEntity& entity : entities) {
        if (!out.empty()) {
            RecognisedEntity& last = out.back();
            if (last.sentence == entity.sentence && last.end == entity.begin && last.type == entity.type) {
                const auto match = gazetteer.find(span_text(document.sentences[entity.sentence], last.begin, entity.end));
                if (match && !match->via_demonym && actor_type_of(entity.type) == match->entry->type) {
                    last.end = entity.end;
                    last.margin = std::min(last.margin, entity.margin);
                    last.confident = last.confident && entity.confident;
                    continue;
                }
            }
        }
        out.push_back(entity);
    }
    return out;
}

}  // namespace

NerDocument tokenize_article(const Article& article) {
    NerDocument document;
    tokenize_line(article.title, 0, document.sentences);
    for (std::size_t p = 0; p < article.paragraphs.size(); ++p)
        tokenize_line(article.paragraphs[p], static_cast<std::uint32_t>(p + 1), document.sentences);
    return document;
}

std::vector<NameMention> find_name_mentions(const Article& article, const EntityRecognizer& recognizer,
                                            const Gazetteer& gazetteer) {
    const NerDocument document = tokenize_article(article);
    const MentionBuilder builder(document, recognizer);
    std::vector<NameMention> mentions;
    const auto entities = join_known_names(document, recognizer.recognise(document, gazetteer), gazetteer);
    const std::vector<bool> rows = builder.table_rows(entities);
    for (std::size_t k = 0; k < entities.size(); ++k) {
        const RecognisedEntity& entity = entities[k];
        // "U.S. Trade Representative Clayton Yeutter": a name ending in a title, right before a
        // person's name, is that person's title (it stays with the person as evidence).
        if (k + 1 < entities.size() && builder.is_title_before(entity, entities[k + 1])) continue;
        NameMention mention = builder.build(entity);
        mention.table_row = rows[entity.sentence];
        if (const std::size_t last = name_after_nickname(document, entities, k); last != k) {
            const NameMention rest = builder.build(entities[last]);
            mention.text += " " + rest.text;
            mention.words.insert(mention.words.end(), rest.words.begin(), rest.words.end());
            mention.margin = std::max(mention.margin, rest.margin);
            mention.confident = mention.confident || rest.confident;
            mention.common_words = mention.common_words && rest.common_words;
            mention.cue = mention.cue || rest.cue;
            k = last;
        }
        if (!mention.words.empty()) mentions.push_back(std::move(mention));
    }
    return mentions;
}

}  // namespace newsdex
