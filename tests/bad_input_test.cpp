// Hostile and broken posts, each built by the real binary under a time and memory bound: the outcome is a valid
// book or exit 1 with a message naming the file and line; never a crash, a hang or an invalid book.
#include <doctest/doctest.h>

#include <chrono>

#include "epub/container.h"
#include "support.h"

using namespace mkepub;
using namespace mkepub::test;

namespace {

struct Outcome {
  Run run;
  fs::path epub;
  double seconds = 0;
};

// Builds the folder `in` of `tmp` into book.epub.
Outcome build(const TempDir& tmp, const std::string& flags = "-q") {
  Outcome o;
  o.epub = tmp / "book.epub";
  auto start = std::chrono::steady_clock::now();
  o.run = run_mkepub_bounded(quote(tmp / "in") + " " + flags + " -o " + quote(o.epub));
  o.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return o;
}

std::string book_text(const fs::path& epub) {
  std::string all;
  for (auto& e : unzip_entries(slurp(epub))) all += e.bytes;
  return all;
}

// Exit 0 and a valid book.
void require_book(const Outcome& o) {
  INFO(o.run.output.substr(0, 2000));
  REQUIRE(o.run.code == 0);
  require_valid(o.epub);
}

// Exit 1 with `message` (`path:line:col: error: ...`), and nothing written.
void require_error(const Outcome& o, const std::string& message) {
  INFO(o.run.output.substr(0, 2000));
  CHECK(o.run.code == 1);
  CHECK(o.run.output.find(message) != std::string::npos);
  CHECK_FALSE(fs::exists(o.epub));
}

const std::string kFront = "---\ntitle: T\n---\n";

}  // namespace

TEST_CASE("bad input: invalid and truncated YAML point at the line in the post") {
  TempDir tmp;
  spit(tmp / "in/flow.md", "---\ntitle: T\ntags: [a, b\n---\nbody\n");
  spit(tmp / "in/map.md", "---\ntitle: T\nx: {a: 1\n---\nbody\n");
  spit(tmp / "in/tab.md", "---\ntitle: T\n\tdate: x\n---\nbody\n");
  auto o = build(tmp);
  require_error(o, "in/flow.md:4:1: error: invalid YAML in front matter: end of sequence flow not found");
  CHECK(o.run.output.find("in/map.md:4:1: error: invalid YAML in front matter: end of map flow not found") !=
        std::string::npos);
  CHECK(o.run.output.find("in/tab.md:3:1: error: invalid YAML in front matter: illegal tab") != std::string::npos);
}

TEST_CASE("bad input: a YAML alias bomb is refused, quickly") {
  TempDir tmp;
  std::string yaml = "---\ntitle: T\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 10; ++i) {
    std::string prev = "*a" + std::to_string(i - 1);
    yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + prev;
    for (int k = 1; k < 10; ++k) yaml += ", " + prev;
    yaml += "]\n";
  }
  spit(tmp / "in/bomb.md", yaml + "tags: *a9\n---\nbody\n");
  auto o = build(tmp);
  require_error(o, "in/bomb.md:3:25: error: invalid YAML in front matter: more than 100000 values once aliases are expanded");
  CHECK(o.seconds < 20);
}

TEST_CASE("bad input: a YAML alias inside its own anchor is refused, not followed forever") {
  TempDir tmp;
  spit(tmp / "in/cycle.md", "---\ntitle: T\ntags: &a [x, *a]\n---\nbody\n");
  require_error(build(tmp), "in/cycle.md:3:7: error: invalid YAML in front matter: nested more than 100 levels deep");
}

TEST_CASE("bad input: YAML nested 100000 deep") {
  TempDir tmp;
  spit(tmp / "in/deep.md", "---\ntitle: T\ntags: " + std::string(100000, '[') + std::string(100000, ']') + "\n---\nb\n");
  require_error(build(tmp), "in/deep.md:3:200007: error: invalid YAML in front matter: nested more than 100 levels deep");
}

TEST_CASE("bad input: front matter that never closes") {
  TempDir tmp;
  spit(tmp / "in/open.md", "---\ntitle: T\nbody\n");
  require_error(build(tmp), "in/open.md:1:1: error: front matter opened here is never closed");
}

TEST_CASE("bad input: an empty file, a file of front matter only, and one of fences only are chapters") {
  TempDir tmp;
  spit(tmp / "in/empty.md", "");
  spit(tmp / "in/only.md", "---\ntitle: Only\n---\n");
  spit(tmp / "in/only-no-eol.md", "---\ntitle: No end of line\n---");
  spit(tmp / "in/fences.md", "---\n---\n");
  auto o = build(tmp);
  require_book(o);
  auto text = book_text(o.epub);
  CHECK(text.find("Only") != std::string::npos);
  CHECK(text.find("No end of line") != std::string::npos);
}

