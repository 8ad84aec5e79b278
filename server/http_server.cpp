#include "server/http_server.hpp"

#include <pthread.h>
#include <signal.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "searcher/open_index.hpp"
#include "searcher/render/render_json.hpp"
#include "server/api.hpp"
#include "server/web_assets.hpp"

namespace newsdex {
namespace {

constexpr const char* json_type = "application/json; charset=utf-8";
// The page loads only its own files and asks only its own server.
constexpr const char* page_policy =
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

// Lines on stderr from several workers, one at a time.
void log_line(const std::string& text) {
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    std::cerr << "news-serve: " << text << '\n';
}

QueryParams params_of(const httplib::Request& request) {
    QueryParams params;
    params.reserve(request.params.size());
    for (const auto& [name, value] : request.params) params.emplace_back(name, value);
    return params;
}

std::string status_message(int status) {
    switch (status) {
        case 404: return "not found";
        case 405: return "method not allowed";
        case 413: return "request too large";
        case 414: return "request line too long";
        default: return status < 500 ? "bad request" : "internal error";
    }
}

void route(const httplib::Request& request, httplib::Response& response, const ServeOptions& options,
           const WebAssets& assets) {
    constexpr std::string_view api = "/api/";
    const std::string_view path = request.path;
    if (path.starts_with(api)) {
        const auto start = std::chrono::steady_clock::now();
        ApiReply reply = answer_api(path.substr(api.size()), params_of(request), options.db);
        if (!reply.log.empty()) log_line(request.path + ": " + reply.log);
        // The server's whole time on the answer (the search's own is the JSON's took_ms): what
        // a browser's developer tools show, and how benchmarks/serve_overhead.py splits a round trip.
        const double took = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        char timing[48];
        std::snprintf(timing, sizeof timing, "answer;dur=%.3f", took);
        response.set_header("Server-Timing", timing);
        response.status = reply.status;
        response.set_content(std::move(reply.body), reply.content_type.c_str());
        return;
    }
    if (const WebAsset* asset = assets.find(path)) {
        response.set_header("Content-Security-Policy", page_policy);
        response.set_content(asset->body, asset->content_type.c_str());
        return;
    }
    response.status = 404;
    response.set_content(render_error_json("not found", ExitCode::error), json_type);
}

void configure(httplib::Server& server, const ServeOptions& options, const WebAssets& assets) {
    server.new_task_queue = [threads = options.threads] { return new httplib::ThreadPool(threads); };
    server.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                                {"Referrer-Policy", "no-referrer"},
                                {"Cache-Control", "no-store"}});
    // A GET carries no body; a client idle between requests gives its thread back soon.
    server.set_payload_max_length(1024);
    server.set_keep_alive_max_count(1000);
    server.set_keep_alive_timeout(2);
    server.set_read_timeout(5);
    server.set_write_timeout(5);
    server.set_tcp_nodelay(true);
    server.Get(".*", [&options, &assets](const httplib::Request& request, httplib::Response& response) {
        route(request, response, options, assets);
    });
    // Read-only: every other method is refused as such.
    const auto read_only = [](const httplib::Request&, httplib::Response& response) {
        response.status = 405;
        response.set_header("Allow", "GET, HEAD");
    };
    server.Post(".*", read_only).Put(".*", read_only).Patch(".*", read_only).Delete(".*", read_only);
    // httplib's own refusals (an unknown method, a request line too long) in the API's words.
    server.set_error_handler([](const httplib::Request&, httplib::Response& response) {
        if (!response.body.empty()) return;
        response.set_content(render_error_json(status_message(response.status), ExitCode::error), json_type);
    });
    // Never a stack trace or an exception's text to a client: it goes to stderr.
    server.set_exception_handler([](const httplib::Request& request, httplib::Response& response, std::exception_ptr error) {
        std::string what = "unknown exception";
        try {
            if (error) std::rethrow_exception(error);
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        log_line(request.path + ": " + what);
        response.status = 500;
        response.set_content(render_error_json("internal error", ExitCode::error), json_type);
    });
}

}  // namespace

ExitCode run_server(const ServeOptions& options) {
    (void)open_index(options.db);  // no index there: say so now, not at the first request
    const WebAssets assets = WebAssets::load();

    // SIGINT and SIGTERM are blocked in every thread and taken by one that stops the server.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    signal(SIGPIPE, SIG_IGN);  // a client that hangs up is its worker's business, not the process's

    httplib::Server server;
    configure(server, options, assets);
    int port = options.port;
    if (port == 0) {
        port = server.bind_to_any_port(options.host);
    } else if (!server.bind_to_port(options.host, port)) {
        port = -1;
    }
    if (port <= 0) {
        throw FatalError("cannot listen on " + options.host + ":" + std::to_string(options.port) +
                         " (the port is taken, or the address is not this machine's)");
    }
    std::thread waiter([&server, &stop_signals] {
        int signal_number = 0;
        sigwait(&stop_signals, &signal_number);
        server.stop();
    });
    const std::string name = options.db.filename().empty() ? options.db.parent_path().filename().string()
                                                           : options.db.filename().string();
    log_line("serving " + name + " at http://" + options.host + ":" + std::to_string(port) + "/ (" +
             std::to_string(options.threads) + " threads)");
    const bool listened = server.listen_after_bind();
    // Stopped by a signal, the waiter has returned; else it still waits: wake it.
    if (server.is_running() || !listened) pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    log_line("stopped");
    return ExitCode::ok;
}

}  // namespace newsdex
