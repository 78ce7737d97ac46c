// Template tags in posts: Hexo tag plugins, Jekyll/Liquid, Hugo shortcodes and mdBook includes, expanded into
// Markdown/HTML before the Markdown stage. Nothing inside code spans or fenced code is expanded.
#pragma once

#include <functional>
#include <map>
#include <optional>

#include "base/book.h"
#include "base/diagnostics.h"

namespace mkepub {

class Vault;

struct TagContext {
  std::string display;  // the post, for messages
  int first_line = 1;   // line of the post file where the Markdown starts
  // post_link/post_path: a post's slug (its file name without extension, or its title) -> a link target that
  // the links stage resolves to that post's chapter (the post file's path relative to this post's folder).
  std::function<std::optional<std::string>(const std::string& slug)> post_href;
  // ... or a site path to its file ("/_posts/2020-01-02-x.md"), which stays right after `{{ site.url }}`.
  std::function<std::optional<std::string>(const std::string& slug)> post_site_path;
  // ... and that post's title: post_link's text when the tag gives none, as Hexo does.
  std::function<std::optional<std::string>(const std::string& slug)> post_title;
  // `{{ site.x }}` values from _config.yml.
  std::map<std::string, std::string> site_variables;
  // `{{ page.x }}`: the post's front matter as mkepub keeps it (title, date, description, author, tags...).
  std::map<std::string, std::string> page_variables;
  // `{{#include file}}` (mdBook), `{% include file %}` (Jekyll): the file's text, read by the loader,
  // relative to the post's folder; nullopt when it does not exist or lies outside the input.
  std::function<std::optional<std::string>(const std::string& path)> read_include;
  // Obsidian: the vault wikilinks resolve in, and the post's path in it (read_include("/x") reads the vault's x).
  const Vault* vault = nullptr;
  fs::path vault_path;
};

// The Markdown with every tag expanded. Unknown tags keep their inner text without the tag syntax, with one
// warning per tag name and post. Line count is kept where possible so later messages point at the right line.
std::string expand_tags(const std::string& markdown, const TagContext& context, Diagnostics& diag);

}  // namespace mkepub
