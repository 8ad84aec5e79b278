#include "common/unicode_text.hpp"

#include "common/html_entities.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <vector>

namespace newsdex {

namespace {

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

/// Decodes the code point at `i` and advances `i`; ill-formed bytes give U+FFFD.
inline UChar32 next_code_point(std::string_view text, std::size_t& i) noexcept {
    const auto length = static_cast<std::int32_t>(text.size());
    auto offset = static_cast<std::int32_t>(i);
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const std::uint8_t*>(text.data()), offset, length, c);
    i = static_cast<std::size_t>(offset);
    return c < 0 ? 0xFFFD : c;
}

void append_code_point(std::string& out, UChar32 c) {
    char buffer[U8_MAX_LENGTH];
    std::int32_t length = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<std::uint8_t*>(buffer), length, U8_MAX_LENGTH, c, error);
    if (error) {
        out.append(replacement_character);
    } else {
        out.append(buffer, static_cast<std::size_t>(length));
    }
}

std::string to_utf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

/// White space other than ASCII: it becomes a plain space in both forms.
bool is_unicode_space(UChar32 c) noexcept {
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
           c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

/// Invisible characters that carry no text: zero-width space/joiners, word joiner, BOM, soft
/// hyphen. They are removed from both forms (TermGenerator ignores them inside words anyway).
bool is_invisible(UChar32 c) noexcept {
    return (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF || c == 0xAD;
}

/// C0/C1 controls other than white space, and DEL.
bool is_control(UChar32 c) noexcept { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

/// The ASCII replacement of a typographic or Latin character that NFKD does not fold, if any.
std::optional<std::string_view> special_fold(UChar32 c) noexcept {
    switch (c) {
        // apostrophes and single quotes
        case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x2035:
        case 0x2039: case 0x203A: case 0x02BC: case 0x02B9: case 0x00B4: case 0x02CA:
        case 0xFF07:
            return "'";
        // double quotes and guillemets
        case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x2036:
        case 0x00AB: case 0x00BB: case 0x02BA: case 0x301D: case 0x301E: case 0x301F:
        case 0xFF02:
            return "\"";
        // hyphens, dashes, minus
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
        case 0x2212: case 0x2043: case 0xFE58: case 0xFE63: case 0xFF0D:
            return "-";
        // Latin letters without a canonical decomposition
        case 0x00F8: return "o";
        case 0x00D8: return "O";
        case 0x00DF: return "ss";
        case 0x1E9E: return "SS";
        case 0x00E6: return "ae";
        case 0x00C6: return "AE";
        case 0x0153: return "oe";
        case 0x0152: return "OE";
        case 0x0142: return "l";
        case 0x0141: return "L";
        case 0x0111: return "d";
        case 0x0110: return "D";
        case 0x00F0: return "d";
        case 0x00D0: return "D";
        case 0x00FE: return "th";
        case 0x00DE: return "Th";
        case 0x0131: return "i";
        case 0x0127: return "h";
        case 0x0126: return "H";
        case 0x0167: return "t";
        case 0x0166: return "T";
        case 0x014B: return "n";
        case 0x014A: return "N";
        case 0x0180: return "b";
        case 0x0192: return "f";
        default: return std::nullopt;
    }
}

bool is_mark(UChar32 c) noexcept {
    const auto type = u_charType(c);
    return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK;
}

bool is_latin(UChar32 c) noexcept {
    UErrorCode status = U_ZERO_ERROR;
    return uscript_getScript(c, &status) == USCRIPT_LATIN && U_SUCCESS(status);
}

/// ICU's shared normaliser instances (thread-safe, owned by ICU). Their data is built into
/// libicudata, so failing to get one means a broken installation.
const icu::Normalizer2& checked(const icu::Normalizer2* instance, UErrorCode status) {
    if (U_FAILURE(status) || instance == nullptr) {
        throw std::runtime_error(std::string("ICU normalizer data is unavailable: ") + u_errorName(status));
    }
    return *instance;
}

const icu::Normalizer2& nfc() {
    UErrorCode status = U_ZERO_ERROR;
    return checked(icu::Normalizer2::getNFCInstance(status), status);
}

const icu::Normalizer2& nfkc() {
    UErrorCode status = U_ZERO_ERROR;
    return checked(icu::Normalizer2::getNFKCInstance(status), status);
}

const icu::Normalizer2& nfkd() {
    UErrorCode status = U_ZERO_ERROR;
    return checked(icu::Normalizer2::getNFKDInstance(status), status);
}

/// Puts `text` into NFC in place, when it is not already.
void compose_in_place(std::string& text) {
    UErrorCode status = U_ZERO_ERROR;
    if (nfc().isNormalizedUTF8(text, status) || U_FAILURE(status)) return;
    std::string composed;
    icu::StringByteSink<std::string> sink(&composed);
    nfc().normalizeUTF8(0, text, sink, nullptr, status);
    if (U_SUCCESS(status)) text.swap(composed);
}

/// Appends the matching form of one code point that is not a mark and not in the precomputed
/// table's special cases: the NFKD letters of a Latin character without its marks, or the
/// NFKC form of anything else. A fold that would introduce a space (spacing accents such as
/// ¨ decompose to space + mark) keeps the character instead, so word counts never change.
std::string fold_code_point(UChar32 c) {
    if (const auto special = special_fold(c)) return std::string(*special);
    if (is_unicode_space(c) || is_control(c)) return " ";
    if (is_invisible(c)) return {};

    icu::UnicodeString decomposition;
    const bool latin = is_latin(c);
    std::string out;
    if (latin && nfkd().getDecomposition(c, decomposition)) {
        for (std::int32_t i = 0; i < decomposition.length();) {
            const UChar32 part = decomposition.char32At(i);
            i += U16_LENGTH(part);
            if (is_mark(part)) continue;
            if (const auto special = special_fold(part)) {
                out.append(*special);
            } else {
                append_code_point(out, part);
            }
        }
    } else {
        UErrorCode status = U_ZERO_ERROR;
        const icu::UnicodeString composed =
            nfkc().normalize(icu::UnicodeString(c), status);
        if (U_FAILURE(status)) return to_utf8(icu::UnicodeString(c));
        for (std::int32_t i = 0; i < composed.length();) {
            const UChar32 part = composed.char32At(i);
            i += U16_LENGTH(part);
            if (const auto special = special_fold(part)) {
                out.append(*special);
            } else {
                append_code_point(out, part);
            }
        }
    }
    const bool adds_space = out.find(' ') != std::string::npos;
    if (out.empty() || adds_space) {
        out.clear();
        append_code_point(out, c);
    }
    return out;
}

/// The matching form of every code point in U+0080..U+2FFF (Latin, Greek, Cyrillic, the
/// scripts of South and South-East Asia, general punctuation, letter-like symbols), computed
/// once with ICU so the per-character cost on real text is a table look-up.
class FoldTable {
public:
    static constexpr UChar32 limit = 0x3000;

    struct Entry {
        std::uint32_t offset = 0;
        std::uint8_t length = 0;
        bool latin = false;  ///< a Latin letter: marks that follow it are dropped
        bool mark = false;   ///< a combining mark: dropped after a Latin letter, else kept
    };

    FoldTable() : m_entries(limit) {
        for (UChar32 c = 0x80; c < limit; ++c) {
            Entry& entry = m_entries[static_cast<std::size_t>(c)];
            entry.offset = static_cast<std::uint32_t>(m_bytes.size());
            entry.mark = is_mark(c);
            entry.latin = !entry.mark && is_latin(c);
            std::string folded;
            if (entry.mark) {
                append_code_point(folded, c);
            } else {
                folded = fold_code_point(c);
            }
            m_bytes.append(folded);
            entry.length = static_cast<std::uint8_t>(folded.size());
        }
    }

    [[nodiscard]] const Entry& entry(UChar32 c) const { return m_entries[static_cast<std::size_t>(c)]; }
    [[nodiscard]] std::string_view bytes(const Entry& e) const {
        return std::string_view(m_bytes).substr(e.offset, e.length);
    }

private:
    std::vector<Entry> m_entries;
    std::string m_bytes;
};

const FoldTable& fold_table() {
    static const FoldTable table;
    return table;
}

}  // namespace

std::size_t code_point_count(std::string_view utf8) noexcept {
    std::size_t count = 0;
    for (const char c : utf8) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return count;
}

bool is_ascii(std::string_view text) noexcept {
    const char* p = text.data();
    std::size_t n = text.size();
    for (; n >= 8; p += 8, n -= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, sizeof word);
        if ((word & 0x8080808080808080ULL) != 0) return false;
    }
    for (; n > 0; ++p, --n) {
        if (static_cast<unsigned char>(*p) >= 0x80) return false;
    }
    return true;
}

/// True when `text` is already in stored form and ASCII: printable characters only, no '&',
/// single spaces, nothing to trim. Most English news paragraphs are, so this check (one tight
/// loop) saves the rebuilding pass.
bool is_plain_stored_ascii(std::string_view text) noexcept {
    if (text.empty() || text.front() == ' ' || text.back() == ' ') return text.empty();
    char previous = 'x';
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte > 0x7E || c == '&' || (c == ' ' && previous == ' ')) return false;
        previous = c;
    }
    return true;
}

