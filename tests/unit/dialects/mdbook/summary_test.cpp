// Dialects, mdBook (mdbook.h): SUMMARY.md as a string in, the chapters in order out; and the rust-book-en
// corpus's SUMMARY.md when ../shared/corpora is present.
#include <doctest/doctest.h>

#include "../site_support.h"
#include "dialects/mdbook/mdbook.h"

using namespace mkepub;
using namespace mkepub::testing;

namespace {

Strings outline(const std::string& markdown) {
  const fs::path dir = "/books/demo/src";
  return testing::outline(parse_summary(markdown, dir), dir);
}

}  // namespace

TEST_CASE("summary: mdBook's format, every kind of entry") {
  CHECK(outline("# Summary\n"
                "\n"
                "[Introduction](README.md)\n"
                "[Foreword](./foreword.md)\n"
                "\n"
                "---\n"
                "\n"
                "# Guide\n"
                "\n"
                "- [Getting Started](guide/start.md)\n"
                "  - [Installing](guide/install.md)\n"
                "    - [On Linux](guide/linux.md)\n"
                "  - [Draft]()\n"
                "- [Reading](guide/reading.md)\n"
                "\n"
                "---\n"
                "\n"
                "# Reference\n"
                "\n"
                "* [CLI](cli/README.md)\n"
                "    * [init](cli/init.md)\n"
                "\n"
                "---\n"
                "\n"
                "[Contributors](misc/contributors.md)\n") ==
        Strings{"P Introduction -> README.md",
                "P Foreword -> foreword.md",
                "# Guide -> -",
                "N Getting Started -> guide/start.md",
                "N   Installing -> guide/install.md",
                "N     On Linux -> guide/linux.md",
                "N   Draft -> -",
                "N Reading -> guide/reading.md",
                "# Reference -> -",
                "N CLI -> cli/README.md",
                "N   init -> cli/init.md",
                "S Contributors -> misc/contributors.md"});
}

TEST_CASE("summary: files are absolute, normalised paths under the SUMMARY's folder") {
  auto entries = parse_summary("- [A](./a/../b/c.md)\n", "/books/demo/src");
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].file == fs::path("/books/demo/src/b/c.md"));
  CHECK(entries[0].depth == 0);
  CHECK(entries[0].kind == SummaryEntry::Kind::numbered);
}

TEST_CASE("summary: each chapter keeps its link as written and where it is, for messages") {
  auto entries = parse_summary(
      "# Summary\n\n<!-- a\ncomment -->\n[Intro](intro.md)\n\n"
      "- [Up](../../etc/passwd)\n\t- [«Ü»](<über.md>) [Second](second.md)\n"
      "[A](a.md) and [B](/b.md)\n",
      "/books/demo/src");
  Strings got;
  for (const auto& e : entries)
    got.push_back(e.target + " " + std::to_string(e.line) + ":" + std::to_string(e.column) + " " +
                  e.file.generic_string());
  CHECK(got == Strings{"intro.md 5:1 /books/demo/src/intro.md", "../../etc/passwd 7:3 /books/etc/passwd",
                       "über.md 8:4 /books/demo/src/über.md", "a.md 9:1 /books/demo/src/a.md",
                       "/b.md 9:15 /books/demo/src/b.md"});
}

TEST_CASE("summary: link targets percent-encoded, in angle brackets, with fragments, titles or schemes") {
  CHECK(outline("- [Spaces](my%20chapter.md)\n"
                "- [Angle](<other chapter.md>)\n"
                "- [Fragment](ch1.md#intro)\n"
                "- [Link title](ch2.md \"Chapter two\")\n"
                "- [Root](/appendix/a.md)\n"
                "- [Unicode](%E4%B8%AD%E6%96%87.md)\n"
                "- [Parens](ch(3).md)\n"
                "- [Remote](https://example.com/x.md)\n"
                "- Plain title without a link\n") ==
        Strings{"N Spaces -> my chapter.md",
                "N Angle -> other chapter.md",
                "N Fragment -> ch1.md",
                "N Link title -> ch2.md",
                "N Root -> appendix/a.md",
                "N Unicode -> 中文.md",
                "N Parens -> ch(3).md",
                "N Remote -> -",
                "N Plain title without a link -> -"});
}

TEST_CASE("summary: titles lose their Markdown markup") {
  CHECK(outline("- [The `match` Control Flow](a.md)\n"
                "- [Using `Box<T>` on the *Heap*](b.md)\n"
                "- [**Bold** and _em_ and ~~gone~~](c.md)\n"
                "- [snake_case stays, 2 * 3 too](d.md)\n"
                "- [Escaped \\*star\\* \\[x\\]](e.md)\n"
                "- [`a_b` and ``x`y``](f.md)\n"
                "- [Fish &amp; Chips](g.md)\n"
                "- [  spaced   out  ](h.md)\n") ==
        Strings{"N The match Control Flow -> a.md",
                "N Using Box<T> on the Heap -> b.md",
                "N Bold and em and gone -> c.md",
                "N snake_case stays, 2 * 3 too -> d.md",
                "N Escaped *star* [x] -> e.md",
                "N a_b and x`y -> f.md",
                "N Fish & Chips -> g.md",
                "N spaced out -> h.md"});
}

