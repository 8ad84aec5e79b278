#include "indexer/extract/ner/gazetteer_tags.hpp"

#include <algorithm>

namespace newsdex {
namespace {

// Appends Gazetteer::fold_key(text) to `out`, with the ASCII case done here without allocating.
void append_folded(std::string& out, std::string_view text) {
    const bool ascii = std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (!ascii) {
        out += Gazetteer::fold_key(text);
        return;
    }
    const std::size_t start = out.size();
    bool pending_space = false;
    for (char c : text) {
        if (c == '.') continue;
        if (c == ' ' || c == '-' || c == '_' || c == '\t' || c == '\n' || c == '\r') {
            pending_space = out.size() > start;
            continue;
        }
        if (pending_space) {
            out += ' ';
            pending_space = false;
        }
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        else if (c == '`') c = '\'';
        out += c;
    }
}

std::uint8_t type_bits(const GazetteerMatch& match) {
    const unsigned kind = match.via_demonym ? 3u : static_cast<unsigned>(match.entry->type);
    std::uint8_t bits = static_cast<std::uint8_t>(kind << gazetteer_type_shift);
    if (match.entry->ambiguous) bits |= gazetteer_ambiguous;
    return bits;
}

bool is_clitic(std::string_view text) { return text.size() == 2 && (text[1] == 's' || text[1] == 'S'); }

}  // namespace

void tag_with_gazetteer(const Gazetteer& gazetteer, const NerSentence& sentence, std::vector<std::uint8_t>& tags,
                        std::string& scratch) {
    const auto& tokens = sentence.tokens;
    tags.assign(tokens.size(), 0);
    for (std::size_t s = 0; s < tokens.size();) {
        const NerToken& first = tokens[s];
        if ((first.flags & token_has_upper) == 0) {
            ++s;
            continue;
        }
        scratch.clear();
        append_folded(scratch, first.text);
        const std::size_t first_space = scratch.find(' ');
        const std::size_t limit = gazetteer.max_words_starting_with(std::string_view(scratch).substr(0, first_space));
        std::size_t best_end = 0;
        std::optional<GazetteerMatch> best;
        if ((first.flags & token_has_lower) == 0 && Gazetteer::is_capital_acronym(first.text)) {
            if (auto match = gazetteer.find(first.text)) {
                best = match;
                best_end = s + 1;
            }
        }
        if (limit > 0) {
            std::size_t words = 1 + static_cast<std::size_t>(std::count(scratch.begin(), scratch.end(), ' '));
            for (std::size_t e = s;;) {
                if (words <= limit) {
                    if (auto match = gazetteer.find_key(scratch)) {
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
                append_folded(scratch, next.text);
                words += static_cast<std::size_t>(std::count(scratch.begin() + static_cast<std::ptrdiff_t>(before), scratch.end(), ' '));
            }
        }
        if (!best) {
            if ((first.flags & token_first_upper) != 0 && first.text.size() > 1 &&
                gazetteer.find_by_surname(first.text) != nullptr)
                tags[s] |= gazetteer_surname;
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
