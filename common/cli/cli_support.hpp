#pragma once
/// What both programs' command lines share: the mapping of parse errors and exceptions to
/// the 0/1/2 exit-code contract, and the common flags.

#include <functional>
#include <string>

#include <CLI/CLI.hpp>

#include "common/errors.hpp"

namespace newsdex {

/// Parses `argv` with `app`, then runs `body` and returns its exit code. `--help` prints the
/// help and returns 0; a parse error, a UsageError or a FatalError prints one line
/// `PROGRAM: error: message` on stderr and returns 2; so does any other exception.
[[nodiscard]] int run_cli(CLI::App& app, int argc, char** argv, const std::function<ExitCode()>& body);

/// Whether colour may be used on a stream: it is a terminal and NO_COLOR is unset or empty.
[[nodiscard]] bool colour_allowed(int fd);

}  // namespace newsdex
