// Dialects, the registry (registry.cpp): detect_site tries each dialect in order, reading each config file once.
#include <doctest/doctest.h>

#include "dialects/dialect.h"
#include "site_support.h"

using namespace mkepub;
using namespace mkepub::testing;

TEST_CASE("detect_site: invalid YAML in _config.yml is an error naming the file") {
  TempDir t;
  t.write("_config.yml", "title: Blog\nauthor: [Ann\n");
  t.mkdir("source/_posts");
  Diagnostics diag;
  Site site = detect_site(t.path, "blog", diag);
  CHECK(formatted(diag.errors(), "error") ==
        "blog/_config.yml:3:1: error: invalid YAML in _config.yml: end of sequence flow not found\n");
  CHECK(site.dialect == &hexo_dialect);  // the folders still tell the kind; the run fails on the error
  CHECK(site.config.title == "");
}

TEST_CASE("registry: Hexo, Jekyll, GitBook, mdBook, Hugo, Docusaurus, VitePress, Obsidian, then plain, each table complete") {
  Strings names;
  for (const Dialect* d : all_dialects()) {
    names.push_back(d->name);
    CHECK(((d->read_config || !d->config_file) && d->detect && d->parse_post && d->expand_tags && d->post_url));
  }
  CHECK(names == Strings{"hexo", "jekyll", "gitbook", "mdbook", "hugo", "docusaurus", "vitepress", "obsidian", "plain"});
}

TEST_CASE("registry: the first dialect that recognises the folder wins") {
  TempDir t;
  t.write("_config.yml", "title: Both\n");
  t.mkdir("source/_posts");
  t.mkdir("_posts");
  t.write("SUMMARY.md", "- [One](one.md)\n");
  Diagnostics diag;
  CHECK(detect_site(t.path, "site", diag).dialect == &hexo_dialect);
  fs::remove_all(t.path / "source");
  CHECK(detect_site(t.path, "site", diag).dialect == &jekyll_dialect);
  fs::remove_all(t.path / "_posts");
  CHECK(detect_site(t.path, "site", diag).dialect == &mdbook_dialect);
  fs::remove(t.path / "SUMMARY.md");
  CHECK(detect_site(t.path, "site", diag).dialect == &plain_dialect);
  CHECK(formatted(diag.errors(), "error") == "");
}

TEST_CASE("registry: a config file several dialects name is read once, its problems reported once") {
  TempDir t;
  t.write("_config.yml", "title: [Blog\n");
  t.write("post.md", "---\ntitle: A\n---\n");
  Diagnostics diag;
  Site site = detect_site(t.path, "blog", diag);  // Hexo, Jekyll and plain each look at it
  CHECK(site.dialect == &plain_dialect);
  CHECK(formatted(diag.errors(), "error") ==
        "blog/_config.yml:2:1: error: invalid YAML in _config.yml: end of sequence flow not found\n");
}

TEST_CASE("registry: a dialect without its own config file keeps the one read before it") {
  // A GitBook published with GitHub Pages: the _config.yml gives the title.
  TempDir gitbook;
  gitbook.write("_config.yml", "title: Pages\n");
  gitbook.write("SUMMARY.md", "- [One](one.md)\n");
  Diagnostics diag;
  Site site = detect_site(gitbook.path, "book", diag);
  CHECK(site.dialect == &mdbook_dialect);
  CHECK(site.config.title == "Pages");
  // With a book.toml, the book's own config wins.
  gitbook.write("book.toml", "[book]\ntitle = \"Book\"\nsrc = \".\"\n");
  CHECK(detect_site(gitbook.path, "book", diag).config.title == "Book");
  // Not a book after all: a plain folder, with its _config.yml.
  fs::remove(gitbook.path / "SUMMARY.md");
  site = detect_site(gitbook.path, "book", diag);
  CHECK(site.dialect == &plain_dialect);
  CHECK(site.config.title == "Pages");
  CHECK(formatted(diag.errors(), "error") == "");
}

TEST_CASE("dialects: typographic punctuation is on where the generator's renderer has it on, as its config says") {
  auto smart = [](const Dialect& d, std::map<std::string, std::string> variables) {
    SiteConfig config;
    config.variables = std::move(variables);
    return d.markdown && d.markdown(config).smart_punctuation;
  };
  CHECK(smart(hugo_dialect, {}));  // Goldmark's typographer
  CHECK_FALSE(smart(hugo_dialect, {{"markup.goldmark.extensions.typographer.disable", "true"}}));
  CHECK_FALSE(smart(hugo_dialect, {{"markup.goldmark.extensions.typographer", "false"}}));
  CHECK(smart(hexo_dialect, {}));  // hexo-renderer-marked's smartypants
  CHECK_FALSE(smart(hexo_dialect, {{"marked.smartypants", "false"}}));
  CHECK(smart(jekyll_dialect, {}));  // kramdown
  CHECK(smart(jekyll_dialect, {{"markdown", "Kramdown"}}));
  CHECK_FALSE(smart(jekyll_dialect, {{"markdown", "CommonMarkGhPages"}}));
  CHECK_FALSE(smart(mdbook_dialect, {}));
  CHECK(smart(mdbook_dialect, {{"output.html.smart-punctuation", "true"}}));
  for (const Dialect* d : {&gitbook_dialect, &docusaurus_dialect, &vitepress_dialect, &obsidian_dialect, &plain_dialect})
    CHECK_FALSE(smart(*d, {}));
}

