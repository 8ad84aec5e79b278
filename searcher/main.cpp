// news-search: ranked results, snippets and facets from a newsdex index.
#include <iostream>

#include <unistd.h>

#include "common/cli/cli_support.hpp"
#include "searcher/cli.hpp"
#include "searcher/export_request.hpp"
#include "searcher/request.hpp"

int main(int argc, char** argv) {
    using namespace newsdex;
    CLI::App app{"Search a newsdex index.", "news-search"};
    SearchOptions options;
    add_search_flags(app, options);

    // Query words may begin with '-' ("opec -saudi"): they are handed to CLI11 after a "--".
    const std::vector<std::string> args = positionals_last(app, argc, argv);
    return run_cli(app, args, has_flag(args, "--json"), [&] {
        if (!options.format.empty()) {
            return answer_export(options, std::cout, options.progress && isatty(STDERR_FILENO) ? &std::cerr : nullptr);
        }
        const bool colour = options.color == "always" || (options.color == "auto" && colour_allowed(STDOUT_FILENO));
        Response response = answer_request(options, colour);
        std::cout << response.out << std::flush;
        std::cerr << response.err;
        return response.code;
    });
}
