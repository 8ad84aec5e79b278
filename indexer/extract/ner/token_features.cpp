#include "indexer/extract/ner/token_features.hpp"

#include "indexer/extract/ner/feature_hash.hpp"
#include "indexer/extract/ner/gazetteer_tags.hpp"
#include "indexer/extract/ner/sentence_layout.hpp"
#include "indexer/extract/ner/word_forms.hpp"

#include <algorithm>
#include <iterator>
#include <span>
#include <string>

namespace newsdex {
namespace {

// Feature templates. Their numbers are hashed into every feature: never renumber, only add.
enum Template : std::uint64_t {
    t_bias = 1, t_word, t_lower, t_shape, t_prefix, t_suffix = t_prefix + 4, t_class = t_suffix + 4,
    t_case_profile = t_class + 3, t_cue, t_gazetteer, t_lower_prev, t_lower_next, t_lower_prev2,
    t_lower_next2, t_shape_prev, t_shape_next, t_class_prev, t_class_next = t_class_prev + 2,
    t_cue_prev = t_class_next + 2, t_cue_next, t_cue_prev2, t_gazetteer_prev, t_gazetteer_next,
    t_bigram_prev, t_bigram_next, t_shape_window, t_position_shape, t_line_shape, t_line_class,
    t_document_case, t_lower_prev_shape, t_shape_lower_next, t_document_context
};

// Stand-ins for the words beyond either end of a sentence.
constexpr std::uint64_t outside_word = 0x5e17e9ce0fULL;

// Bits of how a word is written elsewhere in the same document, away from sentence starts.
enum DocumentCaseBit : std::uint8_t { seen_lower = 1, seen_capitalised = 2, seen_capitals = 4 };

// Bits of the contexts a capitalised word has anywhere in running text of the same document.
enum DocumentContextBit : std::uint8_t {
    after_title = 1 << 0,         // "Mr X", "President X"
    before_speech = 1 << 1,       // "X said"
    before_org_suffix = 1 << 2,   // "X Corp", "X Group"
    after_preposition = 1 << 3,   // "in X", "from X"
    in_longer_name = 1 << 4,      // next to another capitalised word
    alone = 1 << 5,               // no capitalised neighbour
    before_possessive = 1 << 6,   // "X's"
    after_given_name = 1 << 7,    // "John X": a surname
};

// What the features know of one token. The forms they read of every token are copied here, from
// the lexicon (KnownWord) or from the token's own WordForms.
struct TokenInfo {
    std::uint64_t exact = 0;  // WordForms::exact, and so on
    std::uint64_t lower = 0;
    std::uint64_t lower_digits_zero = 0;
    std::uint64_t shape = 0;
    const WordForms* forms = nullptr;  // all its forms, for a word the lexicon does not know; nullptr for a
                                       // lexicon word, whose word features are summed in the model, and
                                       // for a token far from scored ones, of which only `lower` is known
    WordClassIds classes;
    std::uint16_t flags = 0;
    std::uint32_t cues = 0;
    std::uint8_t case_profile = 0;
    std::uint8_t gazetteer = 0;
};

// About the most features a scored token has (most have fewer): room enough that a sentence's
// features rarely move.
constexpr std::size_t features_per_scored_token = 40;

std::uint64_t feature(Template t, std::uint64_t value) { return combine_hash(t, value); }

bool name_like(const NerToken& token) { return (token.flags & token_has_upper) != 0; }

// Sets scored[i] to 1 for each token of `sentence` the recogniser scores, 0 for the others.
void mark_scored(const NerSentence& sentence, std::vector<std::uint8_t>& scored) {
    const std::size_t n = sentence.tokens.size();
    scored.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        // A name's words are capitalised, or stand between capitalised words ("Bank of the West").
        auto name_like_at = [&](std::size_t j) { return j < n && name_like(sentence.tokens[j]); };
        const bool is_scored = name_like(sentence.tokens[i]) ||
                               ((name_like_at(i - 1) || name_like_at(i - 2)) && (name_like_at(i + 1) || name_like_at(i + 2)));
        scored[i] = is_scored ? 1 : 0;
    }
}

// Sets near[i] to 1 for each token within two tokens of a scored one: the tokens whose facts the
// features read (a scored token's own, and its neighbours').
void mark_near_scored(const std::vector<std::uint8_t>& scored, std::vector<std::uint8_t>& near) {
    const std::size_t n = scored.size();
    near.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i)
        if (scored[i] != 0)
            for (std::size_t j = i < 2 ? 0 : i - 2; j <= i + 2 && j < n; ++j) near[j] = 1;
}

}  // namespace

