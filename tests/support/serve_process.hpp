#pragma once
/// A news-serve started for a test on a free port, and plain HTTP requests to it.

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "tests/support/run_tool.hpp"

namespace newsdex::test {

/// What the server answered.
struct HttpAnswer {
    int status = 0;            ///< HTTP status; 0 when no answer came
    std::string body;          ///< the body as sent
    std::string content_type;  ///< the Content-Type header
    std::string failure;       ///< why no answer came (status 0)
};

/// Query parameters in order, as a form would send them.
using Params = std::vector<std::pair<std::string, std::string>>;

/// `params` percent-encoded as a query string ("a=1&b=x%20y"), without the "?".
[[nodiscard]] std::string query_string(const Params& params);

/// news-serve on `db`, listening on a free port of 127.0.0.1 until destroyed (SIGTERM, then
/// SIGKILL if it lingers).
class ServeProcess {
public:
    /// Starts the server and waits (at most 30 s) until it says where it listens. Fails the
    /// test with the server's stderr when it does not.
    explicit ServeProcess(const std::filesystem::path& db, const std::vector<std::string>& extra_args = {});
    ~ServeProcess();
    ServeProcess(const ServeProcess&) = delete;
    ServeProcess& operator=(const ServeProcess&) = delete;

    /// The port it listens on.
    [[nodiscard]] int port() const { return m_port; }

    /// "http://127.0.0.1:PORT".
    [[nodiscard]] std::string base_url() const;

    /// GET `target` (a path with its query string, sent exactly as given).
    [[nodiscard]] HttpAnswer get(const std::string& target) const;

    /// GET `path`?`params`.
    [[nodiscard]] HttpAnswer get(const std::string& path, const Params& params) const;

    /// Stops it with SIGTERM and returns its exit code and outputs.
    ToolRun stop();

private:
    RunningTool m_tool;
    int m_port = 0;
};

}  // namespace newsdex::test
