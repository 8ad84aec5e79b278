// news-search: ranked results, snippets and facets from a newsdex index.
#include <iostream>

#include <unistd.h>

#include <xapian.h>

#include "common/cli/cli_support.hpp"
#include "searcher/article_lookup.hpp"
#include "searcher/cli.hpp"
#include "searcher/index_info.hpp"
#include "searcher/render_json.hpp"
#include "searcher/render_text.hpp"
#include "searcher/search.hpp"

int main(int argc, char** argv) {
    using namespace newsdex;
    CLI::App app{"Search a newsdex index.", "news-search"};
    SearchOptions options;
    add_search_flags(app, options);

    return run_cli(app, argc, argv, [&] {
        const bool colour = options.color == "always" || (options.color == "auto" && colour_allowed(STDOUT_FILENO));
        OpenIndex index = open_index(options.db);

        if (options.info) {
            IndexInfo info = read_index_info(index.db, options.db);
            std::cout << (options.json ? render_info_json(info) : render_info_text(info));
            return ExitCode::ok;
        }

        if (options.show || options.cluster) {
            const std::string& id = options.show ? *options.show : *options.cluster;
            if (options.show) {
                auto found = find_article(index.db, id);
                if (!found) {
                    std::cerr << "news-search: no article with id \"" << id << "\"\n";
                    return ExitCode::partial;
                }
                std::cout << (options.json ? render_article_json(*found) : render_article_text(*found, colour));
                return ExitCode::ok;
            }
            auto members = cluster_members(index.db, id);
            if (members.empty()) {
                std::cerr << "news-search: no article with id \"" << id << "\"\n";
                return ExitCode::partial;
            }
            std::cout << (options.json ? render_cluster_json(id, members) : render_cluster_text(members));
            return ExitCode::ok;
        }

        if (options.similar && !find_article(index.db, *options.similar)) {
            std::cerr << "news-search: no article with id \"" << *options.similar << "\"\n";
            return ExitCode::partial;
        }
        if (options.count_only) options.limit = 0;
        SearchResult result;
        for (int attempt = 1;; ++attempt) {
            try {
                result = run_search(index, options);
                break;
            } catch (const Xapian::DatabaseModifiedError&) {
                // A writer's checkpoint replaced the revision being read: read the new one.
                if (attempt == 5) throw;
                index = open_index(options.db);
            }
        }
        if (options.count_only) {
            std::cout << result.total << '\n';
        } else if (options.json) {
            std::cout << render_search_json(result);
        } else {
            // Results on stdout; the summary (and any "Did you mean") on stderr, after them.
            std::cout << render_search_text(result, colour) << std::flush;
            std::cerr << render_search_summary(result);
        }
        return result.total > 0 ? ExitCode::ok : ExitCode::partial;
    });
}
