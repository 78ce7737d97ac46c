// Dialects: Hexo (https://hexo.io/docs/setup): _config.yml beside `source/_posts/`, posts searched there (category
// folders too) and ordered by date, site-root paths from `source/`, links by permalink.
#include <cstdlib>

#include "book/post_index.h"
#include "dialects/dialect.h"
#include "dialects/site.h"
#include "dialects/tags/tags.h"
#include "sources/frontmatter.h"

namespace mkepub {
namespace {

// _config.yml and `source/_posts/` (`source_dir` may rename `source`).
bool detect_hexo(Site& site, const std::string&, Diagnostics&) {
  if (!is_file(site.root / "_config.yml")) return false;
  fs::path source = inside(site.root, config_value(site.config, "source_dir"), "source");
  if (!is_dir(source / "_posts")) return false;
  site.source_dir = source;
  site.post_dirs = {source / "_posts"};
  return true;
}

// Hexo's built-in highlighters number every code block's lines unless `line_number: false`: the one
// `syntax_highlighter` names (Hexo 7; highlight.js when unset, nothing when it names a plugin), else prismjs when
// `prismjs.enable`, else highlight.js unless `highlight.enable: false` (https://hexo.io/docs/syntax-highlight).
// Hexo's default config has `line_number: true`, so a site that never mentions it gets numbers, as on its pages.
void set_hexo_line_numbers(const SiteConfig& c, MarkdownDialect& d) {
  std::string highlighter = config_value(c, "syntax_highlighter");
  if (highlighter.empty())
    highlighter = config_value(c, "prismjs.enable") == "true"      ? "prismjs"
                  : config_value(c, "highlight.enable") == "false" ? ""
                                                                   : "highlight.js";
  const std::string key = highlighter == "prismjs" ? "prismjs" : highlighter == "highlight.js" ? "highlight" : "";
  if (key.empty()) return;
  d.line_numbers = config_value(c, key + ".line_number") != "false";
  d.line_threshold = std::atoi(config_value(c, key + ".line_threshold").c_str());
}

// Hexo's renderers, both with line breaks and typographic punctuation by default: hexo-renderer-markdown-it when
// the config has its `markdown.render` options (`breaks`, `typographer`), else hexo-renderer-marked, Hexo's own
// (`marked.breaks`, `marked.smartypants`).
MarkdownDialect hexo_markdown(const SiteConfig& c) {
  auto on = [&](const std::string& key) { return config_value(c, key) != "false"; };
  MarkdownDialect d;
  const auto it = c.variables.lower_bound("markdown.render.");
  if (it != c.variables.end() && it->first.starts_with("markdown.render."))
    d = {.smart_punctuation = on("markdown.render.typographer"), .hard_breaks = on("markdown.render.breaks")};
  else d = {.smart_punctuation = on("marked.smartypants"), .hard_breaks = on("marked.breaks")};
  set_hexo_line_numbers(c, d);
  return d;
}

}  // namespace

const Dialect hexo_dialect = {
    .name = "hexo",
    .config_file = "_config.yml",
    .read_config = parse_hexo_site_config,
    .detect = detect_hexo,
    .order = Dialect::Order::sorted,
    .parse_post = parse_hexo_post,
    .markdown = hexo_markdown,
    .expand_tags = expand_tags,
    .post_url = expand_permalink,
};

}  // namespace mkepub
