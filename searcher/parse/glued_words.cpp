#include "searcher/parse/glued_words.hpp"

#include <algorithm>
#include <vector>

#include "common/schema.hpp"

namespace newsdex {
namespace {

// Splits whose phrase is looked up in the index, best first.
constexpr std::size_t max_splits_tried = 3;

// Whether `at` is a byte where a UTF-8 code point starts.
bool starts_code_point(const std::string& text, std::size_t at) {
    return at == text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

}  // namespace

std::optional<Xapian::Query> unglue(const Xapian::Database& db, const Xapian::Stem& stemmer, const std::string& word) {
    if (word.size() < 3) return std::nullopt;
    auto term_of = [&](const std::string& part) { return schema::stem_term(stemmer(part)); };

    // A number that lost its point or comma: "775" for "7.75", "26500" for "26,500"; the most
    // frequent form the index holds.
    if (std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        std::optional<std::string> best;
        Xapian::doccount most = 0;
        for (std::size_t at = 1; at < word.size(); ++at) {
            for (char mark : {'.', ','}) {
                const std::string term = term_of(word.substr(0, at) + mark + word.substr(at));
                const Xapian::doccount holding = db.get_termfreq(term);
                if (holding > most) {
                    best = term;
                    most = holding;
                }
            }
        }
        if (best) return Xapian::Query(*best);
    }

    struct Split {
        std::string first, second;
        Xapian::doccount rarer;
    };
    std::vector<Split> splits;
    for (std::size_t at = 1; at < word.size(); ++at) {
        if (!starts_code_point(word, at)) continue;
        std::string first = term_of(word.substr(0, at)), second = term_of(word.substr(at));
        const Xapian::doccount rarer = std::min(db.get_termfreq(first), db.get_termfreq(second));
        if (rarer > 0) splits.push_back({std::move(first), std::move(second), rarer});
    }
    std::stable_sort(splits.begin(), splits.end(), [](const Split& a, const Split& b) { return a.rarer > b.rarer; });
    if (splits.size() > max_splits_tried) splits.resize(max_splits_tried);
    for (const auto& split : splits) {
        const std::vector<std::string> parts{split.first, split.second};
        Xapian::Query phrase(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), 2);
        Xapian::Enquire enquire(db);
        enquire.set_query(phrase);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        if (enquire.get_mset(0, 1).empty()) continue;
        return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, phrase, 0.5);
    }

    // An apostrophe before the last letters: "dont" → "don't", "blairs" is already "blair".
    for (std::size_t at = word.size() - 1; at >= 1 && word.size() - at <= 2; --at) {
        std::string term = term_of(word.substr(0, at) + "'" + word.substr(at));
        if (db.get_termfreq(term) > 0) return Xapian::Query(term);
    }
    return std::nullopt;
}

}  // namespace newsdex
