#pragma once
/// Sets an environment variable for one scope (and for the tools a test starts meanwhile).

#include <cstdlib>
#include <optional>
#include <string>

namespace newsdex::test {

/// Sets `name` to `value` until destroyed, then restores the old value (or unsets it).
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::string& value) : m_name(name) {
        if (const char* old = std::getenv(name)) m_old = old;
        ::setenv(name, value.c_str(), 1);
    }
    ~ScopedEnv() {
        if (m_old) ::setenv(m_name, m_old->c_str(), 1);
        else ::unsetenv(m_name);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

/// ASAN_OPTIONS as they are, with `option` ("name=value") added: for a ScopedEnv around the
/// tools a test starts. Builds without AddressSanitizer ignore the variable.
inline std::string with_asan_option(const std::string& option) {
    const char* old = std::getenv("ASAN_OPTIONS");
    return (old && *old ? std::string(old) + ":" : std::string()) + option;
}

}  // namespace newsdex::test
