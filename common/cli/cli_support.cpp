#include "common/cli/cli_support.hpp"

#include <cstdlib>
#include <iostream>

#include <unistd.h>

#include <xapian.h>

namespace newsdex {

int run_cli(CLI::App& app, int argc, char** argv, const std::function<ExitCode()>& body) {
    const std::string program = app.get_name();
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        std::cout << app.help();
        return 0;
    } catch (const CLI::CallForVersion&) {
        std::cout << app.version() << '\n';
        return 0;
    } catch (const CLI::ParseError& e) {
        std::cerr << program << ": error: " << e.what() << " (see --help)\n";
        return static_cast<int>(ExitCode::error);
    }
    try {
        return static_cast<int>(body());
    } catch (const UsageError& e) {
        std::cerr << program << ": error: " << e.what() << '\n';
    } catch (const FatalError& e) {
        std::cerr << program << ": error: " << e.what() << '\n';
    } catch (const std::bad_alloc&) {
        std::cerr << program << ": error: out of memory\n";
    } catch (const std::exception& e) {
        std::cerr << program << ": error: " << e.what() << '\n';
    } catch (const Xapian::Error& e) {
        std::cerr << program << ": error: " << e.get_description() << '\n';
    }
    return static_cast<int>(ExitCode::error);
}

bool colour_allowed(int fd) {
    const char* no_color = std::getenv("NO_COLOR");
    return isatty(fd) && (no_color == nullptr || *no_color == '\0');
}

}  // namespace newsdex
