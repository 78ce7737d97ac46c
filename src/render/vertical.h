// Vertical writing: lines top to bottom, right to left (https://www.w3.org/TR/css-writing-modes-3/).
#pragma once

#include <pugixml.hpp>

namespace mkepub {

// Marks an XHTML page as vertical: class="vertical" on its root (the stylesheet sets writing-mode there, where
// epub.js looks for it), and numbers of one or two ASCII digits standing alone in running text wrapped in
// <span class="tcy"> to be set upright (tate-chu-yoko). Nothing is moved or reordered, so the page still reads
// correctly where the reader ignores writing-mode. Code, preformatted text and tables (set horizontally) are left
// as they are, and so are footnote references (their links must hold only text).
void make_vertical(pugi::xml_document& page);

}  // namespace mkepub