TEST_CASE("dialects: Hexo's renderers break lines where the source does, as their `breaks` option says") {
  auto breaks = [](std::map<std::string, std::string> variables) {
    SiteConfig config;
    config.variables = std::move(variables);
    return hexo_dialect.markdown(config).hard_breaks;
  };
  CHECK(breaks({}));  // hexo-renderer-marked
  CHECK_FALSE(breaks({{"marked.breaks", "false"}}));
  CHECK(breaks({{"markdown.render.html", "true"}}));  // hexo-renderer-markdown-it
  CHECK_FALSE(breaks({{"markdown.render.breaks", "false"}, {"marked.breaks", "true"}}));
  SiteConfig it;
  it.variables = {{"markdown.render.typographer", "false"}};
  CHECK_FALSE(hexo_dialect.markdown(it).smart_punctuation);
  for (const Dialect* d : {&jekyll_dialect, &hugo_dialect, &mdbook_dialect})
    CHECK_FALSE(d->markdown(SiteConfig{}).hard_breaks);
}

TEST_CASE("dialects: code lines are numbered by default where the generator's config says so") {
  auto markdown = [](const Dialect& d, std::map<std::string, std::string> variables) {
    SiteConfig config;
    config.variables = std::move(variables);
    return d.markdown ? d.markdown(config) : MarkdownDialect{};
  };
  // Hexo: highlight.js's `line_number`, true in Hexo's own defaults; prismjs's when it is on; none when off.
  CHECK(markdown(hexo_dialect, {}).line_numbers);
  CHECK_FALSE(markdown(hexo_dialect, {{"highlight.line_number", "false"}}).line_numbers);
  CHECK_FALSE(markdown(hexo_dialect, {{"highlight.enable", "false"}}).line_numbers);
  CHECK_FALSE(markdown(hexo_dialect, {{"prismjs.enable", "true"}, {"prismjs.line_number", "false"}}).line_numbers);
  CHECK_FALSE(
      markdown(hexo_dialect, {{"syntax_highlighter", "prismjs"}, {"prismjs.line_number", "false"}}).line_numbers);
  CHECK_FALSE(markdown(hexo_dialect, {{"syntax_highlighter", "shiki"}}).line_numbers);
  CHECK(markdown(hexo_dialect, {{"highlight.line_threshold", "3"}}).line_threshold == 3);
  // Hugo: markup.highlight.lineNos (keys read lower-cased) and lineNoStart.
  CHECK_FALSE(markdown(hugo_dialect, {}).line_numbers);
  auto hugo = markdown(hugo_dialect, {{"markup.highlight.linenos", "true"}, {"markup.highlight.linenostart", "5"}});
  CHECK(hugo.line_numbers);
  CHECK(hugo.line_start == 5);
  CHECK_FALSE(markdown(hugo_dialect, {{"markup.highlight.linenos", "false"}}).line_numbers);
  CHECK(markdown(hugo_dialect, {{"pygmentsoptions", "linenos=table"}}).line_numbers);  // before markup.highlight
  CHECK_FALSE(markdown(hugo_dialect, {{"pygmentsoptions", "linenos=table"}, {"markup.highlight.linenos", "false"}})
                  .line_numbers);
  // Jekyll: kramdown's Rouge options, for blocks or for all code.
  CHECK_FALSE(markdown(jekyll_dialect, {}).line_numbers);
  auto kramdown = markdown(jekyll_dialect, {{"kramdown.syntax_highlighter_opts.block.line_numbers", "true"},
                                            {"kramdown.syntax_highlighter_opts.start_line", "7"}});
  CHECK(kramdown.line_numbers);
  CHECK(kramdown.line_start == 7);
  CHECK_FALSE(markdown(jekyll_dialect,
                       {{"markdown", "CommonMarkGhPages"}, {"kramdown.syntax_highlighter_opts.line_numbers", "true"}})
                  .line_numbers);
  // VitePress: markdown.lineNumbers; Docusaurus has none, but its magic comments mark lines.
  CHECK(markdown(vitepress_dialect, {{"markdown.lineNumbers", "true"}}).line_numbers);
  CHECK_FALSE(markdown(vitepress_dialect, {}).line_numbers);
  CHECK(markdown(docusaurus_dialect, {}).magic_comments);
  for (const Dialect* d : {&gitbook_dialect, &mdbook_dialect, &obsidian_dialect, &plain_dialect, &hexo_dialect})
    CHECK_FALSE(markdown(*d, {}).magic_comments);
}
