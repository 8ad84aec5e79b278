#include "indexer/extract/ner/gazetteer_tags.hpp"

#include "indexer/extract/ner/feature_hash.hpp"
#include "indexer/extract/ner/word_forms.hpp"

#include <algorithm>

namespace newsdex {
namespace {

std::uint8_t type_bits(const GazetteerMatch& match) {
    const unsigned kind = match.via_demonym ? 3u : static_cast<unsigned>(match.entry->type);
    std::uint8_t bits = static_cast<std::uint8_t>(kind << gazetteer_type_shift);
    if (match.entry->ambiguous) bits |= gazetteer_ambiguous;
    return bits;
}

bool is_clitic(std::string_view text) { return text.size() == 2 && (text[1] == 's' || text[1] == 'S'); }

}  // namespace

GazetteerTagger::FirstWord GazetteerTagger::first_word(const NerToken& token) {
    const std::uint64_t key = exact_word_hash(token.text);
    if (const auto* known = m_first_words.find(key)) return *known;
    FirstWord facts;
    m_scratch.clear();
    Gazetteer::append_fold_key(m_scratch, token.text);
    const std::size_t first_space = m_scratch.find(' ');
    facts.max_words = static_cast<std::uint32_t>(
        m_gazetteer.max_words_starting_with(std::string_view(m_scratch).substr(0, first_space)));
    facts.surname = (token.flags & token_first_upper) != 0 && token.text.size() > 1 &&
                    m_gazetteer.find_by_surname(token.text) != nullptr;
    if ((token.flags & token_has_lower) == 0 && Gazetteer::is_capital_acronym(token.text))
        facts.acronym = m_gazetteer.find(token.text);
    m_first_words.set(key, facts);
    return facts;
}

std::optional<GazetteerMatch> GazetteerTagger::find_scratch_key() {
    const std::uint64_t key = bytes_hash(m_scratch);
    if (const auto* known = m_keys.find(key)) return *known;
    const auto match = m_gazetteer.find_key(m_scratch);
    m_keys.set(key, match);
    return match;
}

void GazetteerTagger::tag(const NerSentence& sentence, std::vector<std::uint8_t>& tags) {
    std::string& scratch = m_scratch;
    const auto& tokens = sentence.tokens;
    tags.assign(tokens.size(), 0);
    for (std::size_t s = 0; s < tokens.size();) {
        const NerToken& first = tokens[s];
        if ((first.flags & token_has_upper) == 0) {
            ++s;
            continue;
        }
        const FirstWord facts = first_word(first);
        const std::size_t limit = facts.max_words;
        std::size_t best_end = 0;
        std::optional<GazetteerMatch> best;
        if (facts.acronym) {
            best = facts.acronym;
            best_end = s + 1;
        }
        if (limit > 0) {
            scratch.clear();
            Gazetteer::append_fold_key(scratch, first.text);
            std::size_t words = 1 + static_cast<std::size_t>(std::count(scratch.begin(), scratch.end(), ' '));
            for (std::size_t e = s;;) {
                if (words <= limit) {
                    if (auto match = find_scratch_key()) {
                        best = match;
                        best_end = e + 1;
                    }
                }
                if (++e >= tokens.size() || words >= limit) break;
                const NerToken& next = tokens[e];
                if ((next.flags & token_punct) != 0 && next.text != "&") break;
                if (!is_clitic(next.text)) {
                    scratch += ' ';
                    ++words;
                }
                const std::size_t before = scratch.size();
                Gazetteer::append_fold_key(scratch, next.text);
                words += static_cast<std::size_t>(std::count(scratch.begin() + static_cast<std::ptrdiff_t>(before), scratch.end(), ' '));
            }
        }
        if (!best) {
            if (facts.surname) tags[s] |= gazetteer_surname;
            ++s;
            continue;
        }
        const std::uint8_t bits = type_bits(*best);
        for (std::size_t k = s; k < best_end; ++k) tags[k] = static_cast<std::uint8_t>(bits | (k == s ? gazetteer_begin : gazetteer_inside));
        if (best_end == s + 1) tags[s] |= gazetteer_single;
        s = best_end;
    }
}

}  // namespace newsdex
