// SVG images made safe for EPUB: no DTD, no scripts, no remote references (EPUB 3.3 SVG content documents).
#pragma once

#include <optional>
#include <string>

namespace mkepub {

// The SVG re-serialised without its DOCTYPE (external DTDs and entities are errors in EPUB 3), scripts,
// event handlers, foreignObject or references outside the file; nullopt when it is not well-formed SVG.
std::optional<std::string> clean_svg(const std::string& bytes);

}  // namespace mkepub
