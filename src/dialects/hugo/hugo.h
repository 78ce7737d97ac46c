// Dialects: Hugo (https://gohugo.io/), the pure parts, for tests: strings in, values out.
#pragma once

#include "dialects/site.h"

namespace mkepub {

// One of a Hugo site's config files: its name ("hugo.toml", "params.yaml", "languages.en.toml") and text.
struct HugoConfigFile {
  std::string name, display, text;
};

// The files merged as Hugo merges them (https://gohugo.io/configuration/introduction/): a root `hugo.*` or
// `config.*` file, then config/_default/'s files, each under its name's key (`params.toml` is `params`,
// `menus.en.toml` is `languages.en.menus`); keys are case-insensitive. Read: title, authors (`params.author`,
// `author`, `params.authors`; a name or a map with `name`), the language (`languageCode`, `locale`, else
// `defaultContentLanguage`, each also from that language's `languages.X`), description, `baseURL` (as `url`),
// `contentDir` (variables["contentDir"]) and `permalinks` (encoded in SiteConfig::permalink for hugo_post_url).
// Invalid files are errors at their line and column.
SiteConfig read_hugo_config(const std::vector<HugoConfigFile>& files, Diagnostics& diag);

// A page's URL (https://gohugo.io/content-management/urls/): its `url`, else its section's permalink pattern
// (:year :month :day :section :sections :title :slug :filename :contentbasename :slugorfilename
// :slugorcontentbasename), else its path under the content folder with `slug` for its last part.
std::string hugo_post_url(const std::string& permalinks, const Post& post, const fs::path& content_dir);

// Hugo's default order (https://gohugo.io/quick-reference/glossary/#default-sort-order) within each section:
// weight (weighted first, lower first), then date (`sort`: mkepub's oldest first, or by name), then title, then
// path; a section's `_index.md` opens it and the section takes its place by that page's own weight, date and
// title. Each post's `nesting` becomes its depth in the sections; a section's `_index.md` without a title gets its
// folder's name, title-cased, and the home page's the site's title, as Hugo gives them. Pages without text are left out
// with a note (the home page's
// `_index.md` among them), except sections' `_index.md`, which open their sections.
void sort_hugo_posts(std::vector<Post>& posts, const fs::path& content_dir, Options::Sort sort, Diagnostics& diag,
                     const std::string& site_title = "");

}  // namespace mkepub
