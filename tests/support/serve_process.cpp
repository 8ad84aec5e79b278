#include "tests/support/serve_process.hpp"

#include <signal.h>

#include <cctype>
#include <chrono>
#include <regex>
#include <thread>

#include <catch2/catch.hpp>
#include <httplib.h>

namespace newsdex::test {

std::string query_string(const Params& params) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string text;
    for (const auto& [name, value] : params) {
        if (!text.empty()) text += '&';
        for (const std::string* part : {&name, &value}) {
            for (unsigned char c : *part) {
                if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
                    text += static_cast<char>(c);
                } else {
                    text += '%';
                    text += hex[c >> 4];
                    text += hex[c & 15];
                }
            }
            if (part == &name) text += '=';
        }
    }
    return text;
}

ServeProcess::ServeProcess(const std::filesystem::path& db, const std::vector<std::string>& extra_args)
    : m_tool([&] {
          std::vector<std::string> args{"--db", db.string(), "--port", "0"};
          args.insert(args.end(), extra_args.begin(), extra_args.end());
          return start_tool(tool("news-serve"), args);
      }()) {
    const std::regex listening(R"(at http://127\.0\.0\.1:([0-9]+)/)");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    std::smatch match;
    std::string err;
    while (std::chrono::steady_clock::now() < deadline && m_tool.running()) {
        err = m_tool.err_so_far();
        if (std::regex_search(err, match, listening)) {
            m_port = std::stoi(match[1]);
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    INFO("news-serve's stderr: " << m_tool.err_so_far());
    FAIL("news-serve did not start listening");
}

ServeProcess::~ServeProcess() {
    if (m_tool.running()) (void)stop();
}

std::string ServeProcess::base_url() const { return "http://127.0.0.1:" + std::to_string(m_port); }

HttpAnswer ServeProcess::get(const std::string& target) const {
    httplib::Client client("127.0.0.1", m_port);
    client.set_read_timeout(60);
    httplib::Result result = client.Get(target.c_str());
    if (!result) return {0, {}, {}, httplib::to_string(result.error())};
    return {result->status, result->body, result->get_header_value("Content-Type"), {}};
}

HttpAnswer ServeProcess::get(const std::string& path, const Params& params) const {
    return get(params.empty() ? path : path + "?" + query_string(params));
}

ToolRun ServeProcess::stop() {
    m_tool.kill(SIGTERM);
    return m_tool.wait(std::chrono::seconds(20));
}

}  // namespace newsdex::test
