// Dialects: Hugo's page order within its section tree (https://gohugo.io/quick-reference/glossary/#default-sort-order,
// https://gohugo.io/content-management/sections/) and its page URLs (https://gohugo.io/content-management/urls/).
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>

#include "base/dates.h"
#include "dialects/hugo/hugo.h"

namespace mkepub {
namespace {

// Where a page sits: the folders (sections) above it, and whether it is a section's own page or a bundle.
struct Place {
  std::vector<std::string> sections;  // "docs", "docs/guide": each folder's path under the content folder
  bool opener = false;                // `_index.md`: the section's own page
  std::string leaf;                   // file stem, or the bundle's folder for `index.md`
};

Place place_of(const Post& post, const fs::path& content_dir) {
  Place p;
  fs::path rel = post.file.lexically_relative(content_dir);
  std::vector<std::string> dirs;
  for (const auto& part : rel.parent_path()) dirs.push_back(part.string());
  if (!dirs.empty() && dirs.front() == "..") dirs.clear();  // not under the content folder: a page at its top
  const std::string stem = post.file.stem().string();
  p.opener = stem == "_index";
  p.leaf = stem;
  if (stem == "index" && !dirs.empty()) {  // a leaf bundle is a page of the folder above it
    p.leaf = dirs.back();
    dirs.pop_back();
  }
  std::string path;
  for (const auto& d : dirs) p.sections.push_back(path = path.empty() ? d : path + "/" + d);
  return p;
}

struct Key {
  int weight = 0;
  std::optional<Date> date;
  std::string title, path;
};

Key key_of(const Post& post) { return {post.weight, post.date, post.title, post.file.generic_string()}; }

// Hugo's default order: weighted first (lower first), then date, then title, then path.
bool before(const Key& a, const Key& b, Options::Sort sort) {
  if ((a.weight != 0) != (b.weight != 0)) return a.weight != 0;
  if (a.weight != b.weight) return a.weight < b.weight;
  if (sort == Options::Sort::date) {
    if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
    if (a.date && to_epoch(*a.date) != to_epoch(*b.date)) return to_epoch(*a.date) < to_epoch(*b.date);
    if (a.title != b.title) return a.title < b.title;
  }
  return a.path < b.path;
}

std::string two(int n) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

// Hugo's urlize, as far as URLs compare: lower case, spaces as hyphens, no punctuation but `-`, `_` and `.`.
std::string urlize(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (c == ' ') out += '-';
    else if (c >= 0x80 || std::isalnum(c) || c == '-' || c == '_' || c == '.')
      out += static_cast<char>(std::tolower(c));
  }
  return out;
}

// `:sections`, or a slice of it: `[1:]`, `[:2]`, `[1:2]`, `[0]`, `[last]`; `at` is after ":sections".
std::string sections_token(const std::vector<std::string>& parts, const std::string& pattern, size_t& at) {
  long from = 0, to = static_cast<long>(parts.size());
  if (at < pattern.size() && pattern[at] == '[') {
    size_t close = pattern.find(']', at);
    if (close != std::string::npos) {
      std::string inside = pattern.substr(at + 1, close - at - 1);
      at = close + 1;
      size_t colon = inside.find(':');
      auto num = [&](const std::string& s, long fallback) {
        if (s == "last") return to - 1;
        return s.empty() ? fallback : std::strtol(s.c_str(), nullptr, 10);
      };
      if (colon == std::string::npos) {
        from = num(inside, 0);
        to = from + 1;
      } else {
        from = num(inside.substr(0, colon), 0);
        to = num(inside.substr(colon + 1), to);
      }
    }
  }
  std::string out;
  for (long i = std::max(0L, from); i < std::min(to, static_cast<long>(parts.size())); ++i)
    out += (out.empty() ? "" : "/") + parts[static_cast<size_t>(i)];
  return out;
}

std::string expand(const std::string& pattern, const Post& post, const Place& place,
                   const std::vector<std::string>& parts) {
  const Date d = post.date.value_or(Date{});
  const std::string slug = post.slug.empty() ? urlize(post.title) : post.slug;
  const std::pair<const char*, std::string> tokens[] = {
      {":slugorcontentbasename", post.slug.empty() ? place.leaf : post.slug},
      {":slugorfilename", post.slug.empty() ? place.leaf : post.slug},
      {":contentbasename", place.leaf},
      {":filename", place.leaf},
      {":section", parts.empty() ? "" : parts.front()},
      {":title", urlize(post.title)},
      {":slug", slug},
      {":year", std::to_string(d.year)},
      {":month", two(d.month)},
      {":day", two(d.day)}};
  std::string out;
  for (size_t i = 0; i < pattern.size();) {
    if (pattern.compare(i, 9, ":sections") == 0) {
      i += 9;
      out += sections_token(parts, pattern, i);
      continue;
    }
    bool matched = false;
    for (const auto& [name, value] : tokens) {
      size_t n = std::char_traits<char>::length(name);
      if (pattern.compare(i, n, name) == 0) {
        out += value;
        i += n;
        matched = true;
        break;
      }
    }
    if (!matched) out += pattern[i++];
  }
  return out;
}

}  // namespace

