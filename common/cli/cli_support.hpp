#pragma once
/// What both programs' command lines share: the mapping of parse errors and exceptions to
/// the 0/1/2 exit-code contract, and the common flags.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "common/errors.hpp"

namespace newsdex {

/// Parses `argv` with `app`, then runs `body` and returns its exit code. `--help` prints the
/// help and returns 0; a parse error, a UsageError or a FatalError prints one line
/// `PROGRAM: error: message` on stderr and returns 2; so does any other exception.
[[nodiscard]] int run_cli(CLI::App& app, int argc, char** argv, const std::function<ExitCode()>& body);

/// run_cli() over `args` (the arguments without the program name). With `json`, a failure
/// is also printed on stdout as one JSON object, `{"error": "message", "exit": 2}`, and
/// `--version` as `{"program": …, "version": …}`.
[[nodiscard]] int run_cli(CLI::App& app, const std::vector<std::string>& args, bool json,
                          const std::function<ExitCode()>& body);

/// The arguments of `argv` (without the program name) in the order CLI11 should read them:
/// the options with their values first, then `--` and every positional word in the order
/// given. A word that begins with `-` but names no option of `app` ("-saudi", "-1") is
/// positional, so a query can exclude words as users type them. A value given after its option
/// (`--limit -1`) stays with it. With an unknown `--word`, the arguments as given, for CLI11
/// to reject it by name.
[[nodiscard]] std::vector<std::string> positionals_last(const CLI::App& app, int argc, char** argv);

/// Whether `args` holds the flag `flag` before any `--`.
[[nodiscard]] bool has_flag(const std::vector<std::string>& args, std::string_view flag);

/// Adds `--version`, which prints the program's name and newsdex's version and exits 0.
void add_version_flag(CLI::App& app);

/// A CLI11 check that a value is a whole number from `least` to `most`, failing with "wants
/// a whole number from LEAST to MOST, not "VALUE"" (CLI11 puts the flag's name before it).
[[nodiscard]] CLI::Validator whole_number(long long least, long long most);

/// Whether colour may be used on a stream: it is a terminal and NO_COLOR is unset or empty.
[[nodiscard]] bool colour_allowed(int fd);

}  // namespace newsdex
