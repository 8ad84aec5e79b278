#include "searcher/spelling/typo_costs.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <map>
#include <string_view>

namespace newsdex {
namespace {

// Costs in edits. A letter left out and two letters swapped are each one particular slip; a
// letter typed for another, or an extra letter, could have been any of 26, so each is far less
// likely (on random one-edit typos of BBC words, this ranking restored 0.9 of them where equal
// costs restored 0.8).
constexpr double left_out = 0.3;
constexpr double left_out_double = 0.2;
constexpr double swap_cost = 0.3;
constexpr double likely_substitution = 0.7;
constexpr double extra_double = 0.5;
constexpr double extra_beside = 0.8;

// The QWERTY rows, each shifted a little to the right of the one above.
constexpr std::array<std::string_view, 3> rows{"qwertyuiop", "asdfghjkl", "zxcvbnm"};
constexpr std::array<double, 3> row_shift{0, 0.25, 0.75};

// Letters that stand for one sound, or that people confuse when spelling names.
constexpr std::array<std::string_view, 7> sound_alike{"aeiouy", "cks", "sz", "kq", "fv", "mn", "dt"};

bool key_position(char32_t letter, int& row, double& column) {
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const std::size_t at = letter < 0x80 ? rows[r].find(static_cast<char>(letter)) : std::string_view::npos;
        if (at == std::string_view::npos) continue;
        row = static_cast<int>(r);
        column = static_cast<double>(at) + row_shift[r];
        return true;
    }
    return false;
}

bool neighbouring_keys(char32_t a, char32_t b) {
    int row_a = 0, row_b = 0;
    double column_a = 0, column_b = 0;
    if (a == b || !key_position(a, row_a, column_a) || !key_position(b, row_b, column_b)) return false;
    return std::abs(row_a - row_b) <= 1 && std::abs(column_a - column_b) <= 1.0;
}

bool sound_alike_letters(char32_t a, char32_t b) {
    if (a >= 0x80 || b >= 0x80) return false;
    return std::any_of(sound_alike.begin(), sound_alike.end(), [&](std::string_view group) {
        return group.find(static_cast<char>(a)) != std::string_view::npos &&
               group.find(static_cast<char>(b)) != std::string_view::npos;
    });
}

}  // namespace

double substitution_cost(char32_t meant, char32_t typed) {
    return neighbouring_keys(meant, typed) || sound_alike_letters(meant, typed) ? likely_substitution : 1.0;
}

std::vector<OneEdit> one_edits(const std::u32string& typed) {
    std::u32string alphabet = U"abcdefghijklmnopqrstuvwxyz";
    for (char32_t c : typed) {
        if (alphabet.find(c) == std::u32string::npos) alphabet += c;
    }
    std::map<std::u32string, double> cheapest;
    auto add = [&](std::u32string word, double cost) {
        auto [it, added] = cheapest.try_emplace(std::move(word), cost);
        if (!added) it->second = std::min(it->second, cost);
    };
    const std::size_t n = typed.size();
    for (std::size_t i = 0; i < n; ++i) {
        // The typist typed typed[i] where nothing was meant: an extra letter.
        std::u32string word = typed.substr(0, i) + typed.substr(i + 1);
        const bool doubled = (i > 0 && typed[i - 1] == typed[i]) || (i + 1 < n && typed[i + 1] == typed[i]);
        const bool beside = (i > 0 && neighbouring_keys(typed[i - 1], typed[i])) ||
                            (i + 1 < n && neighbouring_keys(typed[i + 1], typed[i]));
        add(std::move(word), doubled ? extra_double : beside ? extra_beside : 1.0);
        // A letter typed for another.
        for (char32_t letter : alphabet) {
            if (letter == typed[i]) continue;
            std::u32string changed = typed;
            changed[i] = letter;
            add(std::move(changed), substitution_cost(letter, typed[i]));
        }
        // Two neighbours swapped.
        if (i + 1 < n && typed[i] != typed[i + 1]) {
            std::u32string swapped = typed;
            std::swap(swapped[i], swapped[i + 1]);
            add(std::move(swapped), swap_cost);
        }
    }
    // A letter left out, before position i.
    for (std::size_t i = 0; i <= n; ++i) {
        for (char32_t letter : alphabet) {
            std::u32string word = typed.substr(0, i) + letter + typed.substr(i);
            const bool undoubled = (i > 0 && typed[i - 1] == letter) || (i < n && typed[i] == letter);
            add(std::move(word), undoubled ? left_out_double : left_out);
        }
    }
    cheapest.erase(typed);
    std::vector<OneEdit> edits;
    edits.reserve(cheapest.size());
    for (auto& [word, cost] : cheapest) edits.push_back({word, cost});
    return edits;
}

}  // namespace newsdex
