// Markdown to HTML with cmark-gfm (CommonMark + GFM tables, strikethrough, autolinks, task lists, footnotes).
#pragma once

#include <string>

namespace mkepub {

// HTML for a post body. Raw HTML passes through (the XHTML stage parses and cleans it); block elements carry
// data-sourcepos with lines counted from `first_line`, so later stages can point at the post's own lines.
// A soft line break between two CJK characters is dropped: in Chinese and Japanese it is not a space.
// `{漢字|かんじ}` in text becomes ruby for the whole base, `{漢字|かん|じ}` ruby per character (one reading for
// each character; another count annotates the whole base); `\{` is a literal brace.
// A body nested deeper than kMaxNesting (input_limits.h) throws InputError with the line and column, and no path.
std::string render_markdown(const std::string& markdown, int first_line = 1);

}  // namespace mkepub
