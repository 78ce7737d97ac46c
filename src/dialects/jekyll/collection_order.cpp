// Dialects: Jekyll's order of posts and collection documents (Jekyll's Collection#sort_docs!: an `order` array,
// else `sort_by`, else Document#<=>, date then path).
#include <algorithm>
#include <map>

#include "base/dates.h"
#include "dialects/dialect.h"
#include "dialects/jekyll/jekyll.h"
#include "dialects/site.h"
#include "sources/posts.h"

namespace mkepub {
namespace {

bool is_under(const fs::path& file, const fs::path& dir) {
  auto rel = file.lexically_relative(dir);
  return !rel.empty() && *rel.begin() != "..";
}

// Date first (a document without one after those with one), then path: Document#<=>.
bool by_date_then_path(const Post& a, const Post& b) {
  if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
  if (a.date && to_epoch(*a.date) != to_epoch(*b.date)) return to_epoch(*a.date) < to_epoch(*b.date);
  return a.file < b.file;
}

void sort_collection(std::vector<Post>& docs, const Site& site, const std::string& name, const fs::path& dir,
                     Diagnostics& diag) {
  const std::string key = "collections." + name + ".";
  std::vector<std::string> order;
  for (int i = 0;; ++i) {
    std::string entry = config_value(site.config, key + "order." + std::to_string(i));
    if (entry.empty()) break;
    order.push_back(entry);
  }
  const std::string sort_by = config_value(site.config, key + "sort_by");
  if (!order.empty()) {
    auto rank = [&](const Post& p) {
      auto it = std::find(order.begin(), order.end(), p.file.lexically_relative(dir).generic_string());
      return static_cast<size_t>(it - order.begin());
    };
    std::stable_sort(docs.begin(), docs.end(), [&](const Post& a, const Post& b) {
      if (rank(a) != rank(b)) return rank(a) < rank(b);
      return a.file < b.file;
    });
  } else if (sort_by == "title" || sort_by == "slug" || sort_by == "weight") {
    std::stable_sort(docs.begin(), docs.end(), [&](const Post& a, const Post& b) {
      if (sort_by == "weight" && a.weight != b.weight) return a.weight < b.weight;
      if (sort_by == "title" && a.title != b.title) return a.title < b.title;
      if (sort_by == "slug" && a.slug != b.slug) return a.slug < b.slug;
      return by_date_then_path(a, b);
    });
  } else {
    if (!sort_by.empty() && sort_by != "date")
      diag.warn({"_config.yml", 0, 0,
                 "collection `" + name + "`: sort_by `" + sort_by + "` is a key mkepub does not keep; by date, then path",
                 "config value ignored"});
    std::stable_sort(docs.begin(), docs.end(), by_date_then_path);
  }
}

}  // namespace

void sort_jekyll_posts(std::vector<Post>& posts, const Site& site, Options::Sort sort, Diagnostics& diag) {
  // Each post to its folder's group: site.post_dirs holds `_posts` (when present), then the collections in order.
  std::vector<std::vector<Post>> groups(site.post_dirs.size() + 1);
  for (auto& p : posts) {
    size_t g = site.post_dirs.size();
    for (size_t i = 0; i < site.post_dirs.size(); ++i)
      if (is_under(p.file, site.post_dirs[i])) {
        g = i;
        break;
      }
    groups[g].push_back(std::move(p));
  }
  posts.clear();
  size_t filled = 0;
  for (const auto& g : groups) filled += !g.empty();
  for (size_t i = 0; i < groups.size(); ++i) {
    auto& docs = groups[i];
    if (docs.empty()) continue;
    std::string name;
    if (i < site.post_dirs.size()) name = site.post_dirs[i].filename().string().substr(1);  // `_docs` -> docs
    if (name.empty() || name == "posts") {  // `_posts`, or files given beside the site
      sort_posts(docs, sort);
    } else {
      sort_collection(docs, site, name, site.post_dirs[i], diag);
    }
    if (filled > 1 && i < site.post_dirs.size()) {
      std::string title = config_value(site.config, "collections." + name + ".title");
      docs.front().part = !title.empty() ? title : name == "posts" ? "Posts" : name;
    }
    for (auto& d : docs) posts.push_back(std::move(d));
  }
}

}  // namespace mkepub
