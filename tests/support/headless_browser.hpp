#pragma once
/// A headless Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe:
/// JSON messages ended by a NUL byte on file descriptors 3 and 4), for tests of the page.

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/support/temp_dir.hpp"

namespace newsdex::test {

/// One browser with one tab.
class HeadlessBrowser {
public:
    /// The Chromium program of this machine (chromium, chromium-browser, google-chrome on the
    /// PATH), if any.
    [[nodiscard]] static std::optional<std::string> find();

    /// Starts `program` headless with a 1280×900 window and opens a blank tab. Throws
    /// std::runtime_error when it cannot be started or does not answer.
    explicit HeadlessBrowser(const std::string& program);
    /// Closes the browser (SIGKILL if it lingers) and reaps it.
    ~HeadlessBrowser();
    HeadlessBrowser(const HeadlessBrowser&) = delete;
    HeadlessBrowser& operator=(const HeadlessBrowser&) = delete;

    /// Sends one command to the tab (or to the browser with `browser_level`) and returns its
    /// result. Throws std::runtime_error on a protocol error or after 30 s without an answer.
    nlohmann::json call(const std::string& method, const nlohmann::json& params = nlohmann::json::object(),
                        bool browser_level = false);

    /// Loads `url` in the tab.
    void navigate(const std::string& url);

    /// The value of the JavaScript `expression` (awaited when a promise).
    nlohmann::json evaluate(const std::string& expression);

    /// Evaluates `expression` until it is true, at most `timeout`; returns whether it became true.
    bool wait_for(const std::string& expression, std::chrono::milliseconds timeout = std::chrono::seconds(15));

    /// Presses and releases one key: `key` as the DOM names it ("Enter", "/", "Escape").
    void press(const std::string& key);

    /// Types `text` into the focused element.
    void type(const std::string& text);

    /// Scrolls the first element matching the CSS `selector` into view and clicks its middle
    /// with the mouse. Throws std::runtime_error when nothing matches.
    void click(const std::string& selector);

    /// The tab as a PNG image.
    [[nodiscard]] std::string screenshot_png();

private:
    void send(const nlohmann::json& message);
    nlohmann::json receive(std::chrono::steady_clock::time_point deadline);

    TempDir m_profile;
    pid_t m_pid = -1;
    int m_to_browser = -1;
    int m_from_browser = -1;
    std::string m_buffer;
    int m_next_id = 1;
    std::string m_session;
};

/// Decodes standard base64 (the protocol's encoding of binary results).
[[nodiscard]] std::string decode_base64(const std::string& text);

}  // namespace newsdex::test
