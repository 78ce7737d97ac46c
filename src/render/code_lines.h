// Render: code blocks' line numbers and marked lines, where the author or the site's config asked for them (the
// fence options of render/code_line_options.h, the defaults of MarkdownDialect). A line's number opens it as
// <span class="ln" aria-hidden="true">, so that a screen reader reads the code alone; in a block with marked lines
// each line is a <span class="line"> ("line hl" when marked) holding its line end, so that a reader without the
// stylesheet still shows one line per line.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "base/markdown_dialect.h"
#include "render/code_line_options.h"

namespace mkepub {

struct CodeLines {
  pugi::xml_node code;  // the <code> in its <pre>
  bool numbers = false;
  int start = 1;
  std::vector<LineRange> marked;  // counted from the block's first line, 1
};

// Reads every <pre><code> below `root` before highlighting: its info string's options (cmark-gfm's `data-meta`,
// which is removed) with the site's defaults, the language class cleaned of VitePress's `:line-numbers` and
// `{1,3}`, Docusaurus's magic comments taken out. The blocks whose lines are numbered or marked, in order.
std::vector<CodeLines> read_code_lines(pugi::xml_node root, const MarkdownDialect& site);

// Cuts each block's content (text and the highlighter's spans) into its lines. True when there was any block.
bool write_code_lines(const std::vector<CodeLines>& blocks);

// Docusaurus's magic comments in `code`: the lines they mark (from 1) and the code without them.
struct MagicCommentLines {
  std::string code;
  std::vector<LineRange> marked;
};
MagicCommentLines take_magic_comments(std::string_view code);

}  // namespace mkepub
