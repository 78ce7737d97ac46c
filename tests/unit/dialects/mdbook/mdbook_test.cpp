// Dialects, mdBook and GitBook (mdbook.cpp): books detected in folders made here (and removed again).
#include <doctest/doctest.h>

#include "../site_support.h"
#include "dialects/dialect.h"

using namespace mkepub;
using namespace mkepub::testing;

TEST_CASE("mdbook: an mdBook book with book.toml and src/SUMMARY.md") {
  TempDir t;
  t.write("book.toml", "[book]\ntitle = \"Demo\"\nauthors = [\"Ann\", \"Bob\"]\nlanguage = \"zh-CN\"\n");
  t.write("src/SUMMARY.md", "# Summary\n\n[Intro](intro.md)\n\n- [One](one.md)\n  - [One a](one/a.md)\n");
  Diagnostics diag;
  Site site = detect_site(t.path, "demo", diag);
  CHECK(formatted(diag.errors(), "error") == "");
  CHECK(site.dialect == &mdbook_dialect);
  CHECK(site.root == t.path);
  CHECK(site.source_dir == t.path / "src");
  CHECK(site.post_dirs.empty());
  CHECK(outline(site.summary, t.path) ==
        Strings{"P Intro -> src/intro.md", "N One -> src/one.md", "N   One a -> src/one/a.md"});
  CHECK(site.config.title == "Demo");
  CHECK(site.config.authors == Strings{"Ann", "Bob"});
  CHECK(site.config.author == "Ann, Bob");
  CHECK(site.config.language == "zh-CN");
}

TEST_CASE("mdbook: book.toml's src names the chapters' folder, never one outside the book") {
  TempDir t;
  t.write("book.toml", "[book]\nsrc = \"text\"\n");
  t.write("text/SUMMARY.md", "- [One](one.md)\n");
  t.write("src/SUMMARY.md", "- [Other](other.md)\n");
  Diagnostics diag;
  Site site = detect_site(t.path, "demo", diag);
  CHECK(site.source_dir == t.path / "text");
  CHECK(outline(site.summary, t.path) == Strings{"N One -> text/one.md"});

  TempDir outside;
  outside.write("book.toml", "[book]\nsrc = \"../elsewhere\"\n");
  outside.write("src/SUMMARY.md", "- [One](one.md)\n");
  Site kept = detect_site(outside.path, "demo", diag);
  CHECK(kept.source_dir == outside.path / "src");

  TempDir here;
  here.write("book.toml", "[book]\nsrc = \".\"\n");
  here.write("SUMMARY.md", "- [One](one.md)\n");
  CHECK(detect_site(here.path, "demo", diag).source_dir == here.path);
  CHECK(formatted(diag.errors(), "error") == "");
}

TEST_CASE("mdbook: a SUMMARY.md that is not UTF-8 is an error naming it") {
  TempDir t;
  t.write("src/SUMMARY.md", "- [Caf\xE9](cafe.md)\n");
  Diagnostics diag;
  Site site = detect_site(t.path, "demo/", diag);
  CHECK(site.dialect == &mdbook_dialect);
  CHECK(site.summary.empty());
  CHECK(formatted(diag.errors(), "error") ==
        "demo/src/SUMMARY.md:1:7: error: invalid UTF-8 (the file must be UTF-8 encoded)\n");
}

TEST_CASE("mdbook: its table: book.toml, chapters in SUMMARY order") {
  CHECK(std::string(mdbook_dialect.name) == "mdbook");
  CHECK(std::string(mdbook_dialect.config_file) == "book.toml");
  CHECK(mdbook_dialect.order == Dialect::Order::summary);
  Diagnostics diag;
  SiteConfig c = mdbook_dialect.read_config("[book]\ntitle = \"Demo\"\nlanguage = \"ja\"\n", "demo/book.toml", diag);
  CHECK(c.title == "Demo");
  CHECK(c.language == "ja");
}

TEST_CASE("mdbook: a folder without SUMMARY.md is not a book, and is left as it was") {
  TempDir t;
  t.write("book.toml", "[book]\ntitle = \"Demo\"\n");
  t.write("src/intro.md", "# Intro\n");
  Site site;
  site.root = t.path;
  site.source_dir = t.path;
  Diagnostics diag;
  CHECK_FALSE(mdbook_dialect.detect(site, "demo", diag));
  CHECK(site.source_dir == t.path);
  CHECK(site.post_dirs.empty());
  CHECK(site.summary.empty());
}

TEST_CASE("mdbook: an invalid book.toml is a warning, and the book is still read from src/") {
  TempDir t;
  t.write("book.toml", "[book]\ntitle = \"Demo\nsrc = \"text\"\n");
  t.write("src/SUMMARY.md", "- [One](one.md)\n");
  Diagnostics diag;
  Site site = detect_site(t.path, "demo", diag);
  CHECK(site.dialect == &mdbook_dialect);
  CHECK(site.source_dir == t.path / "src");
  CHECK(site.config.title == "");
  CHECK(formatted(diag.errors(), "error") == "");
  CHECK(formatted(diag.warnings(), "warning") ==
        "demo/book.toml:2:14: warning: invalid TOML in book.toml: error while parsing string: unescaped control "
        "characters other than TAB (U+0009) are explicitly prohibited; its settings are ignored\n");
}
