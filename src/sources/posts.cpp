// Posts: parsed, drafts left out, template tags expanded, ordered.
#include "sources/posts.h"

#include <algorithm>
#include <map>
#include <optional>

#include "base/dates.h"
#include "base/parallel.h"
#include "dialects/dialect.h"
#include "dialects/obsidian/vault.h"
#include "dialects/tags/tags.h"
#include "sources/frontmatter.h"
#include "sources/load.h"

namespace mkepub {

std::vector<Post> parse_posts(std::vector<SourceFile> sources, bool keep_going, Diagnostics& diag,
                              bool keep_drafts, PostMemo* memo, int jobs) {
  std::vector<const Post*> known(sources.size(), nullptr);
  if (memo)
    for (size_t i = 0; i < sources.size(); ++i)
      if (auto it = memo->parsed.find(sources[i].file); it != memo->parsed.end()) known[i] = &it->second;
  // The posts not parsed before, in parallel; messages are ordered by file when reported.
  std::vector<std::optional<Post>> parsed(sources.size());
  parallel_for(sources.size(), jobs, [&](size_t i) {
    if (known[i]) return;
    try {
      const Dialect& dialect = sources[i].dialect ? *sources[i].dialect : plain_dialect;
      parsed[i] = dialect.parse_post(std::move(sources[i]), diag);  // its text becomes the body
    } catch (const InputError& e) {
      diag.post_error(e.where, keep_going);
    }
  });
  std::vector<Post> posts;
  for (size_t i = 0; i < sources.size(); ++i) {
    const SourceFile& source = sources[i];
    if (!known[i] && !parsed[i]) continue;  // broken
    Post post;
    if (known[i]) {  // where this book found it
      ++memo->reused;
      post = *known[i];
      post.display = source.display;
      post.root = source.root;
      post.nesting = source.nesting;
      post.part = source.part;
      post.summary_title = source.summary_title;
    } else {
      post = std::move(*parsed[i]);
      if (memo) memo->parsed.emplace(post.file, post);
    }
    if (post.draft && !keep_drafts) diag.note({post.display, 0, 0, "draft left out"});
    else if (!post.left_out.empty()) diag.note({post.display, 0, 0, post.left_out + ": left out"});
    else posts.push_back(std::move(post));
  }
  return posts;
}

void sort_posts(std::vector<Post>& posts, Options::Sort sort) {
  std::stable_sort(posts.begin(), posts.end(), [sort](const Post& a, const Post& b) {
    if (sort == Options::Sort::date && a.date.has_value() != b.date.has_value()) return a.date.has_value();
    if (sort == Options::Sort::date && a.date && to_epoch(*a.date) != to_epoch(*b.date))
      return to_epoch(*a.date) < to_epoch(*b.date);
    return a.display < b.display;
  });
}

namespace {

// A link target for Markdown: the path relative to `from`'s folder, with what Markdown links cannot hold escaped.
std::string markdown_target(const fs::path& file, const fs::path& from_dir) {
  std::string rel = file.lexically_relative(from_dir).generic_string();
  std::string out;
  for (char c : rel) {
    if (c == ' ') out += "%20";
    else if (c == '(') out += "%28";
    else if (c == ')') out += "%29";
    else out += c;
  }
  return out;
}

std::string stem_without_date(const fs::path& file) {
  std::string stem = file.stem().string();
  return date_from_file_name(stem) ? stem.substr(11) : stem;
}

// What a template may ask of the post itself, Jekyll's `page` (https://jekyllrb.com/docs/variables/#page-variables):
// lists are numbered items, as the site config's are.
std::map<std::string, std::string> page_variables(const Post& post) {
  std::map<std::string, std::string> v;
  auto put = [&](const std::string& key, const std::string& value) {
    if (!value.empty()) v[key] = value;
  };
  auto put_list = [&](const std::string& key, const std::vector<std::string>& items) {
    for (size_t i = 0; i < items.size(); ++i) v[key + "." + std::to_string(i)] = items[i];
  };
  put("title", post.title);
  put("description", post.description);
  put("excerpt", post.description);
  if (post.date) put("date", format_day(*post.date));
  if (post.updated) put("last_modified_at", format_day(*post.updated));
  if (!post.authors.empty()) put("author", post.authors[0]);
  put("lang", post.language);
  put_list("tags", post.tags);
  put_list("categories", post.categories);
  put("path", post.file.filename().string());
  return v;
}

}  // namespace

std::vector<Post> filter_posts(std::vector<Post> posts, const Filters& f) {
  auto any_of = [](const std::vector<std::string>& have, const std::vector<std::string>& want) {
    for (const auto& w : want)
      if (std::find(have.begin(), have.end(), w) != have.end()) return true;
    return false;
  };
  std::vector<Post> out;
  for (auto& p : posts) {
    if (!f.tags.empty() && !any_of(p.tags, f.tags)) continue;
    if (!f.categories.empty() && !any_of(p.categories, f.categories)) continue;
    // Dates compare by day: `to: 2019-12-31` takes the whole of that day.
    if (f.from && (!p.date || format_day(*p.date) < format_day(*f.from))) continue;
    if (f.to && (!p.date || format_day(*p.date) > format_day(*f.to))) continue;
    out.push_back(std::move(p));
  }
  return out;
}

PostTagExpander::PostTagExpander(const std::vector<Post>& posts, const std::optional<Site>& site, ReadInclude read)
    : site_(site), read_(std::move(read)) {
  // Hexo's post_link names a post by its file name (with or without the date prefix) or its title.
  for (const auto& p : posts) {
    by_slug_.emplace(p.file.stem().string(), &p);
    by_slug_.emplace(stem_without_date(p.file), &p);
    if (!p.title.empty()) by_slug_.emplace(p.title, &p);
  }
  if (site && !site->files.empty()) {
    std::map<fs::path, std::vector<std::string>> aliases;
    for (const auto& p : posts)
      if (!p.aliases.empty()) aliases.emplace(p.file.lexically_relative(site->source_dir), p.aliases);
    vault_ = std::make_shared<const Vault>(site->files, aliases);
  }
}

std::string PostTagExpander::expand(const Post& post, Diagnostics& diag) const {
  TagContext context;
  context.display = post.display;
  context.first_line = post.body_line;
  fs::path dir = post.file.parent_path();
  context.post_href = [this, dir](const std::string& slug) -> std::optional<std::string> {
    auto it = by_slug_.find(slug);
    if (it == by_slug_.end()) return std::nullopt;
    return markdown_target(it->second->file, dir);
  };
  if (site_)
    context.post_site_path = [this](const std::string& slug) -> std::optional<std::string> {
      auto it = by_slug_.find(slug);
      if (it == by_slug_.end()) return std::nullopt;
      return "/" + markdown_target(it->second->file, site_->source_dir);
    };
  context.post_title = [this](const std::string& slug) -> std::optional<std::string> {
    auto it = by_slug_.find(slug);
    if (it == by_slug_.end() || it->second->title.empty()) return std::nullopt;
    return it->second->title;
  };
  if (site_) context.site_variables = site_->config.variables;
  context.page_variables = page_variables(post);
  if (vault_) {
    context.vault = vault_.get();
    context.vault_path = post.file.lexically_relative(site_->source_dir);
  }
  // Site-root includes ("/_common/x.md", Hugo) start at the site's source folder.
  fs::path site_root = site_ ? site_->source_dir : dir;
  context.read_include = [this, dir, site_root](const std::string& path) -> std::optional<std::string> {
    auto bytes = !path.empty() && path[0] == '/' ? read_(site_root / path.substr(1)) : read_(dir / path);
    // Hugo finds a page by a path relative to the page's section, then to the content folder (GetPage).
    if (!bytes && !path.empty() && path[0] != '/' && site_ && site_->dialect->order == Dialect::Order::sections)
      bytes = read_(site_root / path);
    if (!bytes) return std::nullopt;
    try {
      return decode_text(std::move(*bytes), path);
    } catch (const InputError&) {
      return std::nullopt;
    }
  };
  return (site_ ? site_->dialect->expand_tags : expand_tags)(post.body, context, diag);
}

void expand_post_tags(std::vector<Post>& posts, const std::optional<Site>& site, const ReadInclude& read,
                      Diagnostics& diag) {
  PostTagExpander expander(posts, site, read);
  for (auto& post : posts) post.body = expander.expand(post, diag);
}

}  // namespace mkepub
