#include <cstdio>
#include <cstdlib>

#include "fuzz/fuzz_targets.hpp"

namespace newsdex::fuzz {

void require(bool condition, const char* what) {
    if (condition) return;
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

}  // namespace newsdex::fuzz
