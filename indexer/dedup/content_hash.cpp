#include "indexer/dedup/content_hash.hpp"

#include <array>
#include <cstddef>

namespace newsdex {

namespace {

// What one (possibly multi-byte) character of the input becomes in the comparison form.
enum class Fold { keep, space, drop, apostrophe, quote, dash, ellipsis };

struct Folded {
    Fold fold;
    std::size_t length;  // bytes consumed
};

// Recognises the few non-ASCII characters the comparison form folds; everything else is `keep`
// (one byte at a time, so other UTF-8 passes through untouched and invalid bytes are harmless).
Folded classify(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) {
        return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u;
    };
    const unsigned b0 = byte(0);
    if (b0 < 0x80) {
        switch (b0) {
        case ' ': case '\t': case '\n': case '\v': case '\f': case '\r': return {Fold::space, 1};
        case '`': return {Fold::apostrophe, 1};
        default: return {Fold::keep, 1};
        }
    }
    const unsigned b1 = byte(1);
    if (b0 == 0xC2) {
        switch (b1) {
        case 0xA0: return {Fold::space, 2};       // no-break space
        case 0xAD: return {Fold::drop, 2};        // soft hyphen
        case 0xAB: case 0xBB: return {Fold::quote, 2};  // guillemets
        case 0xB4: return {Fold::apostrophe, 2};  // acute accent used as an apostrophe
        default: return {Fold::keep, 1};
        }
    }
    const unsigned b2 = byte(2);
    if (b0 == 0xE2 && b1 == 0x80) {
        if (b2 >= 0x80 && b2 <= 0x8A) return {Fold::space, 3};  // U+2000..U+200A
        if (b2 >= 0x8B && b2 <= 0x8D) return {Fold::drop, 3};   // zero-width space and joiners
        if (b2 >= 0x90 && b2 <= 0x95) return {Fold::dash, 3};   // hyphens, figure/en/em dashes, bar
        if (b2 >= 0x98 && b2 <= 0x9B) return {Fold::apostrophe, 3};
        if (b2 >= 0x9C && b2 <= 0x9F) return {Fold::quote, 3};
        switch (b2) {
        case 0xA6: return {Fold::ellipsis, 3};
        case 0xA8: case 0xA9: case 0xAF: return {Fold::space, 3};  // line/paragraph sep, narrow nbsp
        case 0xB2: return {Fold::apostrophe, 3};  // prime
        case 0xB3: return {Fold::quote, 3};       // double prime
        default: return {Fold::keep, 1};
        }
    }
    if (b0 == 0xE2 && b1 == 0x81 && b2 == 0x9F) return {Fold::space, 3};  // U+205F
    if (b0 == 0xE2 && b1 == 0x81 && b2 == 0xA0) return {Fold::drop, 3};   // word joiner
    if (b0 == 0xE2 && b1 == 0x88 && b2 == 0x92) return {Fold::dash, 3};   // minus sign
    if (b0 == 0xE1 && b1 == 0x9A && b2 == 0x80) return {Fold::space, 3};  // ogham space mark
    if (b0 == 0xE3 && b1 == 0x80 && b2 == 0x80) return {Fold::space, 3};  // ideographic space
    if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) return {Fold::drop, 3};   // BOM / ZWNBSP
    return {Fold::keep, 1};
}

// A first look at one byte, so that the common bytes skip `classify`.
enum class ByteClass : unsigned char { plain, upper, space, special };

constexpr std::array<ByteClass, 256> make_byte_classes() {
    std::array<ByteClass, 256> table{};
    for (int b = 'A'; b <= 'Z'; ++b) table[b] = ByteClass::upper;
    for (const int b : {' ', '\t', '\n', '\v', '\f', '\r'}) table[b] = ByteClass::space;
    // '`' and the lead bytes of every sequence `classify` folds.
    for (const int b : {int{'`'}, 0xC2, 0xE1, 0xE2, 0xE3, 0xEF}) table[b] = ByteClass::special;
    return table;
}

constexpr std::array<ByteClass, 256> k_byte_class = make_byte_classes();

}  // namespace

void append_comparison_form(std::string_view text, std::string& out) {
    // Every fold maps a character to at most as many bytes as it had (a whitespace run becomes
    // at most one space), so the output fits in text.size() bytes and is written through a pointer.
    const std::size_t base = out.size();
    out.resize(base + text.size());
    char* const first = out.data() + base;
    char* o = first;
    bool pending_space = false;  // whitespace seen since the last byte written
    const auto put = [&](char c) {
        if (pending_space && o != first) *o++ = ' ';
        pending_space = false;
        *o++ = c;
    };
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        const ByteClass k = k_byte_class[static_cast<unsigned char>(c)];
        if (k == ByteClass::plain) {  // most bytes: copied as they are
            put(c);
            ++i;
            continue;
        }
        if (k == ByteClass::upper) {
            put(static_cast<char>(c - 'A' + 'a'));
            ++i;
            continue;
        }
        if (k == ByteClass::space) {
            pending_space = true;
            ++i;
            continue;
        }
        const Folded f = classify(text, i);
        switch (f.fold) {
        case Fold::keep: put(c); break;
        case Fold::space: pending_space = true; break;
        case Fold::drop: break;
        case Fold::apostrophe: put('\''); break;
        case Fold::quote: put('"'); break;
        case Fold::dash: put('-'); break;
        case Fold::ellipsis:
            put('.');
            *o++ = '.';
            *o++ = '.';
            break;
        }
        i += f.length;
    }
    out.resize(base + static_cast<std::size_t>(o - first));
}

std::string comparison_form(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_comparison_form(text, out);
    return out;
}

std::string content_hash(const Article& cleaned) {
    std::string key;
    std::size_t size = cleaned.title.size() + 1;
    for (const auto& p : cleaned.paragraphs) size += p.size() + 1;
    key.reserve(size);

    append_comparison_form(cleaned.title, key);
    // '\n' cannot occur in a comparison form, so it separates title from body unambiguously.
    key += '\n';
    const std::size_t body_start = key.size();
    for (const auto& paragraph : cleaned.paragraphs) {
        const std::size_t before = key.size();
        if (before > body_start) key += ' ';
        append_comparison_form(paragraph, key);
        if (key.size() == before + 1 && before > body_start) key.pop_back();  // blank paragraph
    }
    return to_hex(hash128(key));
}

}  // namespace newsdex
