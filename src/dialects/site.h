// Sources: what kind of folder the user gave (a Hexo or Jekyll site, an mdBook/GitBook book, or plain posts),
// and what its configuration says. Reads _config.yml and SUMMARY.md; yaml-cpp for the config lives here.
#pragma once

#include <map>

#include "base/book.h"
#include "base/diagnostics.h"

namespace mkepub {

// One line of a SUMMARY.md: a chapter (file set) or a part title (file empty), with its nesting depth (0 = top).
struct SummaryEntry {
  fs::path file;  // absolute (folder / link), empty for part titles and draft chapters `[Title]()`
  std::string title;
  int depth = 0;
  enum class Kind { prefix, numbered, suffix, part } kind = Kind::numbered;
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
  enum class Kind { folder, hexo, jekyll, book } kind = Kind::folder;
  fs::path root;                 // the folder the user gave
  fs::path source_dir;           // where site-root paths ("/images/x.png") resolve
  std::vector<fs::path> post_dirs;  // where posts are searched (recursively)
  std::vector<SummaryEntry> summary;  // Kind::book: the chapters in order
  SiteConfig config;
};

// Reads `folder` to tell its kind: `_config.yml` + `source/_posts/` is Hexo, `_config.yml` + `_posts/` (or a
// collection folder) is Jekyll, a `SUMMARY.md` (also in `src/`) is a book, anything else a folder of posts.
// Problems in _config.yml or SUMMARY.md are reported to `diag` with path:line:col.
Site detect_site(const fs::path& folder, const std::string& display, Diagnostics& diag);

// The pure parts, for tests: strings in, values out. `display` names the file in messages.
SiteConfig parse_site_config(const std::string& yaml, const std::string& display, Diagnostics& diag);
std::vector<SummaryEntry> parse_summary(const std::string& markdown, const fs::path& dir);
// mdBook's book.toml: [book] title, authors, language, description; every string value also in `variables`
// under its dotted key ("book.src" names the chapters' folder). Invalid TOML is a warning at its line and
// column, and the file's values are ignored.
SiteConfig parse_book_toml(const std::string& toml, const std::string& display, Diagnostics& diag);

}  // namespace mkepub
