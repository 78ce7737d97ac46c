// Dialects: mdBook (https://rust-lang.github.io/mdBook/format/) and GitBook: a SUMMARY.md that lists the chapters
// in order (in `src/`, which book.toml's `[book] src` may rename, or at the root), and book.toml for the title,
// authors and language. Only the chapters it lists are read.
#include "dialects/mdbook/mdbook.h"

#include "book/post_index.h"
#include "dialects/dialect.h"
#include "dialects/mdbook/hidden_lines.h"
#include "dialects/tags/tags.h"
#include "sources/frontmatter.h"

namespace mkepub {
namespace {

bool detect_mdbook(Site& site, const std::string& display, Diagnostics& diag) {
  std::vector<fs::path> dirs;
  // site.config is book.toml's when there is one (else what a _config.yml before it said).
  if (is_file(site.root / "book.toml")) dirs.push_back(inside(site.root, config_value(site.config, "book.src"), "src"));
  dirs.push_back(site.root);
  dirs.push_back(site.root / "src");
  for (const auto& dir : dirs) {
    // One symlinked from outside is no SUMMARY: the folder's posts are searched, which warns of it.
    if (!is_file(dir / "SUMMARY.md") || !is_inside_site(site.root, dir / "SUMMARY.md")) continue;
    auto relative = (dir / "SUMMARY.md").lexically_relative(site.root);
    auto text = read_site_file(dir / "SUMMARY.md", site.root, display_of(display, relative), diag);
    site.source_dir = dir;
    site.post_dirs.clear();  // the chapters are the summary's, in its order; nothing is searched
    if (text) site.summary = parse_summary(*text, dir);
    if (text && site.config.title.empty()) site.config.title = summary_book_title(*text);
    return true;
  }
  return false;
}

// mdBook's preprocessing: the shared tags (its `{{#include}}`s among them), then the code lines it hides.
std::string expand_mdbook_tags(const std::string& markdown, const TagContext& context, Diagnostics& diag) {
  return remove_hidden_lines(expand_tags(markdown, context, diag), hidden_line_prefixes(context.site_variables));
}

}  // namespace

const Dialect mdbook_dialect = {
    .name = "mdbook",
    .config_file = "book.toml",
    .read_config = parse_book_toml,
    .detect = detect_mdbook,
    .order = Dialect::Order::summary,
    .parse_post = parse_post,
    // Off unless book.toml asks: `output.html.smart-punctuation` (formerly `curly-quotes`).
    .markdown =
        [](const SiteConfig& c) {
          return MarkdownDialect{.smart_punctuation = config_value(c, "output.html.smart-punctuation") == "true" ||
                                                      config_value(c, "output.html.curly-quotes") == "true"};
        },
    .expand_tags = expand_mdbook_tags,
    .post_url = expand_permalink,
};

}  // namespace mkepub
