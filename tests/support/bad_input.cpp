#include "tests/support/bad_input.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "tests/support/paths.hpp"

namespace newsdex::test {
namespace fs = std::filesystem;
namespace {

void write_file(const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// The n-th good article: a real BBC text, made unique to its case by a last paragraph so that
// deduplication never folds two cases' good articles together.
std::string good_text(std::size_t n, const std::string& case_name) {
    static const char* const sections[] = {"tech", "politics", "entertainment", "sport", "business"};
    const std::string number = std::to_string(101 + n / 5);
    const fs::path file = shared_corpus() / "bbc" / sections[n % 5] / (std::string(3 - number.size(), '0') + number + ".txt");
    std::string text = read_file(file);
    if (text.empty()) throw std::runtime_error("cannot read " + file.string());
    return text + "\n\nFiled under the hardening case " + case_name + ".\n";
}

// The same article as one JSON Lines record (with its line end).
std::string good_record(std::size_t n, const std::string& case_name) {
    std::string text = good_text(n, case_name);
    const std::size_t title_end = text.find('\n');
    nlohmann::json record{{"title", text.substr(0, title_end)}, {"body", text.substr(title_end + 1)}};
    return record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string random_bytes(std::size_t size, unsigned seed, int lowest) {
    std::mt19937 generator(seed);
    std::uniform_int_distribution<int> byte(lowest, 255);
    std::string bytes(size, '\0');
    for (char& c : bytes) c = static_cast<char>(byte(generator));
    return bytes;
}

std::string utf16(const std::u16string& text, bool big_endian) {
    std::string bytes = big_endian ? "\xFE\xFF" : "\xFF\xFE";
    for (char16_t unit : text) {
        const char high = static_cast<char>(unit >> 8), low = static_cast<char>(unit & 0xFF);
        bytes += big_endian ? high : low;
        bytes += big_endian ? low : high;
    }
    return bytes;
}

std::string repeat(const std::string& piece, std::size_t times) {
    std::string text;
    text.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) text += piece;
    return text;
}

// Writes the cases one by one; each gets a directory, and good articles numbered across the corpus.
class CorpusWriter {
public:
    explicit CorpusWriter(fs::path root) : m_root(std::move(root)) {}

    // Starts a case: its directory, with `good_files` good text articles in it.
    fs::path add(BadInputCase c, std::size_t good_files = 1) {
        const fs::path dir = m_root / c.name;
        fs::create_directories(dir);
        for (std::size_t i = 0; i < good_files; ++i) {
            write_file(dir / ("good" + std::to_string(i) + ".txt"), good_text(m_next_good++, c.name));
        }
        c.indexed += good_files;
        m_cases.push_back(std::move(c));
        return dir;
    }

    // A good JSON Lines record for the current case, counted among its good articles.
    std::string record() {
        ++m_cases.back().indexed;
        return good_record(m_next_good++, m_cases.back().name);
    }

    std::vector<BadInputCase> cases() && { return std::move(m_cases); }

private:
    fs::path m_root;
    std::vector<BadInputCase> m_cases;
    std::size_t m_next_good = 0;
};

BadInputCase make_case(std::string name, std::string behaviour, std::size_t rejected, std::size_t warnings,
                       std::size_t indexed, std::string message, std::string search_word = {},
                       bool needs_permissions = false) {
    return {std::move(name),    std::move(behaviour),   rejected, warnings, indexed, std::move(message),
            std::move(search_word), needs_permissions};
}

}  // namespace

std::vector<BadInputCase> write_bad_input(const fs::path& directory) {
    CorpusWriter corpus(directory / "bad");
    fs::path dir;

    // ---- plain-text files ----
    dir = corpus.add(make_case("empty-txt", "rejected: no text", 1, 0, 0, "empty.txt: no text: the file is empty"));
    write_file(dir / "empty.txt", "");

    dir = corpus.add(make_case("blank-txt", "rejected: no text", 1, 0, 0, "blank.txt: no text"));
    write_file(dir / "blank.txt", " \n\t\n\r\n\f\n");

    dir = corpus.add(make_case("binary-txt", "rejected: binary file (NUL bytes)", 1, 0, 0,
                      "binary.txt: binary file (contains NUL bytes)"));
    write_file(dir / "binary.txt", random_bytes(4096, 1, 0));

    dir = corpus.add(make_case("binary-without-nul-txt", "rejected: binary file (mostly not UTF-8 text)", 1, 0, 0,
                      "noise.txt: binary file ("));
    write_file(dir / "noise.txt", random_bytes(4096, 2, 1));

    dir = corpus.add(make_case("nul-bytes-txt", "rejected: binary file (NUL bytes)", 1, 0, 0,
                      "zeros.txt: binary file (contains NUL bytes)"));
    write_file(dir / "zeros.txt", std::string(4096, '\0'));

    dir = corpus.add(make_case("invalid-utf8-txt", "indexed; bad bytes become U+FFFD with one warning", 0, 1, 1,
                      "latin1.txt: warning: invalid UTF-8 at byte 3 (and 2 more)", "qwzlatin"));
    write_file(dir / "latin1.txt", "Caf\xE9 owners complain \x80\n\nThe qwzlatin word sits in caf\xE9 text.\n");

    dir = corpus.add(make_case("overlong-utf8-txt", "indexed; overlong forms and surrogates become U+FFFD, one warning", 0, 1,
                      1, "overlong.txt: warning: invalid UTF-8 at byte", "qwzoverlong"));
    write_file(dir / "overlong.txt",
               "Overlong forms \xC0\xAF \xE0\x80\xAF \xF0\x80\x80\xAF\n\nSurrogate \xED\xA0\x80 and "
               "\xF5\x80 and \xFF beside qwzoverlong.\n");

    dir = corpus.add(make_case("utf16le-bom-txt", "indexed: decoded from UTF-16 (little-endian)", 0, 0, 1, "",
                      "qwzutfsixteenle"));
    write_file(dir / "utf16.txt", utf16(u"UTF-16 headline\r\n\r\nThe word qwzutfsixteenle, caf\u00e9 and "
                                        u"\U0001F600 in little-endian.\r\n",
                                        false));

    dir = corpus.add(make_case("utf16be-bom-txt", "indexed: decoded from UTF-16 (big-endian)", 0, 0, 1, "",
                      "qwzutfsixteenbe"));
    write_file(dir / "utf16.txt", utf16(u"UTF-16 headline\n\nThe word qwzutfsixteenbe in big-endian.\n", true));

    dir = corpus.add(make_case("utf16-bad-surrogate-txt", "indexed; an unpaired surrogate becomes U+FFFD, one warning", 0, 1,
                      1, "surrogate.txt: warning: invalid UTF-16 at byte", "qwzsurrogate"));
    write_file(dir / "surrogate.txt",
               utf16(std::u16string(u"Lonely surrogate\n\nA high surrogate ") + char16_t(0xD800) +
                         u" stands alone near qwzsurrogate.\n",
                     false));

    dir = corpus.add(make_case("crlf-txt", "indexed: CRLF line ends are good input", 0, 0, 1, "", "qwzcrlf"));
    write_file(dir / "crlf.txt", "CRLF headline\r\n\r\nFirst paragraph with qwzcrlf.\r\n\r\nSecond one.\r\n");

    dir = corpus.add(make_case("lone-cr-txt", "indexed: lone CR line ends are good input", 0, 0, 1, "", "qwzlonecr"));
    write_file(dir / "cr.txt", "Lone CR headline\r\rFirst paragraph with qwzlonecr.\r\rSecond one.\r");

    dir = corpus.add(make_case("million-paragraphs-txt", "indexed: the first 10,000 paragraphs, one warning", 0, 1, 1,
                      "million.txt: warning: 1000000 paragraphs; only the first 10000 are kept", "qwzmillion"));
    write_file(dir / "million.txt", "A million paragraphs\n\nqwzmillion opens it.\n\n" + repeat("p\n\n", 999'999));

    dir = corpus.add(make_case("long-word-txt", "indexed; a 10,000-character word is not a term (--max-term-bytes)", 0, 0, 1,
                      "", "qwzlongword"));
    write_file(dir / "long.txt", "A very long word\n\nBefore qwzlongword comes " + repeat("abcdefghij", 1000) +
                                     " and then the end.\n");

    dir = corpus.add(make_case("control-characters-txt", "indexed: a few control characters are text", 0, 0, 1, "",
                      "qwzcontrol"));
    write_file(dir / "ansi.txt", "Escape \x1b[31mred\x1b[0m headline\n\nBell \a and backspace \b near qwzcontrol.\n");

    dir = corpus.add(make_case("other-files", "ignored: only .txt, .jsonl and .ndjson files are read", 0, 0, 0, ""));
    write_file(dir / "photo.jpg", random_bytes(2048, 3, 0));
    write_file(dir / "notes.md", "# Not an article\n");

    dir = corpus.add(make_case("directory-link-loop", "warning: links to directories are not followed (no loop)", 0, 1, 0,
                      "loop: warning: symbolic link to a directory not followed"));
    fs::create_directory_symlink("..", dir / "loop");

    dir = corpus.add(make_case("file-link-loop", "rejected: symbolic link loop", 1, 0, 0, "self.txt: symbolic link loop"));
    fs::create_symlink("self.txt", dir / "self.txt");

    dir = corpus.add(make_case("broken-link", "rejected: broken symbolic link", 1, 0, 0, "gone.txt: broken symbolic link"));
    fs::create_symlink("missing.txt", dir / "gone.txt");

    dir = corpus.add(make_case("fifo-txt", "rejected: not a regular file (a FIFO would block)", 1, 0, 0,
                      "pipe.txt: not a regular file"));
    if (mkfifo((dir / "pipe.txt").c_str(), 0600) != 0) throw std::runtime_error("mkfifo failed");

    dir = corpus.add(make_case("unreadable-txt", "rejected: cannot read file: Permission denied", 1, 0, 0,
                      "secret.txt: cannot read file: Permission denied", "", true));
    write_file(dir / "secret.txt", "Secret\n\nUnreadable text.\n");
    fs::permissions(dir / "secret.txt", fs::perms::none);

    dir = corpus.add(make_case("unreadable-directory", "rejected: cannot read directory", 1, 0, 0,
                      "locked: cannot read directory: Permission denied", "", true));
    write_file(dir / "locked" / "inside.txt", "Inside\n\nText in a locked directory.\n");
    fs::permissions(dir / "locked", fs::perms::none);

    dir = corpus.add(make_case("bad-manifest", "rejected line; the article is indexed without its metadata", 1, 0, 0,
                      "articles.meta.jsonl:1: malformed manifest line"));
    write_file(dir / "articles.meta.jsonl", "{\"file\": \"good0.txt\", \"source\": \"cut\n");

    // ---- JSON Lines ----
    dir = corpus.add(make_case("truncated-jsonl", "rejected line by line: malformed JSON", 2, 0, 0,
                      "records.jsonl:2: malformed JSON (truncated or invalid record)"),
                     0);
    write_file(dir / "records.jsonl", corpus.record() + "{\"title\": \"cut off\", \"bo\n" + corpus.record() +
                                          "{\"title\": \"cut at the end of the file\", \"body\": \"b");

    dir = corpus.add(make_case("wrong-types-jsonl", "rejected line by line, naming the field and its type", 9, 0, 0,
                      "records.jsonl:2: field \"title\" must be a string, not number"),
                     0);
    write_file(dir / "records.jsonl", corpus.record() +
                                          "{\"title\": 5, \"body\": \"b\"}\n"
                                          "{\"title\": \"t\", \"body\": null}\n"
                                          "{\"title\": \"t\", \"body\": [\"a\", \"b\"]}\n"
                                          "{\"title\": \"t\", \"body\": \"b\", \"id\": true}\n"
                                          "{\"title\": \"t\", \"body\": \"b\", \"date\": {\"y\": 2020}}\n"
                                          "[1, 2]\n"
                                          "\"a string\"\n"
                                          "42\n"
                                          "null\n" +
                                          corpus.record());

    dir = corpus.add(make_case("deep-nesting-jsonl", "rejected before parsing: nested deeper than 64 levels", 2, 0, 1,
                      "records.jsonl:2: JSON nested deeper than 64 levels", "qwznested"),
                     0);
    write_file(dir / "records.jsonl",
               corpus.record() + repeat("{\"a\":", 100'000) + "1" + repeat("}", 100'000) + "\n" +
                   repeat("[", 500'000) + "\n" +
                   "{\"title\": \"Fifty levels qwznested\", \"body\": \"b\", \"extra\": " + repeat("[", 50) +
                   repeat("]", 50) + "}\n" + corpus.record());

    dir = corpus.add(make_case("duplicate-keys-jsonl", "indexed; the last value wins, one warning", 0, 1, 1,
                      "records.jsonl:2: warning: duplicate key \"title\": the last value is used", "qwzsecond"),
                     0);
    write_file(dir / "records.jsonl",
               corpus.record() +
                   "{\"title\": \"First qwzfirst\", \"body\": \"Body of the repeated key.\", \"title\": \"Second "
                   "qwzsecond\", \"x\": 1, \"x\": 2}\n" +
                   corpus.record());

    dir = corpus.add(make_case("missing-body-jsonl", "rejected: missing body, or no text at all", 3, 0, 1,
                      "records.jsonl:2: missing field \"body\" (or \"text\")", "qwzheadline"),
                     0);
    write_file(dir / "records.jsonl", corpus.record() +
                                          "{\"title\": \"No body\"}\n"
                                          "{\"title\": \" \", \"body\": \"\\n \\n\"}\n"
                                          "{}\n"
                                          "{\"title\": \"Headline only qwzheadline\", \"body\": \"\"}\n" +
                                          corpus.record());

    dir = corpus.add(make_case("absurd-dates-jsonl", "indexed undated, one warning per absurd date", 0, 7, 7,
                      "records.jsonl:2: warning: unknown or impossible date \"9999-99-99\"", "qwzdate"),
                     0);
    {
        std::string lines = corpus.record();
        for (const char* date : {"\"9999-99-99\"", "\"0000-00-00\"", "\"2022-02-30\"", "1e300", "-100000000000",
                                 "99999999999999", "\"31 Febtember 20222\""}) {
            nlohmann::json record{{"title", "Dated qwzdate"}, {"body", std::string("Absurd date ") + date + "."}};
            std::string line = record.dump();
            line.insert(line.size() - 1, std::string(", \"date\": ") + date);
            lines += line + "\n";
        }
        write_file(dir / "records.jsonl", lines + corpus.record());
    }

    dir = corpus.add(make_case("invalid-utf8-jsonl", "indexed; bad bytes become U+FFFD with one warning", 0, 1, 1,
                      "records.jsonl:2: warning: invalid UTF-8 at byte", "qwzjsonlatin"),
                     0);
    write_file(dir / "records.jsonl",
               corpus.record() + "{\"title\": \"Caf\xE9\", \"body\": \"qwzjsonlatin \xC0\xAF text\"}\n" +
                   corpus.record());

    dir = corpus.add(make_case("nul-bytes-jsonl", "rejected once for the whole file: binary file", 1, 0, 0,
                      "zeros.jsonl:1: binary file (NUL bytes)"));
    write_file(dir / "zeros.jsonl", std::string(4096, '\0'));

    dir = corpus.add(make_case("binary-jsonl", "rejected once for the whole file: binary file", 1, 0, 0,
                      "noise.jsonl:1: binary file (NUL bytes)"));
    {
        std::string noise = random_bytes(8192, 4, 0);
        for (char& c : noise) {
            if (c == '\n') c = '\0';
        }
        write_file(dir / "noise.jsonl", noise);
    }

    dir = corpus.add(make_case("utf16-bom-jsonl", "rejected once for the whole file: JSON Lines must be UTF-8", 1, 0, 0,
                      "utf16.jsonl:1: UTF-16 text"));
    write_file(dir / "utf16.jsonl", utf16(u"{\"title\": \"UTF-16 record\", \"body\": \"b\"}\n", false));

    dir = corpus.add(make_case("crlf-jsonl", "indexed: CRLF line ends are good input", 0, 0, 1, "", "qwzjsoncrlf"), 0);
    {
        std::string first = corpus.record(), second = corpus.record();
        first.insert(first.size() - 1, "\r");
        second.insert(second.size() - 1, "\r");
        write_file(dir / "records.jsonl",
                   first + "{\"title\": \"CRLF record\", \"body\": \"qwzjsoncrlf\"}\r\n" + second);
    }

    dir = corpus.add(make_case("lone-cr-jsonl", "rejected: records must end with LF or CRLF (one line for the file)", 1, 0, 0,
                      "records.jsonl:1: malformed JSON (records must end with LF or CRLF, not a lone CR)"));
    write_file(dir / "records.jsonl",
               "{\"title\": \"a\", \"body\": \"b\"}\r{\"title\": \"c\", \"body\": \"d\"}\r");

    dir = corpus.add(make_case("empty-jsonl", "warning: empty file, no records", 0, 1, 0, "empty.jsonl: warning: empty file"));
    write_file(dir / "empty.jsonl", "");

    dir = corpus.add(make_case("million-paragraphs-jsonl", "indexed: the first 10,000 paragraphs, one warning", 0, 1, 1,
                      "records.jsonl:1: warning: 1000000 paragraphs; only the first 10000 are kept",
                      "qwzjsonmillion"),
                     0);
    write_file(dir / "records.jsonl", "{\"title\": \"A million lines\", \"body\": \"qwzjsonmillion\\n" +
                                          repeat("p\\n", 999'999) + "\"}\n" + corpus.record());

    return std::move(corpus).cases();
}

std::filesystem::path write_huge_line(const std::filesystem::path& directory, std::size_t bytes) {
    fs::create_directories(directory);
    const fs::path jsonl = directory / "huge.jsonl";
    {
        std::ofstream out(jsonl, std::ios::binary);
        out << good_record(0, "huge-line-before");
        const std::string head = "{\"title\": \"One enormous line\", \"body\": \"";
        const std::string tail = "\"}\n";
        out << head;
        const std::string words = "enormous line of words ";
        for (std::size_t written = head.size() + tail.size(); written < bytes; written += words.size()) out << words;
        out << tail;
        out << good_record(1, "huge-line-after");
    }
    {
        std::ofstream out(directory / "huge.txt", std::ios::binary);
        const std::string words = "enormous text without a line break ";
        for (std::size_t written = 0; written < bytes; written += words.size()) out << words;
    }
    return jsonl;
}

bool permissions_enforced(const std::filesystem::path& scratch_directory) {
    const fs::path probe = scratch_directory / "permission-probe";
    write_file(probe, "x");
    fs::permissions(probe, fs::perms::none);
    const bool readable = std::ifstream(probe).is_open();
    fs::permissions(probe, fs::perms::owner_read | fs::perms::owner_write);
    fs::remove(probe);
    return !readable;
}

}  // namespace newsdex::test
