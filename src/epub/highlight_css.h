// EPUB: the stylesheet of highlighted code's token classes (render/highlight.h), one per built-in theme.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mkepub {

// The built-in themes' names, the default first: "default", "eink", "pygments".
const std::vector<std::string>& highlight_style_names();

// The CSS of the theme `name` for the token classes (kw, co, st, ...); empty for a name that is no theme.
std::string highlight_css(std::string_view name);

// The rules of numbered and marked code lines (render/code_lines.h), with or without highlighting: a number in
// gray with a rule after it, kept out of a selection where the reader allows; a marked line bold behind a bar,
// which reads on e-ink as well as in colour.
std::string code_lines_css();

}  // namespace mkepub
