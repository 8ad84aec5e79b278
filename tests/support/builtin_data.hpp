#pragma once
/// The built-in gazetteer and geography, loaded once per test process for the tests that read them.

#include "common/gazetteer.hpp"
#include "common/geography.hpp"

namespace newsdex::test {

/// Gazetteer::load_builtin(), loaded on first use.
[[nodiscard]] const Gazetteer& builtin_gazetteer();

/// Geography::load_builtin(), loaded on first use.
[[nodiscard]] const Geography& builtin_geography();

}  // namespace newsdex::test
