// Markdown to HTML with cmark-gfm (CommonMark + GFM tables, strikethrough, autolinks, task lists, footnotes).
#pragma once

#include <string>

#include "base/markdown_dialect.h"

namespace mkepub {

struct MarkdownHtml {
  std::string html;
  // Only cmark-gfm's own markup and raw HTML that an XML parser reads as an HTML5 parser does (comments, bare
  // <kbd>, <sup>, <br>...): append_html may read it as XML (xhtml.h).
  bool is_xml = false;
};
// HTML for a post body. Raw HTML passes through (the XHTML stage parses and cleans it); block elements carry
// data-sourcepos with lines counted from `first_line`, so later stages can point at the post's own lines.
// A soft line break between two CJK characters is dropped: in Chinese and Japanese it is not a space.
// `{漢字|かんじ}` in text becomes ruby for the whole base, `{漢字|かん|じ}` ruby per character (one reading for
// each character; another count annotates the whole base); `\{` is a literal brace.
// A body nested deeper than kMaxNesting (input_limits.h) throws InputError with the line and column, and no path.
MarkdownHtml render_markdown(const std::string& markdown, int first_line = 1, const MarkdownDialect& dialect = {});

}  // namespace mkepub
