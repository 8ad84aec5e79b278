#include "tests/support/run_tool.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>
#include <thread>

#ifndef NEWSDEX_TOOL_DIR
#error "NEWSDEX_TOOL_DIR must be defined by the build"
#endif

namespace newsdex::test {

std::string tool(const std::string& name) { return std::string(NEWSDEX_TOOL_DIR) + "/" + name; }

ToolRun run_tool(const std::string& program, const std::vector<std::string>& args, const std::string& input) {
    int in_pipe[2], out_pipe[2], err_pipe[2];
    if (pipe(in_pipe) != 0 || pipe(out_pipe) != 0 || pipe(err_pipe) != 0) throw std::runtime_error("pipe failed");

    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str()));
    for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);

    pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        dup2(in_pipe[0], 0);
        dup2(out_pipe[1], 1);
        dup2(err_pipe[1], 2);
        for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) close(fd);
        execv(program.c_str(), argv.data());
        _exit(127);
    }
    close(in_pipe[0]);
    close(out_pipe[1]);
    close(err_pipe[1]);

    // Feed stdin and drain both outputs together so that no pipe fills up and blocks the child.
    signal(SIGPIPE, SIG_IGN);
    ToolRun run;
    std::size_t written = 0;
    int in_fd = in_pipe[1];
    if (input.empty()) {
        close(in_fd);
        in_fd = -1;
    } else {
        fcntl(in_fd, F_SETFL, O_NONBLOCK);
    }
    bool out_open = true, err_open = true;
    char buffer[65536];
    while (out_open || err_open) {
        pollfd fds[3] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}, {in_fd, POLLOUT, 0}};
        if (!out_open) fds[0].fd = -1;
        if (!err_open) fds[1].fd = -1;
        if (poll(fds, 3, -1) < 0) break;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
                ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
                if (n <= 0) {
                    (i == 0 ? out_open : err_open) = false;
                } else {
                    (i == 0 ? run.out : run.err).append(buffer, static_cast<std::size_t>(n));
                }
            }
        }
        if (in_fd >= 0 && (fds[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
            ssize_t n = write(in_fd, input.data() + written, input.size() - written);
            if (n > 0) written += static_cast<std::size_t>(n);
            if (n < 0 || written == input.size()) {
                close(in_fd);
                in_fd = -1;
            }
        }
    }
    if (in_fd >= 0) close(in_fd);
    close(out_pipe[0]);
    close(err_pipe[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return run;
}

}  // namespace newsdex::test

// ---- start_tool / RunningTool -------------------------------------------------------------

namespace newsdex::test {
namespace {

std::string read_all(std::FILE* file) {
    std::string text;
    if (file == nullptr) return text;
    std::fflush(file);
    int fd = fileno(file);
    char buffer[65536];
    for (off_t offset = 0;;) {
        ssize_t n = pread(fd, buffer, sizeof buffer, offset);
        if (n <= 0) break;
        text.append(buffer, static_cast<std::size_t>(n));
        offset += n;
    }
    return text;
}

}  // namespace

RunningTool::RunningTool(pid_t pid, std::FILE* out, std::FILE* err) : m_pid(pid), m_out(out), m_err(err) {}

RunningTool::RunningTool(RunningTool&& other) noexcept
    : m_pid(other.m_pid),
      m_out(other.m_out),
      m_err(other.m_err),
      m_reaped(other.m_reaped),
      m_timed_out(other.m_timed_out),
      m_status(other.m_status),
      m_peak_rss_kib(other.m_peak_rss_kib) {
    other.m_pid = -1;
    other.m_out = other.m_err = nullptr;
}

RunningTool::~RunningTool() {
    if (m_pid > 0 && !m_reaped) {
        ::kill(m_pid, SIGKILL);
        int status = 0;
        waitpid(m_pid, &status, 0);
    }
    if (m_out) std::fclose(m_out);
    if (m_err) std::fclose(m_err);
}

void RunningTool::kill(int signal) const {
    if (m_pid > 0 && !m_reaped) ::kill(m_pid, signal);
}

void RunningTool::reap(int status, long peak_rss_kib) {
    m_reaped = true;
    m_status = status;
    m_peak_rss_kib = peak_rss_kib;
}

bool RunningTool::running() {
    if (m_reaped) return false;
    int status = 0;
    rusage usage{};
    if (wait4(m_pid, &status, WNOHANG, &usage) == m_pid) {
        reap(status, usage.ru_maxrss);
        return false;
    }
    return true;
}

ToolRun RunningTool::wait(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (running()) {
        if (std::chrono::steady_clock::now() >= deadline) {
            m_timed_out = true;
            ::kill(m_pid, SIGKILL);
            int status = 0;
            rusage usage{};
            wait4(m_pid, &status, 0, &usage);
            reap(status, usage.ru_maxrss);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ToolRun run;
    run.exit_code = WIFEXITED(m_status) ? WEXITSTATUS(m_status) : 128 + WTERMSIG(m_status);
    run.out = read_all(m_out);
    run.err = read_all(m_err);
    return run;
}

std::string RunningTool::err_so_far() const { return read_all(m_err); }

RunningTool start_tool(const std::string& program, const std::vector<std::string>& args,
                       const std::filesystem::path& stdin_file) {
    std::FILE* out = std::tmpfile();
    std::FILE* err = std::tmpfile();
    const std::string input = stdin_file.empty() ? std::string("/dev/null") : stdin_file.string();
    int in_fd = open(input.c_str(), O_RDONLY | O_CLOEXEC);
    if (out == nullptr || err == nullptr || in_fd < 0) {
        if (out) std::fclose(out);
        if (err) std::fclose(err);
        if (in_fd >= 0) close(in_fd);
        throw std::runtime_error("cannot set up the outputs of " + program);
    }
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str()));
    for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);

    pid_t pid = fork();
    if (pid < 0) {
        std::fclose(out);
        std::fclose(err);
        close(in_fd);
        throw std::runtime_error("fork failed");
    }
    if (pid == 0) {
        dup2(in_fd, 0);
        dup2(fileno(out), 1);
        dup2(fileno(err), 2);
        execv(program.c_str(), argv.data());
        _exit(127);
    }
    close(in_fd);
    return RunningTool(pid, out, err);
}

}  // namespace newsdex::test
