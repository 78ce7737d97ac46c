// Which post a link means: relative paths with or without extension, site-root paths, permalinks.
#pragma once

#include <optional>
#include <unordered_map>

#include "base/book.h"

namespace mkepub {

// A post's URL under a Hexo/Jekyll permalink pattern (":year/:month/:day/:title/" and friends).
std::string expand_permalink(const std::string& pattern, const Post& post, const fs::path& posts_dir);

// What links resolve against besides the linking post's folder.
struct LinkContext {
  fs::path source_dir;   // site-root paths ("/docs/intro", "/images/x.png") start here; empty: none
  std::string permalink;  // the site's permalink pattern, e.g. "news/:year/:month/:day/:title/"
  // how the site's dialect turns the pattern into a post's URL (Dialect::post_url)
  std::string (*post_url)(const std::string& pattern, const Post& post, const fs::path& posts_dir) = expand_permalink;
  fs::path posts_dir;     // where :title is counted from (Hexo's source/_posts)
  std::vector<fs::path> resource_paths;  // more folders to look for images in (--resource-path)
  std::string base_path;                 // Jekyll's `baseurl` ("/blog"): site paths under it are the site's own
  std::string site_url;  // the published site ("https://hexo.io"): site-root links not in the book go there
  std::string site_root;  // the path the site is published under (Hexo's `root`, "/blog/"), "/" or empty: none
  int image_max = 2048;   // --image-max: images are scaled down to this many pixels on the long side; 0: never
};

class PostIndex {
 public:
  PostIndex(const std::vector<Chapter>& chapters, const LinkContext& context);
  // The index of the chapter `href_path` (already percent-decoded, no fragment) leads to from `from`.
  std::optional<size_t> find(const Post& from, const std::string& href_path) const;

 private:
  const LinkContext& context_;
  fs::path cwd_;  // relative paths are keyed from here: asked once, not once per link tried
  std::string key(const fs::path& p) const;
  std::unordered_map<std::string, size_t> by_file_, by_lower_file_, by_url_;
  std::optional<size_t> find_file(const fs::path& candidate) const;
};

}  // namespace mkepub