TEST_CASE("summary: GitBook's variant, tabs and odd indentation") {
  CHECK(outline("# Table of contents\n"
                "\n"
                "* [Read me](README.md)\n"
                "\n"
                "## Basics\n"
                "\n"
                "* [One](basics/one.md)\n"
                "\t* [One a](basics/one-a.md)\n"
                "\t\t* [One a i](basics/one-a-i.md)\n"
                "* [Two](basics/two.md)\n"
                "   + [Two a](basics/two-a.md)\n"
                "\n"
                "## Advanced\n"
                "\n"
                "1. [Three](advanced/three.md)\n"
                "   1. [Three a](advanced/three-a.md)\n"
                "<!-- - [Hidden](hidden.md) -->\n"
                "2. [Four](advanced/four.md)\n") ==
        Strings{"N Read me -> README.md",
                "# Basics -> -",
                "N One -> basics/one.md",
                "N   One a -> basics/one-a.md",
                "N     One a i -> basics/one-a-i.md",
                "N Two -> basics/two.md",
                "N   Two a -> basics/two-a.md",
                "# Advanced -> -",
                "N Three -> advanced/three.md",
                "N   Three a -> advanced/three-a.md",
                "N Four -> advanced/four.md"});
}

TEST_CASE("summary: without a title line, a first heading is still the title, and nothing is no entries") {
  CHECK(outline("[Only](only.md)\n- [List](list.md)\n") == Strings{"P Only -> only.md", "N List -> list.md"});
  CHECK(outline("# Part One\n- [A](a.md)\n# Part Two\n- [B](b.md)\n") ==
        Strings{"N A -> a.md", "# Part Two -> -", "N B -> b.md"});
  CHECK(outline("").empty());
  CHECK(outline("# Summary\n\nSome prose, no links.\n").empty());
}

TEST_CASE("summary: the rust-book-en corpus") {
  const fs::path dir = fs::path(MKEPUB_SOURCE_DIR) / ".." / "shared" / "corpora" / "rust-book-en";
  if (!fs::is_regular_file(dir / "SUMMARY.md")) {
    MESSAGE("skipped: " << dir.string() << " is absent");
    return;
  }
  std::ifstream in(dir / "SUMMARY.md", std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto entries = parse_summary(text, dir);
  REQUIRE(entries.size() == 111);
  int prefix = 0, top = 0, nested = 0, other = 0, missing = 0;
  for (const auto& e : entries) {
    if (e.kind == SummaryEntry::Kind::prefix && e.depth == 0) ++prefix;
    else if (e.kind == SummaryEntry::Kind::numbered && e.depth == 0) ++top;
    else if (e.kind == SummaryEntry::Kind::numbered && e.depth == 1) ++nested;
    else ++other;
    if (!fs::is_regular_file(e.file)) ++missing;
  }
  CHECK(prefix == 3);
  CHECK(top == 22);
  CHECK(nested == 86);
  CHECK(other == 0);
  CHECK(missing == 0);
  CHECK(entries.front().title == "The Rust Programming Language");
  CHECK(entries.front().file == (dir / "title-page.md").lexically_normal());
  CHECK(entries[3].title == "Getting Started");
  CHECK(entries[4].title == "Installation");
  CHECK(entries.back().title == "G - How Rust is Made and “Nightly Rust”");
  CHECK(entries.back().file == (dir / "appendix-07-nightly-rust.md").lexically_normal());
  CHECK(entries.back().depth == 1);
  // Code spans in titles keep their text.
  bool found = false;
  for (const auto& e : entries) found = found || e.title == "Using Box<T> to Point to Data on the Heap";
  CHECK(found);
}

TEST_CASE("summary_book_title: the heading a SUMMARY.md opens with, unless it is a generic one") {
  CHECK(summary_book_title("# The Rust Programming Language\n\n[Intro](intro.md)\n") == "The Rust Programming Language");
  CHECK(summary_book_title("\n#  Rust 程序设计语言 #\n") == "Rust 程序设计语言");
  for (const char* generic : {"# Summary\n", "### Summary\n", "# Table of Contents\n", "# 目录\n", "# SUMMARY\n"})
    CHECK_MESSAGE(summary_book_title(generic) == "", generic);
  CHECK(summary_book_title("[Intro](intro.md)\n# Later\n") == "");
  CHECK(summary_book_title("#hashtag\n") == "");
}
