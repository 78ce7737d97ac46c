// Dialects: Jekyll (https://jekyllrb.com/docs/structure/): _config.yml beside `_posts/` and the collections'
// `_name/` folders (https://jekyllrb.com/docs/collections/), posts ordered by date, links by permalink.
#include "book/post_index.h"
#include "dialects/dialect.h"
#include "dialects/site.h"
#include "dialects/tags/tags.h"
#include "sources/frontmatter.h"

namespace mkepub {
namespace {

// _config.yml, and `_posts/` and the collections' `_name/` folders, under `collections_dir` when set.
bool detect_jekyll(Site& site, const std::string&, Diagnostics&) {
  if (!is_file(site.root / "_config.yml")) return false;
  fs::path base = inside(site.root, config_value(site.config, "collections_dir"), ".");
  std::vector<fs::path> dirs;
  if (is_dir(base / "_posts")) dirs.push_back(base / "_posts");
  for (const auto& name : site.config.collections) {
    if (name == "posts" || name.empty() || name.find('/') != std::string::npos) continue;
    if (is_dir(base / ("_" + name))) dirs.push_back(base / ("_" + name));
  }
  if (dirs.empty()) return false;
  site.source_dir = site.root;
  site.post_dirs = std::move(dirs);
  return true;
}

}  // namespace

const Dialect jekyll_dialect = {
    .name = "jekyll",
    .config_file = "_config.yml",
    .read_config = parse_site_config,
    .detect = detect_jekyll,
    .order = Dialect::Order::sorted,
    .parse_post = parse_post,
    .expand_tags = expand_tags,
    .post_url = expand_permalink,
};

}  // namespace mkepub