void append_word_features(const WordForms& forms, const WordClassIds& classes, std::uint32_t cues,
                          std::vector<std::uint64_t>& out) {
    // Word and lower case first: training hides these two at random (SentenceFeatures::lexical).
    out.push_back(feature(t_word, forms.exact));
    out.push_back(feature(t_lower, forms.lower_digits_zero));
    out.push_back(feature(t_shape, forms.shape));
    for (std::size_t k = 0; k < 4; ++k) {
        if (forms.prefixes[k] != 0) out.push_back(feature(static_cast<Template>(t_prefix + k), forms.prefixes[k]));
        if (forms.suffixes[k] != 0) out.push_back(feature(static_cast<Template>(t_suffix + k), forms.suffixes[k]));
    }
    for (std::size_t level = 0; level < 3; ++level)
        out.push_back(feature(static_cast<Template>(t_class + level), classes.known ? classes.ids[level] + 1u : 0u));
    for (unsigned bit = 0; bit < 32; ++bit)
        if ((cues >> bit) & 1u) out.push_back(feature(t_cue, bit));
}

FeatureExtractor::FeatureExtractor(const WordClusters& clusters, const CueWords& cues, const WordLexicon* lexicon)
    : m_clusters(clusters), m_cues(cues), m_lexicon(lexicon) {
    m_context.title = cues.class_bit("honorific") | cues.class_bit("title") | cues.class_bit("title_modifier");
    m_context.speech = cues.class_bit("speech");
    m_context.org_suffix = cues.class_bit("org_suffix");
    m_context.place_preposition = cues.class_bit("place_preposition");
    m_context.given_name = cues.class_bit("given_name");
}

