// What a site's own Markdown renderer does beyond CommonMark + GFM, by its defaults and the site's config: chosen
// by the site's dialect (Dialect::markdown), applied by the Markdown stage (render_markdown).
#pragma once

namespace mkepub {

struct MarkdownDialect {
  // Straight quotes to curly ones, `--` and `---` to en and em dashes, `...` to an ellipsis, outside code: Hugo's
  // Goldmark typographer, kramdown's typographic symbols and smart quotes, Hexo's smartypants/typographer.
  bool smart_punctuation = false;
  // Every line break in a paragraph is a line break (`<br/>`), as Hexo's renderers draw them (`breaks: true`);
  // between CJK characters too, which otherwise join without a space.
  bool hard_breaks = false;
  // Code blocks' lines numbered where a block says nothing (render/code_lines.h): Hugo's
  // `markup.highlight.lineNos`, kramdown's `syntax_highlighter_opts: block: line_numbers`, Hexo's
  // `highlight.line_number`, VitePress's `markdown.lineNumbers`; from `line_start` (Hugo's `lineNoStart`,
  // kramdown's `start_line`), on blocks of more than `line_threshold` lines (Hexo's `line_threshold`).
  bool line_numbers = false;
  int line_start = 1;
  int line_threshold = 0;
  // Docusaurus's magic comments (`// highlight-next-line`, `highlight-start`/`-end`) mark lines and leave the code.
  bool magic_comments = false;
};

}  // namespace mkepub
