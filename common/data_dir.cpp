#include "common/data_dir.hpp"

#include <cstdlib>

#ifndef NEWSDEX_DATA_DIR
#error "NEWSDEX_DATA_DIR must be defined by the build (the repository root, as a string literal)"
#endif

namespace newsdex {

std::filesystem::path data_root() {
    const char* from_environment = std::getenv("NEWSDEX_DATA_DIR");
    return from_environment != nullptr && *from_environment != '\0' ? from_environment : NEWSDEX_DATA_DIR;
}

std::filesystem::path data_path(std::string_view relative) { return data_root() / relative; }

}  // namespace newsdex