std::string normalize_stored(std::string_view utf8) {
    if (is_plain_stored_ascii(utf8)) return std::string(utf8);
    std::string decoded;
    std::string_view text = utf8;
    if (text.find('&') != std::string_view::npos) {
        decoded = decode_html_entities(text);
        text = decoded;
    }

    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    bool non_ascii = false;
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            ++i;
            if (byte == ' ' || (byte >= 0x09 && byte <= 0x0D)) {
                pending_space = !out.empty();
                continue;
            }
            if (is_control(byte)) continue;
            if (pending_space) out.push_back(' ');
            pending_space = false;
            out.push_back(static_cast<char>(byte));
            continue;
        }
        const std::size_t start = i;
        const UChar32 c = next_code_point(text, i);
        if (is_unicode_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (is_invisible(c) || is_control(c)) continue;
        if (pending_space) out.push_back(' ');
        pending_space = false;
        non_ascii = true;
        if (c == 0xFFFD && i - start != 3) {
            out.append(replacement_character);  // an ill-formed byte in the input
        } else {
            out.append(text.substr(start, i - start));
        }
    }

    if (non_ascii) compose_in_place(out);
    return out;
}

std::string matching_form(std::string_view utf8) {
    if (is_ascii(utf8)) return std::string(utf8);

    const FoldTable& table = fold_table();
    std::string out;
    out.reserve(utf8.size());
    bool after_latin = false;
    bool kept_mark = false;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto byte = static_cast<unsigned char>(utf8[i]);
        if (byte < 0x80) {
            ++i;
            after_latin = (byte | 0x20) >= 'a' && (byte | 0x20) <= 'z';
            out.push_back(static_cast<char>(byte));
            continue;
        }
        const UChar32 c = next_code_point(utf8, i);
        if (c < FoldTable::limit) {
            const FoldTable::Entry& entry = table.entry(c);
            if (entry.mark) {
                if (after_latin) continue;
                kept_mark = true;
            } else {
                after_latin = entry.latin;
            }
            out.append(table.bytes(entry));
            continue;
        }
        // Beyond the table (CJK, Hangul, presentation and full-width forms, emoji): most code
        // points are already NFKC and are copied; the rest are folded one by one.
        if (is_mark(c)) {
            if (after_latin) continue;
            kept_mark = true;
            append_code_point(out, c);
            continue;
        }
        after_latin = is_latin(c);
        if (!is_invisible(c) && !is_unicode_space(c) && !special_fold(c) &&
            u_getIntPropertyValue(c, UCHAR_NFKC_QUICK_CHECK) != UNORM_NO) {
            append_code_point(out, c);
        } else {
            out.append(fold_code_point(c));
        }
    }

    if (kept_mark) compose_in_place(out);  // e.g. a decomposed й, to match the precomposed one
    return out;
}

std::string fold_case(std::string_view utf8) {
    if (is_ascii(utf8)) {
        std::string out(utf8);
        for (char& ch : out) {
            if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        }
        return out;
    }
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
    text.foldCase();
    return to_utf8(text);
}

std::string_view trim_ascii_space(std::string_view text) noexcept {
    const auto space = [](char c) { return c == ' ' || (c >= 0x09 && c <= 0x0D); };
    while (!text.empty() && space(text.front())) text.remove_prefix(1);
    while (!text.empty() && space(text.back())) text.remove_suffix(1);
    return text;
}

std::int32_t first_code_point(std::string_view utf8) noexcept {
    if (utf8.empty()) return 0;
    std::int32_t offset = 0;
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const std::uint8_t*>(utf8.data()), offset, static_cast<std::int32_t>(utf8.size()), c);
    return c;
}

std::int32_t last_code_point(std::string_view utf8) noexcept {
    if (utf8.empty()) return 0;
    auto offset = static_cast<std::int32_t>(utf8.size());
    UChar32 c = 0;
    U8_PREV(reinterpret_cast<const std::uint8_t*>(utf8.data()), 0, offset, c);
    return c;
}

}  // namespace newsdex
