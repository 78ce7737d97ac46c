// The link context from the options and the site's configuration (Hexo's and Jekyll's permalink and url).
#include "book/link_context.h"

#include "dialects/dialect.h"
#include "dialects/site.h"

namespace mkepub {

namespace {

// "https://example.com/blog" -> "/blog"; "" without a path.
std::string url_path(const std::string& url) {
  size_t host = url.find("//");
  if (host == std::string::npos) return "";
  size_t slash = url.find('/', host + 2);
  return slash == std::string::npos ? "" : url.substr(slash);
}

}  // namespace

LinkContext link_context_of(const Options& options, const std::optional<Site>& site) {
  LinkContext links;
  links.resource_paths = options.resource_paths;
  links.image_max = options.image_max;
  if (site) {
    links.source_dir = site->source_dir;
    links.permalink = site->config.permalink;
    links.post_url = site->dialect->post_url;
    if (auto url = site->config.variables.find("url"); url != site->config.variables.end()) links.site_url = url->second;
    links.site_root = config_value(site->config, "root");
    if (links.site_root.empty()) links.site_root = url_path(links.site_url);
    if (auto base = site->config.variables.find("baseurl"); base != site->config.variables.end()) {
      links.base_path = base->second;
      while (links.base_path.size() > 1 && links.base_path.back() == '/') links.base_path.pop_back();
      if (!links.base_path.starts_with('/')) links.base_path.insert(0, "/");
    }
    if (!site->post_dirs.empty()) links.posts_dir = site->post_dirs.front();
    for (const auto& dir : site->static_dirs) links.resource_paths.push_back(dir);
  }
  return links;
}

}  // namespace mkepub
