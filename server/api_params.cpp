#include "server/api_params.hpp"

#include <algorithm>
#include <array>

#include <CLI/CLI.hpp>

#include "common/cli/cli_support.hpp"
#include "common/errors.hpp"
#include "searcher/cli.hpp"

namespace newsdex {
namespace {

enum class Kind { value, list, toggle };

// A query parameter and the news-search flag it stands for.
struct Param {
    std::string_view name;
    std::string_view flag;
    Kind kind;
};

// What narrows the matches down, for searches and exports alike.
constexpr std::array filter_params{
    Param{"from", "--from", Kind::value},
    Param{"to", "--to", Kind::value},
    Param{"month", "--month", Kind::value},
    Param{"actor", "--actor", Kind::list},
    Param{"country", "--country", Kind::list},
    Param{"source", "--source", Kind::list},
    Param{"lang", "--lang", Kind::value},
    // collapse=0 is --no-collapse; collapse=1 is the default.
    Param{"collapse", "--no-collapse", Kind::toggle},
};

// What a search takes besides the filters: the page, the order, the facets, the snippets.
constexpr std::array search_only_params{
    Param{"limit", "--limit", Kind::value},
    Param{"offset", "--offset", Kind::value},
    Param{"sort", "--sort", Kind::value},
    Param{"facet", "--facet", Kind::list},
    Param{"facet-limit", "--facet-limit", Kind::value},
    Param{"snippet-length", "--snippet-length", Kind::value},
    Param{"compare", "--compare", Kind::list},
    Param{"share", "--share", Kind::toggle},
    Param{"count", "--count", Kind::toggle},
};

// What an export takes besides the filters: how to write the records.
constexpr std::array export_only_params{
    Param{"format", "--format", Kind::value},
    Param{"body", "--body", Kind::toggle},
};

bool takes_search_params(Endpoint endpoint) { return endpoint == Endpoint::search || endpoint == Endpoint::similar; }

bool takes_query(Endpoint endpoint) { return takes_search_params(endpoint) || endpoint == Endpoint::export_matches; }

// The value parameters `endpoint` takes besides q and id.
std::vector<Param> params_of(Endpoint endpoint) {
    std::vector<Param> params;
    if (takes_search_params(endpoint)) params.assign(search_only_params.begin(), search_only_params.end());
    if (endpoint == Endpoint::export_matches) params.assign(export_only_params.begin(), export_only_params.end());
    if (takes_query(endpoint)) params.insert(params.end(), filter_params.begin(), filter_params.end());
    return params;
}

std::string_view id_flag(Endpoint endpoint) {
    switch (endpoint) {
        case Endpoint::similar: return "--similar";
        case Endpoint::show: return "--show";
        case Endpoint::cluster: return "--cluster";
        default: return {};
    }
}

bool switch_value(const std::string& name, const std::string& value) {
    if (value.empty() || value == "1" || value == "true" || value == "yes" || value == "on") return true;
    if (value == "0" || value == "false" || value == "no" || value == "off") return false;
    throw UsageError(name + ": wants 1 or 0 (true or false), not \"" + value + "\"");
}

std::string allowed_names(Endpoint endpoint) {
    std::string names = takes_query(endpoint) ? "q" : "";
    if (!id_flag(endpoint).empty()) names += names.empty() ? "id" : ", id";
    for (const Param& param : params_of(endpoint)) names.append(", ").append(param.name);
    return names.empty() ? "none" : names;
}

// The news-search arguments (without the program name) that `params` stand for.
std::vector<std::string> arguments(Endpoint endpoint, const QueryParams& params, const std::filesystem::path& db) {
    std::vector<std::string> args{"--db=" + db.string()};
    // An export is its own format; everything else is news-search's JSON.
    if (endpoint != Endpoint::export_matches) args.emplace_back("--json");
    if (endpoint == Endpoint::info) args.emplace_back("--info");
    std::vector<std::string> seen;
    std::optional<std::string> query;
    for (const auto& [name, value] : params) {
        const bool repeated = std::find(seen.begin(), seen.end(), name) != seen.end();
        seen.push_back(name);
        if (takes_query(endpoint) && name == "q") {
            if (repeated) throw UsageError("q: given more than once");
            query = value;
            continue;
        }
        if (!id_flag(endpoint).empty() && name == "id") {
            if (repeated) throw UsageError("id: given more than once");
            args.push_back(std::string(id_flag(endpoint)) + "=" + value);
            continue;
        }
        std::optional<Param> param;
        for (const Param& candidate : params_of(endpoint)) {
            if (candidate.name == name) param = candidate;
        }
        if (!param) throw UsageError("unknown parameter \"" + name + "\" (this endpoint takes: " + allowed_names(endpoint) + ")");
        if (repeated && param->kind != Kind::list) throw UsageError(name + ": given more than once");
        if (param->kind == Kind::toggle) {
            // collapse=1 asks for the default; collapse=0 turns it off.
            const bool on = switch_value(name, value);
            if (param->flag == "--no-collapse" ? !on : on) args.emplace_back(param->flag);
            continue;
        }
        // A blank form field is no filter.
        if (value.empty()) continue;
        args.push_back(std::string(param->flag) + "=" + value);
    }
    if (endpoint == Endpoint::export_matches && std::find(seen.begin(), seen.end(), "format") == seen.end()) {
        throw UsageError("format: csv or jsonl is missing (/api/export?format=csv&q=...)");
    }
    if (endpoint == Endpoint::similar && std::find(seen.begin(), seen.end(), "id") == seen.end()) {
        throw UsageError("id: the article to find similar ones to is missing (/api/similar?id=ID)");
    }
    if ((endpoint == Endpoint::show || endpoint == Endpoint::cluster) &&
        std::find(seen.begin(), seen.end(), "id") == seen.end()) {
        throw UsageError("id: the article id is missing");
    }
    if (query) {
        args.emplace_back("--");
        args.push_back(*query);
    }
    return args;
}

}  // namespace

std::optional<Endpoint> endpoint_named(std::string_view name) {
    if (name == "search") return Endpoint::search;
    if (name == "similar") return Endpoint::similar;
    if (name == "show") return Endpoint::show;
    if (name == "cluster") return Endpoint::cluster;
    if (name == "info") return Endpoint::info;
    if (name == "export") return Endpoint::export_matches;
    return std::nullopt;
}

SearchOptions options_from_params(Endpoint endpoint, const QueryParams& params, const std::filesystem::path& db) {
    if (params.size() > api_max_params) {
        throw UsageError(std::to_string(params.size()) + " parameters; at most " + std::to_string(api_max_params) +
                         " are served");
    }
    const std::vector<std::string> args = arguments(endpoint, params, db);
    SearchOptions options;
    CLI::App app{"", "news-search"};
    add_search_flags(app, options);
    // The flags' own checks first (the same messages as news-search), then the server's bounds.
    app.get_option("--limit")->check(whole_number(0, api_max_limit));
    app.get_option("--offset")->check(whole_number(0, api_max_offset));
    app.get_option("--facet-limit")->check(whole_number(1, api_max_facet_limit));
    try {
        // CLI11 reads a vector of arguments from its end.
        std::vector<std::string> reversed(args.rbegin(), args.rend());
        app.parse(reversed);
    } catch (const CLI::ParseError& e) {
        throw UsageError(e.what());
    }
    return options;
}

}  // namespace newsdex
