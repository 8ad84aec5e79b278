#include "common/html_entities.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <unordered_map>

namespace newsdex {

namespace {

/// Names of U+00A0..U+00FF in code point order (HTML 4 / HTML5 share them).
constexpr std::array<std::string_view, 96> latin1_names = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",
    "uml",    "copy",   "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",
    "deg",    "plusmn", "sup2",   "sup3",   "acute",  "micro",  "para",   "middot",
    "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil",
    "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave", "Iacute", "Icirc",  "Iuml",
    "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",   "times",
    "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",  "szlig",
    "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil",
    "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",
    "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide",
    "oslash", "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml",
};

struct NamedEntity {
    std::string_view name;
    char32_t code_point;
};

constexpr std::array<NamedEntity, 44> other_names = {{
    {"amp", U'&'},        {"lt", U'<'},          {"gt", U'>'},          {"quot", U'"'},
    {"apos", U'\''},      {"OElig", 0x152},      {"oelig", 0x153},      {"Scaron", 0x160},
    {"scaron", 0x161},    {"Yuml", 0x178},       {"fnof", 0x192},       {"circ", 0x2C6},
    {"tilde", 0x2DC},     {"ensp", 0x2002},      {"emsp", 0x2003},      {"thinsp", 0x2009},
    {"zwnj", 0x200C},     {"zwj", 0x200D},       {"lrm", 0x200E},       {"rlm", 0x200F},
    {"ndash", 0x2013},    {"mdash", 0x2014},     {"lsquo", 0x2018},     {"rsquo", 0x2019},
    {"sbquo", 0x201A},    {"ldquo", 0x201C},     {"rdquo", 0x201D},     {"bdquo", 0x201E},
    {"dagger", 0x2020},   {"Dagger", 0x2021},    {"bull", 0x2022},      {"hellip", 0x2026},
    {"permil", 0x2030},   {"prime", 0x2032},     {"Prime", 0x2033},     {"lsaquo", 0x2039},
    {"rsaquo", 0x203A},   {"oline", 0x203E},     {"frasl", 0x2044},     {"euro", 0x20AC},
    {"trade", 0x2122},    {"larr", 0x2190},      {"rarr", 0x2192},      {"minus", 0x2212},
}};

/// Greek letters U+0391..U+03A9 and U+03B1..U+03C9 (U+03A2 is unassigned; U+03C2 is sigmaf).
constexpr std::array<NamedEntity, 49> greek_names = {{
    {"Alpha", 0x391}, {"alpha", 0x3B1}, {"Beta", 0x392}, {"beta", 0x3B2},
    {"Gamma", 0x393}, {"gamma", 0x3B3}, {"Delta", 0x394}, {"delta", 0x3B4},
    {"Epsilon", 0x395}, {"epsilon", 0x3B5}, {"Zeta", 0x396}, {"zeta", 0x3B6},
    {"Eta", 0x397}, {"eta", 0x3B7}, {"Theta", 0x398}, {"theta", 0x3B8},
    {"Iota", 0x399}, {"iota", 0x3B9}, {"Kappa", 0x39A}, {"kappa", 0x3BA},
    {"Lambda", 0x39B}, {"lambda", 0x3BB}, {"Mu", 0x39C}, {"mu", 0x3BC},
    {"Nu", 0x39D}, {"nu", 0x3BD}, {"Xi", 0x39E}, {"xi", 0x3BE},
    {"Omicron", 0x39F}, {"omicron", 0x3BF}, {"Pi", 0x3A0}, {"pi", 0x3C0},
    {"Rho", 0x3A1}, {"rho", 0x3C1}, {"Sigma", 0x3A3}, {"sigma", 0x3C3},
    {"Tau", 0x3A4}, {"tau", 0x3C4}, {"Upsilon", 0x3A5}, {"upsilon", 0x3C5},
    {"Phi", 0x3A6}, {"phi", 0x3C6}, {"Chi", 0x3A7}, {"chi", 0x3C7},
    {"Psi", 0x3A8}, {"psi", 0x3C8}, {"Omega", 0x3A9}, {"omega", 0x3C9},
    {"sigmaf", 0x3C2},
}};

/// Windows-1252 meanings of 0x80..0x9F; 0 where the byte is undefined (kept as the code point).
constexpr std::array<char32_t, 32> windows1252 = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

const std::unordered_map<std::string_view, char32_t>& named_entities() {
    static const auto table = [] {
        std::unordered_map<std::string_view, char32_t> map;
        for (std::size_t i = 0; i < latin1_names.size(); ++i) {
            map.emplace(latin1_names[i], static_cast<char32_t>(0xA0 + i));
        }
        for (const NamedEntity& entity : other_names) map.emplace(entity.name, entity.code_point);
        for (const NamedEntity& entity : greek_names) map.emplace(entity.name, entity.code_point);
        return map;
    }();
    return table;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

bool is_ascii_alnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_hex_digit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/// The code point of a numeric reference body ("8217", "x2019"), cleaned up as browsers do;
/// nothing when the body is not a number.
std::optional<char32_t> numeric_reference(std::string_view body) {
    const bool hex = body.front() == 'x' || body.front() == 'X';
    const std::string_view digits = hex ? body.substr(1) : body;
    if (digits.empty()) return std::nullopt;
    std::uint64_t value = 0;
    for (const char c : digits) {
        if (hex ? !is_hex_digit(c) : !(c >= '0' && c <= '9')) return std::nullopt;
        const std::uint64_t digit = c <= '9' ? static_cast<std::uint64_t>(c - '0')
                                             : static_cast<std::uint64_t>((c | 0x20) - 'a' + 10);
        value = value * (hex ? 16 : 10) + digit;
        if (value > 0x10FFFF) value = 0x110000;  // saturate: stays out of range
    }
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0xFFFD;
    if (value >= 0x80 && value <= 0x9F && windows1252[value - 0x80] != 0) {
        return windows1252[value - 0x80];
    }
    return static_cast<char32_t>(value);
}

}  // namespace

std::string decode_html_entities(std::string_view text) {
    std::size_t amp = text.find('&');
    if (amp == std::string_view::npos) return std::string(text);

    constexpr std::size_t longest_reference = 32;
    std::string out;
    out.reserve(text.size());
    std::size_t copied = 0;
    while (amp != std::string_view::npos) {
        std::size_t end = amp + 1;
        const bool numeric = end < text.size() && text[end] == '#';
        if (numeric) ++end;
        while (end < text.size() && end - amp <= longest_reference && is_ascii_alnum(text[end])) ++end;
        const std::size_t body_start = amp + (numeric ? 2 : 1);
        if (end < text.size() && text[end] == ';' && end > body_start) {
            const std::string_view body = text.substr(body_start, end - body_start);
            std::optional<char32_t> decoded;
            if (numeric) {
                decoded = numeric_reference(body);
            } else if (const auto found = named_entities().find(body); found != named_entities().end()) {
                decoded = found->second;
            }
            if (decoded) {
                out.append(text.substr(copied, amp - copied));
                append_utf8(out, *decoded);
                copied = end + 1;
            }
        }
        amp = text.find('&', amp + 1);
    }
    out.append(text.substr(copied));
    return out;
}

}  // namespace newsdex
