// Dialects: Hexo (https://hexo.io/docs/setup): _config.yml beside `source/_posts/`, posts searched there (category
// folders too) and ordered by date, site-root paths from `source/`, links by permalink.
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

// Hexo's renderers, both with line breaks and typographic punctuation by default: hexo-renderer-markdown-it when
// the config has its `markdown.render` options (`breaks`, `typographer`), else hexo-renderer-marked, Hexo's own
// (`marked.breaks`, `marked.smartypants`).
MarkdownDialect hexo_markdown(const SiteConfig& c) {
  auto on = [&](const std::string& key) { return config_value(c, key) != "false"; };
  const auto it = c.variables.lower_bound("markdown.render.");
  if (it != c.variables.end() && it->first.starts_with("markdown.render."))
    return {.smart_punctuation = on("markdown.render.typographer"), .hard_breaks = on("markdown.render.breaks")};
  return {.smart_punctuation = on("marked.smartypants"), .hard_breaks = on("marked.breaks")};
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
