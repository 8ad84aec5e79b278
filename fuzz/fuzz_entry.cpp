// The libFuzzer entry point of one target, chosen when compiling: NEWSDEX_FUZZ_TARGET names a
// function of fuzz_targets.hpp (fuzz/CMakeLists.txt builds this file once per target).
#include "fuzz/fuzz_targets.hpp"

#ifndef NEWSDEX_FUZZ_TARGET
#error "NEWSDEX_FUZZ_TARGET must name the target"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return newsdex::fuzz::NEWSDEX_FUZZ_TARGET(data, size);
}
