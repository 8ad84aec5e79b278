#include "common/cli/cli_support.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <iostream>

#include <unistd.h>

#include <nlohmann/json.hpp>
#include <xapian.h>

namespace newsdex {

namespace {

// Reports a failure: one line on stderr and, for --json, one object on stdout.
int fail(const std::string& program, const std::string& message, const std::string& hint, bool json) {
    std::cerr << program << ": error: " << message << hint << '\n';
    if (json) {
        nlohmann::json error = {{"error", message}, {"exit", static_cast<int>(ExitCode::error)}};
        std::cout << error.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
    return static_cast<int>(ExitCode::error);
}

int run(CLI::App& app, const std::function<void()>& parse, bool json, const std::function<ExitCode()>& body) {
    const std::string program = app.get_name();
    try {
        parse();
    } catch (const CLI::CallForHelp&) {
        std::cout << app.help();
        return 0;
    } catch (const CLI::CallForVersion&) {
        if (json) {
            std::cout << nlohmann::json{{"program", program}, {"version", NEWSDEX_VERSION}}.dump() << '\n';
        } else {
            std::cout << app.version() << '\n';
        }
        return 0;
    } catch (const CLI::ParseError& e) {
        return fail(program, e.what(), " (see --help)", json);
    }
    try {
        return static_cast<int>(body());
    } catch (const UsageError& e) {
        return fail(program, e.what(), "", json);
    } catch (const FatalError& e) {
        return fail(program, e.what(), "", json);
    } catch (const std::bad_alloc&) {
        return fail(program, "out of memory", "", json);
    } catch (const std::exception& e) {
        return fail(program, e.what(), "", json);
    } catch (const Xapian::Error& e) {
        return fail(program, e.get_description(), "", json);
    }
}

bool all_digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

int run_cli(CLI::App& app, int argc, char** argv, const std::function<ExitCode()>& body) {
    return run(app, [&] { app.parse(argc, argv); }, false, body);
}

int run_cli(CLI::App& app, const std::vector<std::string>& args, bool json, const std::function<ExitCode()>& body) {
    return run(app, [&] {
        // CLI11 reads a vector of arguments from its end.
        std::vector<std::string> reversed(args.rbegin(), args.rend());
        app.parse(reversed);
    }, json, body);
}

std::vector<std::string> positionals_last(const CLI::App& app, int argc, char** argv) {
    std::vector<std::string> options, positionals;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--") {
            positionals.insert(positionals.end(), argv + i + 1, argv + argc);
            break;
        }
        const CLI::Option* option = nullptr;
        bool attached = false;  // the value is in the same word: --limit=5, -n5
        if (arg.starts_with("--")) {
            const std::size_t equals = arg.find('=');
            option = app.get_option_no_throw(std::string(arg.substr(0, equals)));
            attached = equals != std::string_view::npos;
            // An unknown --word: CLI11 rejects it by name, in the order given.
            if (!option) return std::vector<std::string>(argv + 1, argv + argc);
        } else if (arg.size() > 1 && arg[0] == '-') {
            option = app.get_option_no_throw(std::string(arg.substr(0, 2)));
            attached = arg.size() > 2;
            // "-n5" is -n with 5; "-nato" is the query word.
            if (option && attached && !all_digits(arg.substr(2))) option = nullptr;
        }
        if (!option) {
            positionals.emplace_back(arg);
            continue;
        }
        options.emplace_back(arg);
        if (!attached && option->get_items_expected_min() > 0 && i + 1 < argc) options.emplace_back(argv[++i]);
    }
    if (!positionals.empty()) {
        options.emplace_back("--");
        options.insert(options.end(), positionals.begin(), positionals.end());
    }
    return options;
}

bool has_flag(const std::vector<std::string>& args, std::string_view flag) {
    for (const auto& arg : args) {
        if (arg == "--") return false;
        if (arg == flag) return true;
    }
    return false;
}

void add_version_flag(CLI::App& app) {
    app.set_version_flag("--version", app.get_name() + " " + NEWSDEX_VERSION, "Print the version and exit");
}

CLI::Validator whole_number(long long least, long long most) {
    const std::string range = "from " + std::to_string(least) + " to " + std::to_string(most);
    return CLI::Validator(
        [least, most, range](std::string& value) -> std::string {
            long long number = 0;
            const char* end = value.data() + value.size();
            auto [stop, problem] = std::from_chars(value.data(), end, number);
            if (problem != std::errc() || stop != end || number < least || number > most) {
                return "wants a whole number " + range + ", not \"" + value + "\"";
            }
            return {};
        },
        "N");
}

bool colour_allowed(int fd) {
    const char* no_color = std::getenv("NO_COLOR");
    return isatty(fd) && (no_color == nullptr || *no_color == '\0');
}

}  // namespace newsdex