TEST_CASE("bad input: invalid UTF-8 and NUL bytes name the line and column") {
  TempDir tmp;
  spit(tmp / "in/utf8.md", kFront + "ok \xc3\x28 bad\n");
  spit(tmp / "in/nul.md", kFront + "ok" + std::string(1, '\0') + "\n");
  auto o = build(tmp);
  require_error(o, "in/utf8.md:4:4: error: invalid UTF-8 (the file must be UTF-8 encoded)");
  CHECK(o.run.output.find("in/nul.md:4:3: error: NUL byte in text file") != std::string::npos);
}

TEST_CASE("bad input: a 3 MB line is a chapter, a 10 MB line is over the post size limit") {
  TempDir tmp;
  spit(tmp / "in/long.md", kFront + std::string(3 << 20, 'a') + "\n");
  auto o = build(tmp);
  require_book(o);
  CHECK(o.seconds < 30);
  fs::remove(o.epub);
  spit(tmp / "in/long.md", kFront + std::string(10 << 20, 'a') + "\n");
  require_error(build(tmp), "in/long.md: error: the post is 10.1 MB; the limit is 4 MB per post");
}

TEST_CASE("bad input: deep nesting is an error at its line, never a stack overflow") {
  TempDir tmp;
  auto expect = [&](const std::string& body, const std::string& at) {
    spit(tmp / "in/deep.md", kFront + "fine\n\n" + body);
    auto o = build(tmp);
    require_error(o, "in/deep.md:" + at + ": error: nested more than 100 levels deep");
    CHECK(o.seconds < 20);
  };
  SUBCASE("block quotes") { expect(std::string(100000, '>') + " deep\n", "6:101"); }
  SUBCASE("lists") {
    std::string list;
    for (int i = 0; i < 50000; ++i) list += "- ";
    expect(list + "x\n", "6:101");
  }
  SUBCASE("emphasis") { expect(std::string(100000, '*') + "x" + std::string(100000, '*') + "\n", "6:1"); }
  SUBCASE("raw HTML blocks") {
    std::string html;
    for (int i = 0; i < 100000; ++i) html += "<div>";
    expect(html + "x\n", "6:1");
  }
  SUBCASE("raw HTML inline") {
    std::string html = "text ";
    for (int i = 0; i < 100000; ++i) html += "<span>";
    expect(html + "x\n", "6:600");
  }
}

TEST_CASE("bad input: nesting within the limit builds a valid book") {
  TempDir tmp;
  std::string list, quotes;
  for (int i = 0; i < 40; ++i) list += std::string(i * 2, ' ') + "- item\n";
  spit(tmp / "in/ok.md", kFront + std::string(40, '>') + " quoted\n\n" + list + "\n" +
                             std::string(60, '*') + "x" + std::string(60, '*') + "\n");
  require_book(build(tmp));
}

TEST_CASE("bad input: 5000 identical headings get unique ids and a valid nav, in linear time") {
  TempDir tmp;
  std::string body = kFront;
  for (int i = 0; i < 5000; ++i) body += "## Same\n\ntext\n\n";
  spit(tmp / "in/same.md", body);
  auto o = build(tmp);
  require_book(o);
  CHECK(o.seconds < 20);
  auto chapter = book_text(o.epub);
  CHECK(chapter.find("id=\"same-5000\"") != std::string::npos);
  CHECK(chapter.find("id=\"same-5001\"") == std::string::npos);
}

TEST_CASE("bad input: hostile raw HTML is cleaned into a valid book") {
  TempDir tmp;
  spit(tmp / "in/evil.md", kFront + R"html(
<script>alert(1)</script>
<p onclick="steal()" onmouseover=x>click</p>
<a href="javascript:alert(1)">js</a> <a href=" JaVaScRiPt:alert(2)">js2</a> <a href="vbscript:x">vb</a>
<a href="&#106;avascript:alert(3)">entity</a>
<a href="data:text/html;base64,PHNjcmlwdD4=">data</a>
<img src="data:image/png;base64,iVBORw0KGgo=" alt="inline">
<div><p>broken <b>nesting</p></b></div></span></div></p>
<![CDATA[ cdata ]]> <?php echo 1; ?> <!-- a -- b --> <!--> <!--- x --->
<svg><script>x</script><foreignObject><p>hi</p></foreignObject></svg><math><mi>x</mi></math>
<iframe src="http://x"></iframe><object data=x></object><embed src=x><form><input type=text></form>
<table><tr><td>cell<td><table><tr><td>n</table></table>
<p id="dup">a</p><p id="dup">b</p><p id="1bad">c</p><p id="">e</p>
<style>body{}</style><base href="http://evil/"><meta http-equiv="refresh" content="0;url=http://x">
<div xmlns:foo="bar" foo:attr="1" xml:lang="x" 1abc="y" a:b:c="z">namespaces</div>
<p style="background:url(http://tracker/x.png)">styled</p><a><a>nested</a></a>
)html");
  auto o = build(tmp);
  require_book(o);
  auto text = book_text(o.epub);
  for (const char* bad : {"<script", "onclick", "onmouseover", "javascript:", "JaVaScRiPt", "vbscript:", "data:",
                          "<iframe", "<object", "<embed", "<form", "<base", "http-equiv", "<?php", "steal"})
    CHECK_MESSAGE(text.find(bad) == std::string::npos, bad);
}

