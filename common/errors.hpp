#pragma once
/// The failure vocabulary both programs share.

#include <stdexcept>
#include <string>

namespace newsdex {

/// Process exit codes, the same for both programs (like grep).
enum class ExitCode : int {
    ok = 0,       ///< everything indexed / something matched
    partial = 1,  ///< some records rejected / nothing matched
    error = 2,    ///< usage error or fatal error
    stopped = 3,  ///< news-index stopped early by a signal; what it read is indexed
};

/// A bad flag, argument or query: the user can fix it. Maps to ExitCode::error.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The run cannot go on (index cannot be opened, disk full, ...). Maps to ExitCode::error.
class FatalError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace newsdex