void FeatureExtractor::extract(const NerDocument& document, const Gazetteer& gazetteer,
                               std::vector<SentenceFeatures>& out) const {
    const std::size_t count = document.sentences.size();
    out.resize(count);
    // One array for the whole document; sentence s has the TokenInfo from first_info[s] on.
    std::vector<std::size_t> first_info(count);
    std::size_t token_count = 0;
    for (std::size_t s = 0; s < count; ++s) {
        first_info[s] = token_count;
        token_count += document.sentences[s].tokens.size();
    }
    std::vector<TokenInfo> infos(token_count);
    auto infos_of = [&](std::size_t s) {
        return std::span<TokenInfo>(infos.data() + first_info[s], document.sentences[s].tokens.size());
    };
    std::vector<WordForms> own_forms;  // reserved once: TokenInfo points into it
    own_forms.reserve(token_count);
    std::vector<LineCase> cases(count);
    HashedTable<std::uint8_t> document_case;
    std::vector<std::uint8_t> tags;
    std::vector<std::uint8_t> near;
    GazetteerTagger tagger(gazetteer);

    // Punctuation has no classes in the features; words with periods are not in the lexicon.
    auto in_lexicon_if_known = [this](const NerToken& token) {
        return m_lexicon != nullptr && (token.flags & (token_has_period | token_punct)) == 0;
    };
    for (std::size_t s = 0; s < count; ++s) {
        const NerSentence& sentence = document.sentences[s];
        const std::span<TokenInfo> info = infos_of(s);
        mark_scored(sentence, out[s].scored);
        // Most tokens are far from any scored one: of those only the lower-case form is read (for
        // document_case), and the bytes give it without the lexicon, the word classes or WordForms.
        mark_near_scored(out[s].scored, near);
        // The lexicon is larger than the cache: ask for the slots of all the sentence's words
        // first, so that they load together, and while the tagger runs.
        for (std::size_t i = 0; i < sentence.tokens.size(); ++i) {
            if (near[i] == 0 || !in_lexicon_if_known(sentence.tokens[i])) continue;
            info[i].exact = exact_word_hash(sentence.tokens[i].text);
            m_lexicon->prefetch(info[i].exact);
        }
        cases[s] = line_case(sentence);
        tagger.tag(sentence, tags);
        for (std::size_t i = 0; i < sentence.tokens.size(); ++i) {
            const NerToken& token = sentence.tokens[i];
            TokenInfo& t = info[i];
            t.flags = token.flags;
            t.gazetteer = tags[i];
            if (near[i] == 0) {
                if ((token.flags & token_punct) != 0) continue;
                t.lower = lower_word_hash(token.text);
            } else if (const KnownWord* known = in_lexicon_if_known(token) ? m_lexicon->find(t.exact) : nullptr) {
                t.lower = known->lower;
                t.lower_digits_zero = known->lower_digits_zero;
                t.shape = known->shape;
                t.classes = known->classes;
                t.cues = known->cues;
                t.case_profile = known->case_profile;
            } else {
                const WordForms& forms = own_forms.emplace_back(word_forms(token.text));
                t.forms = &forms;
                t.exact = forms.exact;
                t.lower = forms.lower;
                t.lower_digits_zero = forms.lower_digits_zero;
                t.shape = forms.shape;
                if ((token.flags & token_punct) != 0) continue;
                t.classes = m_clusters.classes(forms);
                t.cues = m_cues.classes(forms);
                t.case_profile = m_clusters.case_profile(forms);
            }
            if ((token.flags & token_punct) != 0) continue;
            if (cases[s] == LineCase::normal && token_position(sentence, i) == 2 && (token.flags & token_has_letter) != 0) {
                const std::uint8_t bit = (token.flags & token_all_upper) != 0 && token.text.size() > 1 ? seen_capitals
                                         : (token.flags & token_first_upper) != 0                   ? seen_capitalised
                                                                                                    : seen_lower;
                const auto* old = document_case.find(t.lower);
                document_case.set(t.lower, static_cast<std::uint8_t>((old == nullptr ? 0 : *old) | bit));
            }
        }
    }

    // The contexts of each capitalised word in running text, over the whole document.
    HashedTable<std::uint8_t> document_context;
    for (std::size_t s = 0; s < count; ++s) {
        if (cases[s] != LineCase::normal) continue;
        const auto& tokens = document.sentences[s].tokens;
        const std::span<const TokenInfo> info = infos_of(s);
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if ((tokens[i].flags & token_first_upper) == 0 || (tokens[i].flags & token_has_letter) == 0) continue;
            const bool capital_before = i > 0 && (tokens[i - 1].flags & token_first_upper) != 0;
            const bool capital_after = i + 1 < tokens.size() && (tokens[i + 1].flags & token_first_upper) != 0;
            std::uint8_t bits = (capital_before || capital_after) ? in_longer_name : alone;
            if (i > 0) {
                const std::uint32_t before = info[i - 1].cues;
                if ((before & m_context.title) != 0 && (tokens[i - 1].flags & token_first_upper) != 0) bits |= after_title;
                if ((before & m_context.place_preposition) != 0 && (tokens[i - 1].flags & token_has_upper) == 0) bits |= after_preposition;
                if ((before & m_context.given_name) != 0 && capital_before) bits |= after_given_name;
            }
            if (i + 1 < tokens.size()) {
                const std::uint32_t after = info[i + 1].cues;
                if ((after & m_context.speech) != 0) bits |= before_speech;
                if ((after & m_context.org_suffix) != 0 && capital_after) bits |= before_org_suffix;
                if (tokens[i + 1].text.size() == 2 && (tokens[i + 1].text[1] == 's' || tokens[i + 1].text[1] == 'S') &&
                    (tokens[i + 1].flags & token_has_letter) != 0 && (tokens[i + 1].flags & token_first_upper) == 0)
                    bits |= before_possessive;
            }
            const auto* old = document_context.find(info[i].lower);
            document_context.set(info[i].lower, static_cast<std::uint8_t>((old == nullptr ? 0 : *old) | bits));
        }
    }

    for (std::size_t s = 0; s < count; ++s) {
        const NerSentence& sentence = document.sentences[s];
        const std::span<const TokenInfo> info = infos_of(s);
        SentenceFeatures& f = out[s];
        const std::size_t n = sentence.tokens.size();
        f.hashes.clear();
        f.ends.assign(n, 0);
        f.lexical.assign(n, 0);
        f.compiled_word.assign(n, 0);
        auto lower_at = [&](std::ptrdiff_t j) {
            return j < 0 || j >= static_cast<std::ptrdiff_t>(n) ? outside_word : info[static_cast<std::size_t>(j)].lower_digits_zero;
        };
        auto shape_at = [&](std::ptrdiff_t j) {
            return j < 0 || j >= static_cast<std::ptrdiff_t>(n) ? outside_word : info[static_cast<std::size_t>(j)].shape;
        };
        auto class_at = [&](std::ptrdiff_t j, std::size_t level) -> std::uint64_t {
            if (j < 0 || j >= static_cast<std::ptrdiff_t>(n)) return 0xffff;
            const auto& c = info[static_cast<std::size_t>(j)].classes;
            return c.known ? c.ids[level] + 1u : 0u;
        };
        auto cues_at = [&](std::ptrdiff_t j) -> std::uint64_t {
            return j < 0 || j >= static_cast<std::ptrdiff_t>(n) ? (std::uint64_t{1} << 40) : info[static_cast<std::size_t>(j)].cues;
        };
        auto gazetteer_at = [&](std::ptrdiff_t j) -> std::uint64_t {
            return j < 0 || j >= static_cast<std::ptrdiff_t>(n) ? 0x100 : info[static_cast<std::size_t>(j)].gazetteer;
        };
        const auto line = static_cast<std::uint64_t>(cases[s]);
        // f.scored is marked: room for the scored tokens' features at once.
        f.hashes.reserve(static_cast<std::size_t>(std::count(f.scored.begin(), f.scored.end(), 1)) * features_per_scored_token);
        for (std::size_t i = 0; i < n; ++i) {
            if (f.scored[i] != 0) {
                const auto j = static_cast<std::ptrdiff_t>(i);
                const TokenInfo& t = info[i];
                auto& h = f.hashes;
                const std::uint64_t position = token_position(sentence, i);
                const std::uint64_t first_upper = (t.flags & token_first_upper) != 0 ? 1 : 0;
                if (t.forms == nullptr) {
                    f.compiled_word[i] = t.exact;
                } else {
                    append_word_features(*t.forms, t.classes, t.cues, h);
                    f.lexical[i] = 2;
                }
                // The features every scored token has, added at once (push_back by push_back they
                // were a call each: the compiler does not inline it into a function this size).
                const std::uint64_t context[] = {
                    feature(t_bias, 0),
                    feature(t_case_profile, t.case_profile * 4u + first_upper * 2u + (position == 2 ? 0u : 1u)),
                    feature(t_gazetteer, t.gazetteer),
                    feature(t_lower_prev, lower_at(j - 1)),
                    feature(t_lower_next, lower_at(j + 1)),
                    feature(t_lower_prev2, lower_at(j - 2)),
                    feature(t_lower_next2, lower_at(j + 2)),
                    feature(t_shape_prev, shape_at(j - 1)),
                    feature(t_shape_next, shape_at(j + 1)),
                    feature(t_class_prev, class_at(j - 1, 1)),
                    feature(t_class_next, class_at(j + 1, 1)),
                    feature(static_cast<Template>(t_class_prev + 1), class_at(j - 1, 2)),
                    feature(static_cast<Template>(t_class_next + 1), class_at(j + 1, 2)),
                    feature(t_cue_prev, cues_at(j - 1)),
                    feature(t_cue_next, cues_at(j + 1)),
                    feature(t_cue_prev2, cues_at(j - 2)),
                    feature(t_gazetteer_prev, gazetteer_at(j - 1)),
                    feature(t_gazetteer_next, gazetteer_at(j + 1)),
                    feature(t_bigram_prev, combine_hash(lower_at(j - 1), t.lower_digits_zero)),
                    feature(t_bigram_next, combine_hash(t.lower_digits_zero, lower_at(j + 1))),
                    feature(t_shape_window, combine_hash(combine_hash(shape_at(j - 1), t.shape), shape_at(j + 1))),
                    feature(t_position_shape, combine_hash(position, t.shape)),
                    feature(t_line_shape, combine_hash(line, t.shape)),
                    feature(t_line_class, combine_hash(line, class_at(j, 1))),
                };
                h.insert(h.end(), std::begin(context), std::end(context));
                if ((t.flags & token_has_letter) != 0) {
                    const auto* seen = document_case.find(t.lower);
                    const std::uint64_t elsewhere = seen == nullptr ? 0 : *seen;
                    const std::uint64_t here = (position == 2 && line == 0 ? 0u : 1u) * 2u + first_upper;
                    h.push_back(feature(t_document_case, elsewhere * 4u + here));
                    if ((t.flags & token_has_upper) != 0) {
                        const auto* contexts = document_context.find(t.lower);
                        const unsigned bits = contexts == nullptr ? 0u : *contexts;
                        for (unsigned bit = 0; bit < 8; ++bit)
                            if ((bits >> bit) & 1u) h.push_back(feature(t_document_context, bit));
                    }
                }
                h.push_back(feature(t_lower_prev_shape, combine_hash(lower_at(j - 1), t.shape)));
                h.push_back(feature(t_shape_lower_next, combine_hash(t.shape, lower_at(j + 1))));
            }
            f.ends[i] = static_cast<std::uint32_t>(f.hashes.size());
        }
    }
}

}  // namespace newsdex
