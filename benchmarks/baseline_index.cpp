// newsdex-baseline-index: the bare-Xapian indexer every newsdex throughput figure is divided by.
//
// The baseline is defined by the "Indexing throughput" issue and must stay that simple: read JSON
// Lines, run a default TermGenerator over title then body, add the id term Q<id> and the date as
// value 0, replace_document() by id term, commit every N documents and once at the end. No
// cleaning, no stemming, no stored data, no deduplication: whatever newsdex does beyond this is
// what the ratio measures.
#include <chrono>
#include <cstddef>
#include <fstream>
#include <iostream>
#include <istream>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

namespace newsdex {
namespace {

/// The baseline's settings, filled from the command line.
struct BaselineOptions {
    std::string db;                     ///< index directory (created when missing)
    std::string input = "-";            ///< JSON Lines file, or "-" for stdin
    std::size_t commit_every = 10'000;  ///< documents per commit
};

/// What one baseline run did.
struct BaselineResult {
    std::size_t articles = 0;  ///< documents written
    std::size_t rejected = 0;  ///< lines that were not a JSON object
    std::size_t bytes = 0;     ///< input bytes read
    double seconds = 0;        ///< wall time from opening the index to the final commit
};

// A field as text: strings as they are, numbers (dates as Unix seconds, numeric ids) as JSON prints
// them, anything else empty.
std::string field_text(const nlohmann::json& record, const char* key) {
    auto it = record.find(key);
    if (it == record.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number()) return it->dump();
    return {};
}

BaselineResult run_baseline(const BaselineOptions& options, std::istream& input) {
    const auto start = std::chrono::steady_clock::now();
    BaselineResult result;
    Xapian::WritableDatabase db(options.db, Xapian::DB_CREATE_OR_OPEN);
    Xapian::TermGenerator generator;  // defaults on purpose: no stemmer, positions on

    std::string line;
    std::size_t line_number = 0;
    while (std::getline(input, line)) {
        ++line_number;
        result.bytes += line.size() + (input.eof() ? 0 : 1);
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
        if (!record.is_object()) {
            std::cerr << "newsdex-baseline-index: " << options.input << ':' << line_number << ": not a JSON object\n";
            ++result.rejected;
            continue;
        }
        std::string id = field_text(record, "id");
        if (id.empty()) id = std::to_string(line_number);
        std::string body = field_text(record, "body");
        if (body.empty()) body = field_text(record, "text");

        Xapian::Document document;
        generator.set_document(document);
        generator.index_text(field_text(record, "title"));
        generator.index_text(body);
        const std::string id_term = "Q" + id;
        document.add_boolean_term(id_term);
        document.add_value(0, field_text(record, "date"));
        db.replace_document(id_term, document);

        if (++result.articles % options.commit_every == 0) db.commit();
    }
    if (input.bad()) throw std::runtime_error("cannot read " + options.input);
    // Committing explicitly (not relying on the destructor) makes the last batch's cost part of the
    // measured time and turns a failure into an error instead of silence.
    db.commit();
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

std::string render_result_json(const BaselineResult& result) {
    const double seconds = result.seconds > 0 ? result.seconds : 1e-9;
    nlohmann::ordered_json j = {
        {"articles", result.articles},
        {"rejected", result.rejected},
        {"bytes", result.bytes},
        {"seconds", result.seconds},
        {"docs_per_second", static_cast<double>(result.articles) / seconds},
        {"mb_per_second", static_cast<double>(result.bytes) / 1e6 / seconds},
    };
    return j.dump();
}

}  // namespace
}  // namespace newsdex

int main(int argc, char** argv) {
    using namespace newsdex;
    CLI::App app{"Index JSON Lines with bare Xapian (the newsdex throughput baseline).", "newsdex-baseline-index"};
    BaselineOptions options;
    app.add_option("--db", options.db, "Index directory (created when missing)")->required();
    app.add_option("--commit-every", options.commit_every, "Documents per commit")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{1}, std::size_t{100'000'000}));
    app.add_option("input", options.input, "JSON Lines file, or - for stdin")->capture_default_str();
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "newsdex-baseline-index: error: " << e.what() << '\n';
        return 2;
    }

    try {
        std::optional<std::ifstream> file;
        if (options.input == "-") {
            std::ios::sync_with_stdio(false);  // getline on a synchronised cin is several times slower
        } else {
            file.emplace(options.input, std::ios::binary);
            if (!*file) throw std::runtime_error("cannot open " + options.input);
        }
        BaselineResult result = run_baseline(options, file ? *file : std::cin);
        std::cout << render_result_json(result) << '\n';
        return result.rejected > 0 ? 1 : 0;
    } catch (const Xapian::Error& e) {
        std::cerr << "newsdex-baseline-index: error: " << e.get_description() << '\n';
    } catch (const std::exception& e) {
        std::cerr << "newsdex-baseline-index: error: " << e.what() << '\n';
    }
    return 2;
}
