#include "tests/support/builtin_data.hpp"

namespace newsdex::test {

const Gazetteer& builtin_gazetteer() {
    static const Gazetteer loaded = Gazetteer::load_builtin();
    return loaded;
}

const Geography& builtin_geography() {
    static const Geography loaded = Geography::load_builtin();
    return loaded;
}

}  // namespace newsdex::test
