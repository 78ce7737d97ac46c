// Which post a link means. Blogs link to each other the way their site generator publishes them: by
// relative .md path (GitHub, mdBook), without extension or as .html (Hugo, Jekyll), by site-root path, or by
// permalink (https://hexo.io/docs/permalinks, https://jekyllrb.com/docs/permalinks/). Web servers are often
// case-insensitive, and so are many links written for them.
#include "book/post_index.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace mkepub {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// "/news/2019/12/24/x/" and "news/2019/12/24/x.html" name the same page.
std::string url_key(std::string url) {
  if (url.size() >= 11 && url.substr(url.size() - 11) == "/index.html") url.resize(url.size() - 11);
  if (url.size() >= 5 && url.substr(url.size() - 5) == ".html") url.resize(url.size() - 5);
  while (!url.empty() && url.back() == '/') url.pop_back();
  size_t start = url.find_first_not_of('/');
  return start == std::string::npos ? "" : lower(url.substr(start));
}

// "blog", "/blog" and "/blog/" are one root: "/blog/".
std::string site_root(std::string root) {
  if (root.empty() || root.front() != '/') root.insert(0, "/");
  if (root.back() != '/') root += '/';
  return root;
}

std::string two(int n) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

std::string stem_without_date(const Post& post) {
  std::string stem = post.file.stem().string();
  if (stem.size() > 11 && stem[4] == '-' && stem[7] == '-' && stem[10] == '-') stem = stem.substr(11);
  return stem;
}

}  // namespace

std::string expand_permalink(const std::string& pattern, const Post& post, const fs::path& posts_dir) {
  Date d = post.date.value_or(Date{});
  std::string rel = posts_dir.empty() ? post.file.stem().string()
                                      : post.file.lexically_relative(posts_dir).replace_extension().generic_string();
  if (auto slash = rel.rfind('/'); slash != std::string::npos) rel = rel.substr(0, slash + 1) + stem_without_date(post);
  else rel = stem_without_date(post);
  const std::pair<const char*, std::string> fields[] = {
      {":year", std::to_string(d.year)}, {":month", two(d.month)},     {":i_month", std::to_string(d.month)},
      {":day", two(d.day)},              {":i_day", std::to_string(d.day)}, {":hour", two(d.hour)},
      {":minute", two(d.minute)},        {":second", two(d.second)},    {":title", rel},
      {":name", stem_without_date(post)}, {":post_title", post.title},  {":abbrlink", post.abbrlink},
      {":category", post.categories.empty() ? "" : post.categories.back()},
      {":categories", post.categories.empty() ? "" : post.categories.front()},
      {":output_ext", ".html"}};
  std::string out;
  for (size_t i = 0; i < pattern.size();) {
    bool matched = false;
    if (pattern[i] == ':') {
      // Longest field name first (":i_month" before ":i"), then the rest of the pattern.
      for (const auto& [name, value] : fields) {
        std::string n = name;
        bool longer = i + n.size() < pattern.size() && (std::isalnum(static_cast<unsigned char>(pattern[i + n.size()])) || pattern[i + n.size()] == '_');
        if (pattern.compare(i, n.size(), n) == 0 && !longer) {
          out += value;
          i += n.size();
          matched = true;
          break;
        }
      }
    }
    if (!matched) out += pattern[i++];
  }
  return out;
}

std::string PostIndex::key(const fs::path& p) const {
  return (p.is_absolute() ? p : cwd_ / p).lexically_normal().generic_string();
}

PostIndex::PostIndex(const std::vector<Chapter>& chapters, const LinkContext& context)
    : context_(context), cwd_(fs::current_path()) {
  for (size_t i = 0; i < chapters.size(); ++i) {
    const Post& post = *chapters[i].post;
    by_file_.emplace(key(post.file), i);
    by_lower_file_.emplace(lower(key(post.file)), i);
    if (!context.permalink.empty())
      by_url_.emplace(url_key(context.post_url(context.permalink, post, context.posts_dir)), i);
    if (!post.abbrlink.empty()) by_url_.emplace(url_key("posts/" + post.abbrlink), i);
    if (!post.permalink.empty())  // the post's own, which Jekyll takes over the site's
      by_url_.emplace(url_key(context.post_url(post.permalink, post, context.posts_dir)), i);
    // Hugo's `url` and `aliases` (https://gohugo.io/content-management/urls/): more addresses of the same page.
    if (!post.url.empty()) by_url_.emplace(url_key(post.url), i);
    for (const auto& alias : post.aliases) by_url_.emplace(url_key(alias), i);
  }
}

std::optional<size_t> PostIndex::find_file(const fs::path& candidate) const {
  std::string k = key(candidate);
  if (auto it = by_file_.find(k); it != by_file_.end()) return it->second;
  if (auto it = by_lower_file_.find(lower(k)); it != by_lower_file_.end()) return it->second;
  return std::nullopt;
}

std::optional<size_t> PostIndex::find(const Post& from, const std::string& href_path) const {
  // Jekyll's `baseurl`: the site is published under it, and the book is the site.
  const std::string& base = context_.base_path;
  if (base.size() > 1 && href_path.starts_with(base) &&
      (href_path.size() == base.size() || href_path[base.size()] == '/'))
    if (auto found = find(from, href_path.size() == base.size() ? "/" : href_path.substr(base.size()))) return found;
  std::string path = href_path;
  std::vector<fs::path> bases = {from.file.parent_path()};
  if (!path.empty() && path[0] == '/') {
    if (auto it = by_url_.find(url_key(path)); it != by_url_.end()) return it->second;
    // A site published under a `root` ("/blog/") writes its links with it; its permalinks and files are without.
    if (std::string root = site_root(context_.site_root); root.size() > 1 && (path + "/").starts_with(root)) {
      path.erase(0, root.size() - 1);
      if (auto it = by_url_.find(url_key(path)); it != by_url_.end()) return it->second;
    }
    bases = {context_.source_dir};
    path = path.substr(path.find_first_not_of('/') == std::string::npos ? path.size() : path.find_first_not_of('/'));
    if (context_.source_dir.empty()) return std::nullopt;
  }
  std::string trimmed = path;
  while (!trimmed.empty() && trimmed.back() == '/') trimmed.pop_back();
  std::string no_html = trimmed.size() > 5 && trimmed.substr(trimmed.size() - 5) == ".html"
                            ? trimmed.substr(0, trimmed.size() - 5) : trimmed;
  for (const auto& base : bases) {
    for (const std::string& candidate :
         {path, no_html + ".md", no_html + ".markdown", trimmed + "/index.md", trimmed + "/_index.md",
          trimmed + "/README.md"}) {
      if (candidate.empty() || candidate[0] == '/') continue;
      if (auto found = find_file(base / candidate)) return found;
    }
  }
  return std::nullopt;
}

}  // namespace mkepub