TEST_CASE("bad input: metadata of the wrong kinds is ignored with warnings") {
  TempDir tmp;
  spit(tmp / "in/odd.md",
       "---\ntitle: [a, b]\ndate: not a date\nupdated: {a: 1}\ntags: {a: 1}\ncategories: [[a, [b]], {x: y}]\n"
       "author: [x]\nkeywords: {a: b}\nlang: 42\ntoc: maybe\ndraft: [1]\ndescription: {x: 1}\n---\nbody\n");
  spit(tmp / "in/numbers.md", "---\ntitle: 12345\ndate: 2024-13-45\ntags: 7\nabbrlink: 3.5\n---\nbody\n");
  spit(tmp / "in/nulls.md", "---\ntitle:\ndate:\ntags:\n---\nbody\n");
  auto o = build(tmp, "--verbose");
  require_book(o);
  CHECK(o.run.output.find("in/odd.md:2:8: warning: front matter `title`: expected a single value; ignored") !=
        std::string::npos);
  CHECK(o.run.output.find("in/numbers.md:3:7: warning: front matter `date`: `2024-13-45` is not a date") !=
        std::string::npos);
  CHECK(book_text(o.epub).find("12345") != std::string::npos);
}

TEST_CASE("bad input: file names with spaces, quotes, CJK, emoji and a leading dash") {
  TempDir tmp;
  const char* names[] = {"with space.md", "quote's \"double\".md", "中文.md", "emoji 😀.md", "-leading.md", "--help.md"};
  for (const char* name : names) spit(tmp / "in" / name, std::string("---\ntitle: post ") + name + "\n---\nbody\n");
  auto o = build(tmp);
  require_book(o);
  int chapters = 0;
  for (auto& e : unzip_entries(slurp(o.epub))) chapters += e.path.rfind("EPUB/text/c", 0) == 0;
  CHECK(chapters == 6);
}

TEST_CASE("bad input: a folder symlinked to its parent is not followed round") {
  TempDir tmp;
  spit(tmp / "in/post.md", kFront + "body\n");
  fs::create_directory_symlink("..", tmp / "in/loop");
  fs::create_directory_symlink(tmp.path / "in", tmp / "in/again");
  auto o = build(tmp);
  require_book(o);
  int chapters = 0;
  for (auto& e : unzip_entries(slurp(o.epub))) chapters += e.path.rfind("EPUB/text/c", 0) == 0;
  CHECK(chapters == 1);
}

TEST_CASE("limits: more than 10000 posts in one book is an error naming the first one past it") {
  TempDir tmp;
  char name[32];
  for (int i = 1; i <= 10001; ++i) {
    std::snprintf(name, sizeof name, "in/p%05d.md", i);
    spit(tmp / name, "x\n");
  }
  require_error(build(tmp), "in/p10001.md: error: more than 10000 posts; the limit is 10000 per book");
}

TEST_CASE("limits: with --keep-going a post past a limit is left out and the rest is a book") {
  TempDir tmp;
  spit(tmp / "in/a.md", kFront + "fine\n");
  spit(tmp / "in/b.md", kFront + std::string(200, '>') + " deep\n");
  spit(tmp / "in/c.md", kFront + std::string(5 << 20, 'x') + "\n");
  spit(tmp / "in/d.md", "---\ntitle: Last\n---\n[a link to a](a.md)\n");
  auto o = build(tmp, "--keep-going");
  require_book(o);
  CHECK(o.run.output.find("in/b.md:4:101: warning: nested more than 100 levels deep") != std::string::npos);
  CHECK(o.run.output.find("in/c.md: warning: the post is 5.1 MB; the limit is 4 MB per post; post left out") !=
        std::string::npos);
  int chapters = 0;
  for (auto& e : unzip_entries(slurp(o.epub))) chapters += e.path.rfind("EPUB/text/c", 0) == 0;
  CHECK(chapters == 2);
  CHECK(book_text(o.epub).find("c0002.xhtml") != std::string::npos);  // numbered without a gap
}
