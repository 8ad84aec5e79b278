#pragma once
/// What the gazetteer says about each token of a sentence: whether it begins or continues the
/// longest known name there, of which type, and whether it is a known person's surname. These
/// are features only: the recogniser decides.

#include "common/gazetteer.hpp"
#include "indexer/extract/ner/hashed_table.hpp"
#include "indexer/extract/ner/ner_token.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace newsdex {

/// Bits of a token's gazetteer tag.
enum GazetteerTagBit : std::uint8_t {
    gazetteer_begin = 1 << 0,      ///< first token of a known name
    gazetteer_inside = 1 << 1,     ///< a later token of a known name
    gazetteer_type_shift = 2,      ///< bits 2-3: 0 person, 1 org, 2 place, 3 demonym
    gazetteer_ambiguous = 1 << 4,  ///< the entry is marked ambiguous
    gazetteer_single = 1 << 5,     ///< the known name is this one token
    gazetteer_surname = 1 << 6,    ///< the token is the surname of a known person
};

/// Tags the sentences of one document, remembering what it learned of each word (names repeat
/// within an article). Holds a reference to the gazetteer; one tagger per document and thread.
class GazetteerTagger {
public:
    /// A tagger over `gazetteer`, which must outlive it.
    explicit GazetteerTagger(const Gazetteer& gazetteer) : m_gazetteer(gazetteer) {}

    /// Tags the tokens of `sentence`: the leftmost longest gazetteer name (canonical name, alias
    /// or demonym; acronyms only in capitals) starting at each capitalised token. Writes one tag
    /// a token into `tags` (resized).
    void tag(const NerSentence& sentence, std::vector<std::uint8_t>& tags);

private:
    /// What the gazetteer says of a word as the first of a name.
    struct FirstWord {
        std::uint32_t max_words = 0;  ///< the most words of a name starting with it (0: none)
        bool surname = false;         ///< a known person's surname
        std::optional<GazetteerMatch> acronym;  ///< the entry it names as a capital acronym ("US")
    };
    /// The FirstWord facts of a capitalised token, from the cache or the gazetteer.
    FirstWord first_word(const NerToken& token);
    /// Gazetteer::find_key(m_scratch), from the cache or the gazetteer.
    std::optional<GazetteerMatch> find_scratch_key();

    const Gazetteer& m_gazetteer;  ///< read only
    HashedTable<FirstWord> m_first_words;                     ///< exact word hash -> facts
    HashedTable<std::optional<GazetteerMatch>> m_keys;        ///< folded key hash -> match
    std::string m_scratch;  ///< folded names being built
};

}  // namespace newsdex
