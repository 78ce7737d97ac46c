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

}  // namespace

const Dialect hexo_dialect = {
    .name = "hexo",
    .config_file = "_config.yml",
    .read_config = parse_hexo_site_config,
    .detect = detect_hexo,
    .order = Dialect::Order::sorted,
    .parse_post = parse_hexo_post,
    // hexo-renderer-marked, Hexo's default renderer, has `smartypants: true` unless `marked:` says otherwise.
    .smart_punctuation = [](const SiteConfig& c) { return config_value(c, "marked.smartypants") != "false"; },
    .expand_tags = expand_tags,
    .post_url = expand_permalink,
};

}  // namespace mkepub
