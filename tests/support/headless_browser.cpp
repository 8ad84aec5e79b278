#include "tests/support/headless_browser.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>
#include <thread>
#include <vector>

namespace newsdex::test {
namespace {

using nlohmann::json;

}  // namespace

std::optional<std::string> HeadlessBrowser::find() {
    const char* path = std::getenv("PATH");
    std::string folders = path ? path : "/usr/bin:/bin";
    for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
        std::size_t start = 0;
        while (start <= folders.size()) {
            std::size_t end = folders.find(':', start);
            if (end == std::string::npos) end = folders.size();
            const std::filesystem::path candidate = std::filesystem::path(folders.substr(start, end - start)) / name;
            if (!candidate.parent_path().empty() && ::access(candidate.c_str(), X_OK) == 0) return candidate.string();
            start = end + 1;
        }
    }
    return std::nullopt;
}

HeadlessBrowser::HeadlessBrowser(const std::string& program) {
    // A browser that dies must fail the test, not end the test process at the next write.
    signal(SIGPIPE, SIG_IGN);
    int to_browser[2], from_browser[2];
    if (pipe(to_browser) != 0 || pipe(from_browser) != 0) throw std::runtime_error("pipe failed");
    const std::vector<std::string> args{program, "--headless", "--remote-debugging-pipe", "--no-sandbox",
                                        "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                                        "--no-default-browser-check", "--disable-extensions", "--mute-audio",
                                        "--hide-scrollbars", "--window-size=1280,900",
                                        "--user-data-dir=" + m_profile.path().string(), "about:blank"};
    std::vector<char*> argv;
    for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    m_pid = fork();
    if (m_pid < 0) throw std::runtime_error("fork failed");
    if (m_pid == 0) {
        // The browser reads commands on 3 and writes answers on 4.
        const int in = dup(to_browser[0]), out = dup(from_browser[1]);
        dup2(in, 3);
        dup2(out, 4);
        const int null = open("/dev/null", O_RDWR);
        dup2(null, 0);
        dup2(null, 1);
        dup2(null, 2);
        for (int fd = 5; fd < 1024; ++fd) close(fd);
        execv(program.c_str(), argv.data());
        _exit(127);
    }
    close(to_browser[0]);
    close(from_browser[1]);
    m_to_browser = to_browser[1];
    m_from_browser = from_browser[0];
    const json target = call("Target.createTarget", {{"url", "about:blank"}}, true);
    const json attached = call("Target.attachToTarget", {{"targetId", target["targetId"]}, {"flatten", true}}, true);
    m_session = attached["sessionId"];
    call("Page.enable");
    call("Runtime.enable");
}

HeadlessBrowser::~HeadlessBrowser() {
    if (m_pid > 0) {
        try {
            send({{"id", m_next_id++}, {"method", "Browser.close"}});
        } catch (...) {
        }
        for (int i = 0; i < 50; ++i) {
            if (waitpid(m_pid, nullptr, WNOHANG) == m_pid) {
                m_pid = -1;
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            waitpid(m_pid, nullptr, 0);
        }
    }
    if (m_to_browser >= 0) close(m_to_browser);
    if (m_from_browser >= 0) close(m_from_browser);
}

void HeadlessBrowser::send(const json& message) {
    std::string text = message.dump();
    text.push_back('\0');
    std::size_t sent = 0;
    while (sent < text.size()) {
        const ssize_t n = write(m_to_browser, text.data() + sent, text.size() - sent);
        if (n <= 0) throw std::runtime_error("the browser closed its pipe");
        sent += static_cast<std::size_t>(n);
    }
}

json HeadlessBrowser::receive(std::chrono::steady_clock::time_point deadline) {
    for (;;) {
        const std::size_t end = m_buffer.find('\0');
        if (end != std::string::npos) {
            json message = json::parse(m_buffer.substr(0, end));
            m_buffer.erase(0, end + 1);
            return message;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) throw std::runtime_error("the browser did not answer in time");
        pollfd wait{m_from_browser, POLLIN, 0};
        if (poll(&wait, 1, static_cast<int>(left.count())) <= 0) continue;
        char chunk[65536];
        const ssize_t n = read(m_from_browser, chunk, sizeof chunk);
        if (n <= 0) throw std::runtime_error("the browser closed its pipe");
        m_buffer.append(chunk, static_cast<std::size_t>(n));
    }
}

json HeadlessBrowser::call(const std::string& method, const json& params, bool browser_level) {
    const int id = m_next_id++;
    json message = {{"id", id}, {"method", method}, {"params", params}};
    if (!browser_level) message["sessionId"] = m_session;
    send(message);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    for (;;) {
        json answer = receive(deadline);
        if (!answer.contains("id") || answer["id"] != id) continue;  // an event, or another answer
        if (answer.contains("error")) throw std::runtime_error(method + ": " + answer["error"].dump());
        return answer["result"];
    }
}

void HeadlessBrowser::navigate(const std::string& url) { call("Page.navigate", {{"url", url}}); }

json HeadlessBrowser::evaluate(const std::string& expression) {
    const json result = call("Runtime.evaluate", {{"expression", expression}, {"returnByValue", true}, {"awaitPromise", true}});
    if (result.contains("exceptionDetails")) throw std::runtime_error("JavaScript: " + result["exceptionDetails"].dump());
    return result["result"].value("value", json());
}

bool HeadlessBrowser::wait_for(const std::string& expression, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        const json value = evaluate(expression);
        if (value.is_boolean() && value.get<bool>()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

void HeadlessBrowser::press(const std::string& key) {
    json down = {{"type", "keyDown"}, {"key", key}};
    if (key == "Enter") {
        down["code"] = "Enter";
        down["windowsVirtualKeyCode"] = 13;
        down["text"] = "\r";
    } else if (key == "Escape") {
        down["code"] = "Escape";
        down["windowsVirtualKeyCode"] = 27;
    } else {
        down["text"] = key;
    }
    call("Input.dispatchKeyEvent", down);
    call("Input.dispatchKeyEvent", {{"type", "keyUp"}, {"key", key}});
}

void HeadlessBrowser::type(const std::string& text) { call("Input.insertText", {{"text", text}}); }

void HeadlessBrowser::click(const std::string& selector) {
    const json point = evaluate("(() => { const e = document.querySelector(" + json(selector).dump() +
                                "); if (!e) return null; e.scrollIntoView({block: 'center'});"
                                " const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()");
    if (!point.is_array()) throw std::runtime_error("nothing matches " + selector);
    for (const char* type : {"mouseMoved", "mousePressed", "mouseReleased"}) {
        call("Input.dispatchMouseEvent",
             {{"type", type}, {"x", point[0]}, {"y", point[1]}, {"button", "left"}, {"clickCount", 1}});
    }
}

std::string HeadlessBrowser::screenshot_png() {
    return decode_base64(call("Page.captureScreenshot", {{"format", "png"}})["data"]);
}

std::string decode_base64(const std::string& text) {
    auto value = [](char c) -> int {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '+') return 62;
        if (c == '/') return 63;
        return -1;
    };
    std::string bytes;
    unsigned bits = 0;
    int count = 0;
    for (char c : text) {
        const int v = value(c);
        if (v < 0) continue;  // padding, line breaks
        bits = (bits << 6) | static_cast<unsigned>(v);
        count += 6;
        if (count >= 8) {
            count -= 8;
            bytes.push_back(static_cast<char>((bits >> count) & 0xFF));
        }
    }
    return bytes;
}

}  // namespace newsdex::test
