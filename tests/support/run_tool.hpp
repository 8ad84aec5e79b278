#pragma once
/// Runs a built binary with arguments and stdin, capturing stdout, stderr and the exit code.

#include <sys/types.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
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

/// A tool started by start_tool, running while the test goes on. Its stdout and stderr go to
/// unnamed temporary files, so it never blocks on a full pipe however long it runs.
class RunningTool {
public:
    /// Takes over a started process and the files holding its outputs.
    RunningTool(pid_t pid, std::FILE* out, std::FILE* err);
    RunningTool(RunningTool&& other) noexcept;
    RunningTool& operator=(RunningTool&&) = delete;
    RunningTool(const RunningTool&) = delete;
    RunningTool& operator=(const RunningTool&) = delete;
    /// Kills (SIGKILL) and reaps the process if it still runs, so no test leaves one behind.
    ~RunningTool();

    /// The process id.
    [[nodiscard]] pid_t pid() const { return m_pid; }

    /// Sends `signal` to the process (nothing once it has been reaped).
    void kill(int signal) const;

    /// True until the process has exited; reaps it when it has.
    [[nodiscard]] bool running();

    /// Waits for the process to exit, at most `timeout`; then kills it with SIGKILL (its exit
    /// code is then 128 + 9 and timed_out() is true). Returns its exit code and outputs.
    ToolRun wait(std::chrono::milliseconds timeout = std::chrono::hours(1));

    /// True when wait() had to kill the process.
    [[nodiscard]] bool timed_out() const { return m_timed_out; }

    /// The peak resident set size of the process in KiB, known once it has been reaped.
    [[nodiscard]] long peak_rss_kib() const { return m_peak_rss_kib; }

    /// What the process has written to stderr so far.
    [[nodiscard]] std::string err_so_far() const;

private:
    void reap(int status, long peak_rss_kib);

    pid_t m_pid = -1;
    std::FILE* m_out = nullptr;
    std::FILE* m_err = nullptr;
    bool m_reaped = false;
    bool m_timed_out = false;
    int m_status = 0;
    long m_peak_rss_kib = 0;
};

/// Starts `program` with `args`, stdin read from `stdin_file` (/dev/null when empty), and
/// returns at once. Throws std::runtime_error when the process cannot be started.
[[nodiscard]] RunningTool start_tool(const std::string& program, const std::vector<std::string>& args,
                                     const std::filesystem::path& stdin_file = {});

}  // namespace newsdex::test
