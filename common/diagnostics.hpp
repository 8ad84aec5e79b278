#pragma once
/// A sink for per-record problems: prints `PROGRAM: FILE:LINE: message` lines and counts them.

#include <cstddef>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>

#include "common/article.hpp"

namespace newsdex {

/// Thread-safe: stages on several threads may report at once.
class Diagnostics {
public:
    /// Lines are written to `out` (stderr in the programs) prefixed with `program`.
    Diagnostics(std::string program, std::ostream& out);

    /// A record was rejected: prints `PROGRAM: FILE:LINE: message` and counts it.
    void reject(const Origin& where, std::string_view message);

    /// A record was kept but something was wrong: prints `PROGRAM: FILE:LINE: warning: message`.
    void warn(const Origin& where, std::string_view message);

    /// Number of reject() calls so far.
    [[nodiscard]] std::size_t rejected() const;

    /// Number of warn() calls so far.
    [[nodiscard]] std::size_t warnings() const;

    /// Formats an origin as `FILE:LINE`, or `FILE` when the line is 0.
    [[nodiscard]] static std::string location(const Origin& where);

private:
    void print(const Origin& where, std::string_view kind, std::string_view message);

    std::string m_program;
    std::ostream& m_out;
    mutable std::mutex m_mutex;
    std::size_t m_rejected = 0;
    std::size_t m_warnings = 0;
};

}  // namespace newsdex
