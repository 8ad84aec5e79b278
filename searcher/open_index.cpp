#include "searcher/open_index.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "common/errors.hpp"

namespace newsdex {
namespace fs = std::filesystem;
namespace {

// Opening attempts before a writer that keeps changing the index wins.
constexpr int max_attempts = 20;

std::string read_text(const fs::path& file) {
    std::ifstream in(file);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

[[noreturn]] void damaged(const fs::path& stub, const std::string& what) {
    throw FatalError("damaged index " + stub.string() + ": " + what + " (see \"Damaged indexes\" in the README)");
}

// A line of a stub that lists something: its number (from 1), its text, its backend and, for a
// local database type followed by a path, that database (relative to the stub's folder).
struct StubLine {
    int number = 0;
    std::string text;
    std::string backend;
    std::optional<fs::path> database;
};

// Whether a stub line's backend is a local database type, followed by the database's path.
bool is_local_backend(const std::string& backend) { return backend == "glass" || backend == "auto" || backend == "chert"; }

// The lines of the stub `text` at `stub` that list something: blank lines and comments left out.
std::vector<StubLine> stub_lines(const fs::path& stub, const std::string& text) {
    std::vector<StubLine> out;
    std::istringstream lines(text);
    std::string line;
    for (int number = 1; std::getline(lines, line); ++number) {
        std::istringstream words(line);
        std::string backend, target;
        if (!(words >> backend) || backend.starts_with("#")) continue;
        std::optional<fs::path> database;
        if (is_local_backend(backend) && (words >> target)) {
            database = fs::path(target).is_relative() ? stub.parent_path() / target : fs::path(target);
        }
        out.push_back({number, line, backend, std::move(database)});
    }
    return out;
}

// Checks what a stub lists before Xapian reads it, to name the problem in our words. Returns
// whether it lists a remote shard.
bool check_stub(const fs::path& stub, const std::string& text) {
    bool remote = false;
    const std::vector<StubLine> listed = stub_lines(stub, text);
    for (const StubLine& line : listed) {
        const std::string where = "line " + std::to_string(line.number) + " \"" + line.text + "\"";
        if (line.backend == "remote") remote = true;
        if (line.backend == "remote" || line.backend == "inmemory") continue;
        if (!is_local_backend(line.backend)) damaged(stub, where + " names no database type");
        if (!line.database) damaged(stub, where + " names no database");
        const fs::path& database = *line.database;
        std::error_code error;
        if (!fs::is_directory(database, error)) damaged(stub, where + ": " + database.string() + " is missing");
        if (::access(database.c_str(), R_OK | X_OK) != 0) {
            throw FatalError("cannot read the index's segment " + database.string() + ": permission denied");
        }
    }
    if (listed.empty()) damaged(stub, "its list of segments is empty");
    return remote;
}

// The stub to read at `path`, if the index is one (a directory's XAPIANDB, or a stub file).
std::optional<fs::path> stub_of(const fs::path& path) {
    std::error_code error;
    if (fs::is_directory(path, error)) {
        if (fs::exists(path / "XAPIANDB", error)) return path / "XAPIANDB";
        return std::nullopt;
    }
    return path;
}

// The directories whose facet dictionaries the documents at `path` may be numbered by: an index
// directory itself, the directory of each database its stub (`listed`) names (or the database
// itself when it is an index directory with a stub of its own), the directory a plain database
// is in. Documents name their dictionary by its tag, so a directory too many costs nothing.
std::vector<fs::path> dictionary_directories(const fs::path& path, const std::optional<fs::path>& stub,
                                             const std::string& listed) {
    std::vector<fs::path> directories;
    std::error_code error;
    if (!stub) {
        directories.push_back(path.parent_path().empty() ? fs::path(".") : path.parent_path());
        return directories;
    }
    if (fs::is_directory(path, error)) directories.push_back(path);
    for (const StubLine& line : stub_lines(*stub, listed)) {
        if (!line.database) continue;
        const fs::path& database = *line.database;
        directories.push_back(fs::exists(database / "XAPIANDB", error) ? database : database.parent_path());
    }
    return directories;
}

// The facet dictionaries in `directories`, each once; two with the same tag in different
// directories (an index copied, then written on) are ambiguous, and both left out.
FacetDictionaries open_dictionaries(const std::vector<fs::path>& directories) {
    std::vector<fs::path> seen;
    FacetDictionaries dictionaries;
    std::vector<std::uint32_t> ambiguous;
    for (const auto& directory : directories) {
        std::error_code error;
        fs::path canonical = fs::weakly_canonical(directory, error);
        if (error) canonical = directory;
        if (std::find(seen.begin(), seen.end(), canonical) != seen.end()) continue;
        seen.push_back(canonical);
        auto dictionary = FacetDictionary::open(canonical);
        if (!dictionary) continue;
        for (const auto& other : dictionaries) {
            if (other->tag() == dictionary->tag()) ambiguous.push_back(dictionary->tag());
        }
        dictionaries.push_back(std::move(dictionary));
    }
    std::erase_if(dictionaries, [&](const auto& dictionary) {
        return std::find(ambiguous.begin(), ambiguous.end(), dictionary->tag()) != ambiguous.end();
    });
    return dictionaries;
}

// Appends the local databases `path` stands for to `out`, in Xapian's order of shards: a
// database directory, or each database a stub (an index directory's XAPIANDB, or a stub file)
// lists, stubs within stubs followed. `text` is the stub's text when the caller read it already.
// False when one is not a local database (a remote shard), or stubs nest too deep.
bool collect_local_databases(const fs::path& path, const std::string* text, std::vector<fs::path>& out, int depth = 0) {
    const std::optional<fs::path> stub = stub_of(path);
    if (!stub) {
        out.push_back(path);
        return true;
    }
    if (depth > 8) return false;
    const std::string read = text ? std::string() : read_text(*stub);
    for (const StubLine& line : stub_lines(*stub, text ? *text : read)) {
        if (!line.database || !collect_local_databases(*line.database, nullptr, out, depth + 1)) return false;
    }
    return true;
}

// The facet columns of `db`'s shards when each is a local segment with a column of the revision
// it is at now; empty otherwise. The caller checks that `db` has not moved on since.
FacetColumns open_facet_columns(const fs::path& path, const std::string& listed, const Xapian::Database& db) {
    std::vector<fs::path> databases;
    if (!collect_local_databases(path, listed.empty() ? nullptr : &listed, databases) || databases.size() != db.size())
        return {};
    std::vector<Xapian::Database> shards;
    std::vector<std::shared_ptr<const FacetColumn>> columns;
    try {
        for (const fs::path& database : databases) {
            shards.emplace_back(database.string());
            std::shared_ptr<const FacetColumn> column = FacetColumn::open(database, shards.back().get_revision());
            if (!column) return {};
            columns.push_back(std::move(column));
        }
    } catch (const Xapian::Error&) {
        return {};
    }
    return FacetColumns(std::move(shards), std::move(columns));
}

// The built-in gazetteer, read at the first call; a failed read is tried again at the next.
std::shared_ptr<const Gazetteer> builtin_gazetteer() {
    static const std::shared_ptr<const Gazetteer> gazetteer = std::make_shared<const Gazetteer>(Gazetteer::load_builtin());
    return gazetteer;
}

}  // namespace

OpenIndex open_index(const fs::path& path) {
    std::error_code error;
    if (!fs::exists(path, error)) throw FatalError("no index at " + path.string());
    if (::access(path.c_str(), R_OK) != 0) throw FatalError("cannot read the index " + path.string() + ": permission denied");
    const std::optional<fs::path> stub = stub_of(path);
    if (!stub && !fs::exists(path / "iamglass", error)) throw FatalError("no index at " + path.string());
    for (int attempt = 1;; ++attempt) {
        try {
            const std::string listed = stub ? read_text(*stub) : std::string();
            const bool remote = stub && check_stub(*stub, listed);
            Xapian::Database db(stub ? stub->string() : path.string());
            FacetColumns columns;
            if (!remote) columns = open_facet_columns(path, listed, db);
            // Stable only when, after every segment (and column) was opened, none has moved on
            // and the list is still the one read.
            const bool moved = db.reopen() || (stub && read_text(*stub) != listed);
            if (moved && attempt < max_attempts) continue;
            if (moved) columns = {};
            FacetDictionaries dictionaries;
            if (!remote) dictionaries = open_dictionaries(dictionary_directories(path, stub, listed));
            return {std::move(db), builtin_gazetteer(), remote, listed, std::move(dictionaries), std::move(columns)};
        } catch (const Xapian::DatabaseOpeningError& e) {
            // A writer's merge may remove segments between our reading the list and opening them.
            if (attempt < max_attempts) continue;
            throw FatalError("cannot open index " + path.string() + ": " + e.get_description());
        } catch (const Xapian::NetworkError& e) {
            throw FatalError("cannot reach a remote shard of " + path.string() + ": " + e.get_msg() +
                             (e.get_context().empty() ? "" : " (" + e.get_context() + ")") +
                             " - is xapian-tcpsrv running there?");
        } catch (const Xapian::Error& e) {
            throw FatalError("cannot open index " + path.string() + ": " + e.get_description());
        }
    }
}

void refresh_index(OpenIndex& index, const fs::path& path) {
    bool moved = true;
    try {
        const std::optional<fs::path> stub = stub_of(path);
        moved = (stub ? read_text(*stub) : std::string()) != index.listed || index.db.reopen();
    } catch (const Xapian::Error&) {
        // A segment gone or unreadable: opening anew says what is wrong, or finds the new list.
    }
    if (moved) index = open_index(path);
}

std::string remote_unsupported(const std::string& what) {
    return what + " is not available over remote shards (xapian-tcpsrv runs only Xapian's own match spies): "
                  "use an index or stub of local shards";
}

}  // namespace newsdex
