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

}  // namespace mkepub
