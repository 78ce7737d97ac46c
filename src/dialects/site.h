// Dialects: what kind of folder the user gave (a Hexo or Jekyll site, an mdBook/GitBook book, or plain posts) and
// what its configuration says, as values; each kind is a Dialect (dialect.h) in its own folder.
#pragma once

#include <map>

#include "base/book.h"
#include "base/diagnostics.h"

namespace mkepub {

struct Dialect;
extern const Dialect plain_dialect;

// One line of a SUMMARY.md: a chapter (file set) or a part title (file empty), with its nesting depth (0 = top).
struct SummaryEntry {
  fs::path file;  // absolute (folder / link), empty for part titles and draft chapters `[Title]()`
  std::string title;
  int depth = 0;
  enum class Kind { prefix, numbered, suffix, part } kind = Kind::numbered;
  std::string target;        // the link as written ("../intro.md"), for messages
  int line = 0, column = 0;  // where that link is in SUMMARY.md; 0 for entries without one
};

// A site's _config.yml: the keys mkepub uses, and every scalar flattened for `{{ site.x }}` ("a.b" for nesting).
struct SiteConfig {
  std::string title, subtitle, author, language, description, permalink, new_post_name;
  // Each author in order (book.toml's `authors`, a YAML list); `author` joins them with ", ". Kept apart because
  // names may hold commas ("Chris Krycho, with contributions from ...") and each becomes its own dc:creator.
  std::vector<std::string> authors;
  bool post_asset_folder = false;
  std::vector<std::string> collections;  // Jekyll: collection names (`_docs/` for `docs`)
  std::map<std::string, std::string> variables;
};

struct Site {
  const Dialect* dialect = &plain_dialect;  // what made it (dialect.h): how its posts are listed, read, linked
  fs::path root;                 // the folder the user gave
  fs::path source_dir;           // where site-root paths ("/images/x.png") resolve
  std::vector<fs::path> post_dirs;  // where posts are searched (recursively)
  std::vector<fs::path> static_dirs;  // files the site serves from its root (Hugo's static/): images looked up there
  std::vector<SummaryEntry> summary;  // Dialect::Order::summary: the chapters in order
  std::vector<fs::path> files;        // an Obsidian vault's files, relative to source_dir: what wikilinks may name
  SiteConfig config;
};

// Reads `folder` to tell its kind, trying each dialect in the registry's order (registry.cpp): `_config.yml` +
// `source/_posts/` is Hexo, `_config.yml` + `_posts/` (or a collection folder) is Jekyll, a `SUMMARY.md` (also in
// `src/`) is a book, `.obsidian/` (or quartz.config.ts beside `content/`, or notes linking by wikilinks) a vault,
// anything else a folder of posts. Problems in the config files or SUMMARY.md are reported to
// `diag` with path:line:col.
Site detect_site(const fs::path& folder, const std::string& display, Diagnostics& diag);

// _config.yml (Hexo's, Jekyll's, or a plain folder's), a string in, values out; `display` names the file in
// messages. Values of the wrong kind are warnings; invalid YAML is an error.
SiteConfig parse_site_config(const std::string& yaml, const std::string& display, Diagnostics& diag);
// The same as Hexo reads it: lines indented with hard tabs are read as two spaces a tab (escape_yaml_tabs).
SiteConfig parse_hexo_site_config(const std::string& yaml, const std::string& display, Diagnostics& diag);

}  // namespace mkepub
