// Render: the names fences give languages, and the KSyntaxHighlighting definition each common alias means
// (Linguist's, highlight.js's and Chroma's short names: js, sh, c++, yml, ps1, rs, golang...).
#pragma once

#include <string>
#include <string_view>

namespace mkepub {

// The language a fence's info string or a code element's `language-X` class names: its first word, cut at a
// comma or brace (mdBook's `rust,ignore`, pandoc's `{.python .numberLines}`), without a leading dot, in lower case.
std::string fence_language_key(std::string_view fence_language);

// The definition name an alias stands for ("js" -> "JavaScript"); empty when `key` is no alias.
std::string_view aliased_definition(std::string_view key);

// Names that say the block is not code in any language ("text", "output", "plaintext", "none"...).
bool names_plain_text(std::string_view key);

}  // namespace mkepub
