// Dialects: VitePress (https://vitepress.dev/guide/routing): a `.vitepress/config.*` in the source folder (the
// site's root or docs/), whose title, description and lang are read from string literals; the Markdown files
// under that folder, ordered as a plain folder is (its sidebar is JavaScript, which is not run).
#include "book/post_index.h"
#include "dialects/dialect.h"
#include "dialects/docusaurus/js_config.h"
#include "dialects/tags/tags.h"
#include "sources/frontmatter.h"

namespace mkepub {
namespace {

bool detect_vitepress(Site& site, const std::string& display, Diagnostics& diag) {
  for (const fs::path& dir : {site.root, site.root / "docs"}) {
    for (const char* name : {"config.js", "config.ts", "config.mts", "config.mjs", "config.cjs"}) {
      fs::path config = dir / ".vitepress" / name;
      if (!is_file(config)) continue;
      auto shown = display_of(display, config.lexically_relative(site.root));
      if (auto text = read_site_file(config, site.root, shown, diag)) site.config = parse_js_config(*text, shown, diag);
      site.source_dir = dir;
      site.post_dirs = {dir};
      return true;
    }
  }
  return false;
}

}  // namespace

const Dialect vitepress_dialect = {
    .name = "vitepress",
    .config_file = nullptr,
    .read_config = parse_js_config,  // called by detect, on the config it finds
    .detect = detect_vitepress,
    .order = Dialect::Order::sorted,
    .parse_post = parse_post,
    // Shiki's line numbers on every block with `markdown: { lineNumbers: true }`
    // (https://vitepress.dev/guide/markdown#line-numbers).
    .markdown =
        [](const SiteConfig& c) {
          return MarkdownDialect{.line_numbers = config_value(c, "markdown.lineNumbers") == "true"};
        },
    .expand_tags = expand_tags,
    .post_url = expand_permalink,
};

}  // namespace mkepub
