#include "indexer/extract/ner/name_mentions.hpp"

#include "indexer/extract/ner/name_words.hpp"
#include "indexer/extract/ner/ner_tokenizer.hpp"
#include "indexer/extract/ner/sentence_layout.hpp"

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
          m_title_bits(m_cues.class_bit("honorific") | m_cues.class_bit("title") | m_cues.class_bit("title_modifier")) {
        std::uint32_t order = 0;
        for (const auto& sentence : document.sentences) {
            m_first_token.push_back(order);
            order += static_cast<std::uint32_t>(sentence.tokens.size());
        }
    }

    NameMention build(const RecognisedEntity& entity) const {
        const NerSentence& sentence = m_document.sentences[entity.sentence];
        std::uint32_t begin = entity.begin;
        // Titles inside the span stay out of the name ("Exchequer Nigel Lawson", "Mr Lawson").
        if (entity.type == EntityType::person)
            while (begin + 1 < entity.end && is_title(sentence.tokens[begin])) ++begin;
        // … and so do those just before it, kept as evidence: "Chancellor of the Exchequer".
        std::uint32_t title_begin = begin;
        while (title_begin > 0) {
            const NerToken& previous = sentence.tokens[title_begin - 1];
            if (is_title(previous)) {
                --title_begin;
            } else if (title_begin >= 2 && is_connector(previous) && is_title(sentence.tokens[title_begin - 2])) {
                title_begin -= 2;
            } else if (title_begin >= 3 && is_connector(previous) && is_connector(sentence.tokens[title_begin - 2]) &&
                       is_title(sentence.tokens[title_begin - 3])) {
                title_begin -= 3;
            } else {
                break;
            }
        }
        NameMention mention;
        mention.text = span_text(sentence, begin, entity.end);
        mention.title = span_text(sentence, title_begin, begin);
        mention.words = name_words(mention.text);
        mention.type = entity.type;
        mention.margin = entity.margin;
        mention.confident = entity.confident;
        mention.headline_case = line_case(sentence) != LineCase::normal;
        mention.order = m_first_token[entity.sentence] + begin;
        // "International Crisis Group (ICG)".
        if (entity.end + 2 < sentence.tokens.size() && sentence.tokens[entity.end].text == "(" &&
            sentence.tokens[entity.end + 2].text == ")") {
            const NerToken& inside = sentence.tokens[entity.end + 1];
            if ((inside.flags & token_all_upper) != 0 && inside.text.size() >= 2) mention.acronym = std::string(inside.text);
        }
        return mention;
    }

private:
    bool is_title(const NerToken& token) const {
        return (token.flags & token_first_upper) != 0 && (m_cues.classes(word_forms(token.text)) & m_title_bits) != 0;
    }
    static bool is_connector(const NerToken& token) { return token.text == "of" || token.text == "the" || token.text == "for"; }

    const NerDocument& m_document;
    const CueWords& m_cues;
    std::uint32_t m_title_bits;
    std::vector<std::uint32_t> m_first_token;
};

}  // namespace

NerDocument tokenize_article(const Article& article) {
    NerDocument document;
    tokenize_line(article.title, 0, document.sentences);
    for (std::size_t p = 0; p < article.paragraphs.size(); ++p)
        tokenize_line(article.paragraphs[p], static_cast<std::uint32_t>(p + 1), document.sentences);
    return document;
}

std::vector<NameMention> find_name_mentions(const Article& article, const EntityRecognizer& recognizer) {
    const NerDocument document = tokenize_article(article);
    const MentionBuilder builder(document, recognizer);
    std::vector<NameMention> mentions;
    for (const RecognisedEntity& entity : recognizer.recognise(document)) {
        NameMention mention = builder.build(entity);
        if (!mention.words.empty()) mentions.push_back(std::move(mention));
    }
    return mentions;
}

}  // namespace newsdex
