// Dialects: what one site generator (Hexo, Jekyll, mdBook/GitBook, or none: a plain folder) means by its folder,
// as a table of functions, one per folder under dialects/. registry.cpp lists them in the order detect_site tries
// them; CONTRIBUTING.md says how to add one.
#pragma once

#include <span>
#include <string>

#include "base/book.h"
#include "base/diagnostics.h"
#include "base/markdown_dialect.h"

namespace mkepub {

struct Site;
struct SiteConfig;
struct TagContext;

struct Dialect {
  const char* name;  // "hexo", "jekyll", "gitbook", "mdbook", "hugo", "docusaurus", "vitepress", "obsidian" (Quartz too), "plain"

  // Config: the file at the site's root that gives its title, authors, language, base URL (`url`) and permalink
  // pattern, read into Site::config before detect(). Dialects naming the same file share its reader, and it is
  // read once; a dialect whose file is absent keeps the config read before it.
  const char* config_file;  // "_config.yml", "book.toml"; nullptr: none, or detect() reads its own (Hugo)
  SiteConfig (*read_config)(const std::string& text, const std::string& display, Diagnostics& diag);

  // Detection: whether `site.root` is this generator's site, given `site.config`. When it is, sets where the
  // posts are (post_dirs, or the chapters of `summary`) and where site-root paths resolve (source_dir); when not,
  // changes nothing. `display` names the folder in messages (problems in files it reads, such as SUMMARY.md).
  bool (*detect)(Site& site, const std::string& display, Diagnostics& diag);

  // Listing: how its posts are ordered. `sorted`: every post file under post_dirs, by date (or name, --sort);
  // `summary`: the chapters of Site::summary in its order, and no others; `sections`: Hugo's section tree, each
  // section's pages by weight, then date (sort_hugo_posts, dialects/hugo/hugo.h); `collections`: Jekyll's posts,
  // then each collection in its config's order, sorted as Jekyll sorts it (sort_jekyll_posts, dialects/jekyll/jekyll.h).
  enum class Order { sorted, summary, sections, collections } order;

  // Front matter: a post file's metadata and its Markdown body (YAML `---`, TOML `+++` or JSON: parse_post;
  // Hexo's own rules: parse_hexo_post; sources/frontmatter.h).
  Post (*parse_post)(SourceFile source, Diagnostics& diag);

  // Markdown: what the generator's renderer does beyond CommonMark + GFM (typographic punctuation, line breaks:
  // base/markdown_dialect.h), by its defaults and the site's config; nullptr: nothing.
  MarkdownDialect (*markdown)(const SiteConfig& config);

  // Template tags and Markdown extensions, expanded before the Markdown stage (today one expander knows every
  // generator's tags and runs for every site: expand_tags, dialects/tags/tags.h).
  std::string (*expand_tags)(const std::string& markdown, const TagContext& context, Diagnostics& diag);

  // URLs: a post's URL under the site's permalink pattern, so that links written as published URLs find their
  // chapter (Hexo's and Jekyll's patterns: expand_permalink, book/post_index.h).
  std::string (*post_url)(const std::string& permalink, const Post& post, const fs::path& posts_dir);
};

// Each defined in its folder (dialects/hexo/hexo.cpp ...). Plain, a folder of posts, is the fallback and the
// dialect of posts given as files.
extern const Dialect hexo_dialect, jekyll_dialect, gitbook_dialect, mdbook_dialect, hugo_dialect,
    docusaurus_dialect, vitepress_dialect, obsidian_dialect, plain_dialect;

// Every dialect, in the order detect_site tries them (registry.cpp).
std::span<const Dialect* const> all_dialects();

// ---- What the dialects share to look at a site (registry.cpp).

bool is_dir(const fs::path& p);
bool is_file(const fs::path& p);
// `display` (the folder as the user wrote it) joined with a path inside it, for messages.
std::string display_of(const std::string& display, const fs::path& relative);
// Whether `file`, symlinks followed, is inside the site's folder `root`.
bool is_inside_site(const fs::path& root, const fs::path& file);
// A file's text (UTF-8, LF); a problem reading or decoding it is an error in `diag`, and nothing is returned. Only
// a file inside the site's folder `root` is read: one symlinked from elsewhere gives a warning, and nothing.
std::optional<std::string> read_site_file(const fs::path& file, const fs::path& root, const std::string& display,
                                          Diagnostics& diag);
// Whether a folder the configuration names, relative to the site, is absolute or climbs out of it with `..`.
bool climbs_out(const fs::path& relative);
// A folder named by the configuration, kept inside the site: an absolute or `..` path gives `fallback`.
fs::path inside(const fs::path& root, const std::string& relative, const std::string& fallback);
// A site's `url` (Hugo's `baseURL`, Docusaurus's `url`) goes into hrefs, where the site-root links to pages not in
// the book lead: only an http or https one is kept, the rule for posts' links (`javascript:alert(1)` would run in
// a reader). Another is dropped from `config` with a warning at the value's first place in `text`, the config file
// `display`, named there `key`.
void keep_http_url(SiteConfig& config, const std::string& key, const std::string& text, const std::string& display,
                   Diagnostics& diag);
// A config value by its dotted key ("book.src"), or "".
std::string config_value(const SiteConfig& config, const std::string& key);

}  // namespace mkepub