std::string hugo_post_url(const std::string& permalinks, const Post& post, const fs::path& content_dir) {
  if (!post.url.empty()) return post.url;
  const Place place = place_of(post, content_dir);
  std::vector<std::string> parts;  // folder names
  for (const auto& s : place.sections) parts.push_back(s.substr(s.rfind('/') + 1));
  const std::string section = parts.empty() ? "" : parts.front();
  for (size_t pos = 0; !place.opener && pos < permalinks.size();) {
    size_t end = permalinks.find('\n', pos);
    std::string line = permalinks.substr(pos, end - pos);
    pos = end == std::string::npos ? permalinks.size() : end + 1;
    size_t tab = line.find('\t');
    if (tab != std::string::npos && line.substr(0, tab) == section)
      return expand(line.substr(tab + 1), post, place, parts);
  }
  std::string url = "/";
  for (const auto& part : parts) url += part + "/";
  if (!place.opener) url += (post.slug.empty() ? place.leaf : post.slug) + "/";
  return url;
}

namespace {

// Hugo's title for a section without one: its folder's name, title-cased (capitalizeListTitles).
std::string section_title(const std::string& folder) {
  std::string out = folder;
  for (size_t i = 0; i < out.size(); ++i)
    if (i == 0 || out[i - 1] == ' ' || out[i - 1] == '-')
      out[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[i])));
  return out;
}

bool blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

// Pages with nothing for a reader: the home page's `_index.md` and a page without text (a theme's widget page, a
// CMS's config page). A section's `_index.md` stays, as the title that opens it.
void drop_empty(std::vector<Post>& posts, const fs::path& content_dir, Diagnostics& diag) {
  std::erase_if(posts, [&](const Post& post) {
    if (!blank(post.body)) return false;
    const Place place = place_of(post, content_dir);
    if (place.opener && !place.sections.empty()) return false;
    diag.note({post.display, 0, 0, place.opener ? "the home page has no text: left out" : "no text: left out"});
    return true;
  });
}

}  // namespace

void sort_hugo_posts(std::vector<Post>& posts, const fs::path& content_dir, Options::Sort sort, Diagnostics& diag,
                     const std::string& site_title) {
  drop_empty(posts, content_dir, diag);
  std::vector<Place> places;
  std::map<std::string, Key> section_keys;  // a section's key is its _index.md's
  for (auto& post : posts) {
    places.push_back(place_of(post, content_dir));
    if (places.back().opener && post.title.empty())  // the home page's title is the site's
      post.title = places.back().sections.empty()
                       ? site_title
                       : section_title(fs::path(places.back().sections.back()).filename().string());
    if (places.back().opener && !places.back().sections.empty())
      section_keys[places.back().sections.back()] = key_of(post);
  }
  auto section_key = [&](const std::string& path) {
    auto it = section_keys.find(path);
    return it != section_keys.end() ? it->second : Key{0, std::nullopt, path.substr(path.rfind('/') + 1), path};
  };
  std::vector<size_t> order(posts.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Place &pa = places[a], &pb = places[b];
    size_t i = 0;
    while (i < pa.sections.size() && i < pb.sections.size() && pa.sections[i] == pb.sections[i]) ++i;
    const bool a_here = i == pa.sections.size(), b_here = i == pb.sections.size();  // a page at this level
    if (a_here && pa.opener) return !(b_here && pb.opener);                         // the section's own page opens it
    if (b_here && pb.opener) return false;
    Key ka = a_here ? key_of(posts[a]) : section_key(pa.sections[i]);
    Key kb = b_here ? key_of(posts[b]) : section_key(pb.sections[i]);
    return before(ka, kb, sort);
  });
  std::vector<Post> sorted;
  sorted.reserve(posts.size());
  for (size_t i : order) {
    int depth = 0;  // nested under each section above it whose own page is in the book
    const Place& p = places[i];
    for (size_t s = 0; s < p.sections.size(); ++s)
      if (section_keys.count(p.sections[s]) && !(p.opener && s + 1 == p.sections.size())) ++depth;
    posts[i].nesting = depth;
    sorted.push_back(std::move(posts[i]));
  }
  posts = std::move(sorted);
}

}  // namespace mkepub
