#pragma once
/// Decoding the HTML character references that scraped text carries (&amp;, &rsquo;, &#8217;, &#x2019;).

#include <string>
#include <string_view>

namespace newsdex {

/// Returns `text` with HTML character references replaced by the characters they stand for:
/// named references from a common set (the XML five, nbsp, typographic quotes, dashes and
/// spaces, Latin-1 letters and symbols, Greek letters, the euro and trade marks) and decimal or
/// hexadecimal numeric references. A reference must end with ';'. Numeric references in
/// 128..159 are read as Windows-1252 (as browsers do, so &#146; is ’); 0, surrogates and values
/// above U+10FFFF become U+FFFD. Anything else (unknown names, a bare '&') stays as written, and
/// decoding is one pass, so "&amp;lt;" becomes "&lt;". Text without '&' is returned on a fast
/// path. Never fails.
[[nodiscard]] std::string decode_html_entities(std::string_view text);

}  // namespace newsdex
