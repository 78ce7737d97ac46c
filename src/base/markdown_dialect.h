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
};

}  // namespace mkepub
