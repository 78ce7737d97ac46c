// Render: what a code block's info string asks of its lines, in each generator's words: Hugo's attributes
// (`go {linenos=table,hl_lines=[2,"4-5"],linenostart=199}`), Docusaurus's (`js {1,4-6} showLineNumbers=5`),
// VitePress's (`ts:line-numbers=2{1,3}`), Hexo's codeblock options (`line_number:true first_line:5 mark:1,3`) and
// pandoc's (`{.python .numberLines startFrom="5"}`).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mkepub {

struct LineRange {
  int from = 0, to = 0;  // inclusive
};

struct CodeLineOptions {
  std::string language;         // the language word without VitePress's `:line-numbers` and `{1,3}`
  std::optional<bool> numbers;  // nullopt: the site's default
  std::optional<int> start;     // the first line's number; nullopt: the site's default
  std::vector<LineRange> marked;
  // Hexo's `mark:` counts lines by their shown numbers (first_line on); the others from the block's first line.
  bool marks_by_number = false;
};

// `language` is the info string's first word (the code element's `language-X`), `meta` the rest (cmark-gfm's
// data-meta). Unknown words (Docusaurus's `title="..."`, Hugo's `style=emacs`) are left alone.
CodeLineOptions parse_code_line_options(std::string_view language, std::string_view meta);

// "1,4-6", "[2,\"4-5\"]", "8 15-17": every number and range in `list`, in order.
std::vector<LineRange> parse_line_ranges(std::string_view list);

}  // namespace mkepub
