#pragma once
/// Runs a built binary with arguments and stdin, capturing stdout, stderr and the exit code.

#include <string>
#include <vector>

namespace newsdex::test {

/// What a finished process left behind.
struct ToolRun {
    int exit_code = -1;  ///< the exit status, or 128 + signal when killed
    std::string out;     ///< everything written to stdout
    std::string err;     ///< everything written to stderr
};

/// The path of a built tool (`news-index`, `news-search`), from the build.
[[nodiscard]] std::string tool(const std::string& name);

/// Runs `program` with `args`, feeding `input` on stdin; waits for it. Throws
/// std::runtime_error when the process cannot be started.
[[nodiscard]] ToolRun run_tool(const std::string& program, const std::vector<std::string>& args,
                               const std::string& input = {});

}  // namespace newsdex::test
