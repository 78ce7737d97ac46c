// Dialects: a plain folder of posts, searched recursively and ordered by date; the fallback when no generator's
// layout is found. A _config.yml there still gives the book's title, author and language.
#include "book/post_index.h"
#include "dialects/dialect.h"
#include "dialects/site.h"
#include "dialects/tags/tags.h"
#include "sources/frontmatter.h"

namespace mkepub {
namespace {

bool detect_plain(Site& site, const std::string&, Diagnostics&) {
  site.source_dir = site.root;
  site.post_dirs = {site.root};
  return true;
}

}  // namespace

const Dialect plain_dialect = {
    .name = "plain",
    .config_file = "_config.yml",
    .read_config = parse_site_config,
    .detect = detect_plain,
    .order = Dialect::Order::sorted,
    .parse_post = parse_post,
    .markdown = nullptr,
    .expand_tags = expand_tags,
    .post_url = expand_permalink,
};

}  // namespace mkepub
