// Dialects, GitBook (gitbook.cpp): books detected in folders made here (and removed again).
#include <doctest/doctest.h>

#include "../site_support.h"
#include "dialects/dialect.h"

using namespace mkepub;
using namespace mkepub::testing;

TEST_CASE("gitbook: book.json gives the title, author and language, SUMMARY.md at the root the chapters") {
  TempDir t;
  t.write("book.json", "{\n\t\"title\": \"GitBook\",\n\t\"author\" : \"Ann\",\n\t\"language\": \"zh-hans\"\n}\n");
  t.write("SUMMARY.md", "# Summary\n\n* [Introduction](README.md)\n\n## Part\n\n* [Chapter](chapter/README.md)\n");
  Diagnostics diag;
  Site site = detect_site(t.path, "gitbook", diag);
  CHECK(formatted(diag.warnings(), "warning") == "");
  CHECK(site.dialect == &gitbook_dialect);
  CHECK(site.source_dir == t.path);
  CHECK(site.config.title == "GitBook");
  CHECK(site.config.authors == Strings{"Ann"});
  CHECK(site.config.language == "zh-hans");
  CHECK(outline(site.summary, t.path) ==
        Strings{"N Introduction -> README.md", "# Part -> -", "N Chapter -> chapter/README.md"});
}

TEST_CASE("gitbook: a \\u0000 in book.json's title or author is dropped, not the text after it") {
  TempDir t;
  t.write("book.json", "{\"title\": \"Git\\u0000Book\", \"author\": \"A\\u0007nn\"}\n");
  t.write("SUMMARY.md", "# Summary\n\n* [Introduction](README.md)\n");
  Diagnostics diag;
  Site site = detect_site(t.path, "gitbook", diag);
  CHECK(site.config.title == "GitBook");
  CHECK(site.config.authors == Strings{"Ann"});
}

TEST_CASE("gitbook: `root` and `structure.summary` say where the book and its summary are, kept inside") {
  TempDir t;
  t.write("book.json", "{\"root\": \"./docs\", \"structure\": {\"summary\": \"TOC.md\"}}");
  t.write("docs/TOC.md", "* [One](one.md)\n");
  Diagnostics diag;
  Site site = detect_site(t.path, "gitbook", diag);
  CHECK(site.dialect == &gitbook_dialect);
  CHECK(site.source_dir == t.path / "docs");
  CHECK(outline(site.summary, t.path) == Strings{"N One -> docs/one.md"});
  // A root leading outside the book falls back to the book's folder.
  TempDir u;
  u.write("book.json", "{\"root\": \"../elsewhere\"}");
  u.write("SUMMARY.md", "* [One](one.md)\n");
  CHECK(detect_site(u.path, "gitbook", diag).source_dir == u.path);
}

TEST_CASE("gitbook: a book.json that is not JSON is a warning at its line, and the chapters are still read") {
  TempDir t;
  t.write("book.json", "{\n  \"title\": \"x\",\n  \"a\": [1, 2\n}\n");
  t.write("SUMMARY.md", "* [One](one.md)\n");
  Diagnostics diag;
  Site site = detect_site(t.path, "book/", diag);
  CHECK(site.dialect == &gitbook_dialect);
  CHECK(site.config.title == "");
  // Where the parser finds the bracket unclosed: the `}` on line 4.
  CHECK(formatted(diag.warnings(), "warning") ==
        "book/book.json:4:1: warning: invalid JSON in book.json: illegal flow end; its settings are ignored\n");
  CHECK(outline(site.summary, t.path) == Strings{"N One -> one.md"});
}
