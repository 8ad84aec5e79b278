#pragma once
/// Text made safe for XML content and attribute values (SVG, GEXF, GraphML).

#include <string>
#include <string_view>

namespace newsdex {

/// `text` with `&`, `<`, `>`, `"` and `'` escaped as entities, and the characters XML 1.0
/// forbids (control characters other than tab, LF and CR) dropped. UTF-8 passes as it is.
[[nodiscard]] std::string xml_text(std::string_view text);

}  // namespace newsdex
