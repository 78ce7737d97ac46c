// Markdown inside an HTML block whose tag asks for it with `markdown="1"` (or "block"), as kramdown (Jekyll's
// default), PHP Markdown Extra, Python-Markdown's md_in_html and pandoc read it. CommonMark alone prints the
// inside as raw HTML: `![alt](src)` would reach the reader as text.
#pragma once

#include <string>

namespace mkepub {

// The Markdown with each such block opened: its opening and closing tags each become a one-line HTML block (an
// empty comment first ends the block on its own line, CommonMark 4.6 kind 2), so the lines between are Markdown;
// the `markdown` attribute is dropped. Line numbers stay as written unless content shares a line with a tag.
// Code fences are left alone; "" when nothing changed.
std::string open_markdown_in_html(const std::string& markdown);

}  // namespace mkepub
