// The link context from the options and the site's configuration (Hexo's and Jekyll's permalink and url).
#include "book/link_context.h"

#include "dialects/dialect.h"

namespace mkepub {

LinkContext link_context_of(const Options& options, const std::optional<Site>& site) {
  LinkContext links;
  links.resource_paths = options.resource_paths;
  if (site) {
    links.source_dir = site->source_dir;
    links.permalink = site->config.permalink;
    links.post_url = site->dialect->post_url;
    if (auto url = site->config.variables.find("url"); url != site->config.variables.end()) links.site_url = url->second;
    if (!site->post_dirs.empty()) links.posts_dir = site->post_dirs.front();
  }
  return links;
}

}  // namespace mkepub
