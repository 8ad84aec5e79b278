// news-serve: a newsdex index over HTTP, as a page and as news-search's JSON.
#include "common/cli/cli_support.hpp"
#include "server/http_server.hpp"

int main(int argc, char** argv) {
    using namespace newsdex;
    CLI::App app{"Serve a newsdex index over HTTP (read-only): a search page at / and a JSON API at /api/.",
                 "news-serve"};
    ServeOptions options;
    app.add_option("--db", options.db, "Index directory")->required();
    app.add_option("--host", options.host, "Address to listen on (0.0.0.0: every network; think first)")
        ->capture_default_str();
    app.add_option("--port", options.port, "TCP port (0: any free one, printed on stderr)")
        ->capture_default_str()
        ->check(whole_number(0, 65535));
    app.add_option("--threads", options.threads, "Worker threads (connections served at once)")
        ->capture_default_str()
        ->check(whole_number(1, 1024));
    add_version_flag(app);
    return run_cli(app, argc, argv, [&] { return run_server(options); });
}
