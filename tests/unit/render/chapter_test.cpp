// Chapters (chapter.h): a post rendered into an XHTML page, its headings renumbered beneath the chapter title.
#include <doctest/doctest.h>

#include <pugixml.hpp>

#include "render/chapter.h"
#include "base/dates.h"
#include "../strings.h"

using namespace mkepub;

namespace {
std::string anchor(const Chapter& ch, const std::string& fragment) {
  auto id = find_anchor(ch, fragment);
  return id ? *id : "(none)";
}
}  // namespace

namespace {


Post make_post(const std::string& body, const std::string& file = "posts/2024-01-02-hello-world.md") {
  Post post;
  post.file = file;
  post.display = file;
  post.root = "posts";
  post.body = body;
  return post;
}

// "h2 #setup 1.1 Setup" for each heading, the chapter title first.
Strings headings(const Chapter& ch) {
  Strings out;
  for (const auto& h : ch.headings)
    out.push_back("h" + std::to_string(h.level) + " #" + h.id + (h.number.empty() ? "" : " " + h.number) + " " + h.text);
  return out;
}

// The page's content: what follows the chapter's header, as written out.
std::string content(Chapter& ch) {
  std::string page = finish_chapter(*ch.doc, ch.language, "en");
  auto begin = page.find("</header>\n") + 10;
  return page.substr(begin, page.find("</section>") - begin);
}

}  // namespace

TEST_CASE("chapter: the title comes from the front matter — the body's h1 becomes a section") {
  Post post = make_post("# Introduction\n\nText.\n");
  post.title = "From Front Matter";
  Diagnostics diag;
  Chapter ch = render_chapter(post, "text/c0001.xhtml", diag);
  CHECK(ch.title == "From Front Matter");
  CHECK(ch.href == "text/c0001.xhtml");
  CHECK(ch.post == &post);
  CHECK(headings(ch) == Strings{"h1 #top From Front Matter", "h2 #introduction Introduction"});
  CHECK(content(ch) == "<h2 id=\"introduction\">Introduction</h2>\n<p>Text.</p>\n");
  CHECK(diag.warnings().empty());
}

TEST_CASE("chapter: without a title, the first h1 is the title and leaves the body") {
  Post post = make_post("Before.\n\n# The *Real* Title\n\nAfter.\n");
  Diagnostics diag;
  Chapter ch = render_chapter(post, "text/c0001.xhtml", diag);
  CHECK(ch.title == "The Real Title");
  CHECK(headings(ch) == Strings{"h1 #top The Real Title"});
  CHECK(content(ch) == "<p>Before.</p>\n\n<p>After.</p>\n");  // the h1's line end stays
}

TEST_CASE("chapter: without a title or h1, the file name without its date prefix") {
  Diagnostics diag;
  Post dated = make_post("## Only a section\n");
  CHECK(render_chapter(dated, "text/c0001.xhtml", diag).title == "hello-world");
  Post plain = make_post("Text.\n", "posts/notes on C++.md");
  CHECK(render_chapter(plain, "text/c0001.xhtml", diag).title == "notes on C++");
  Post date_only = make_post("Text.\n", "posts/2024-01-02.md");
  CHECK(render_chapter(date_only, "text/c0001.xhtml", diag).title == "2024-01-02");
}

TEST_CASE("chapter: ### sections become h2 beneath the title") {
  Post post = make_post("### One\n\n#### One.A\n\n### Two\n");
  post.title = "T";
  Diagnostics diag;
  Chapter ch = render_chapter(post, "text/c0001.xhtml", diag);
  CHECK(headings(ch) == Strings{"h1 #top T", "h2 #one One", "h3 #one-a One.A", "h2 #two Two"});
  CHECK(content(ch) == "<h2 id=\"one\">One</h2>\n<h3 id=\"one-a\">One.A</h3>\n<h2 id=\"two\">Two</h2>\n");
}

TEST_CASE("chapter: a jump from ### to ##### becomes h2, h3") {
  Post post = make_post("### Top\n\n##### Deep\n\n## Back\n\n###### Deeper\n");
  post.title = "T";
  Diagnostics diag;
  Chapter ch = render_chapter(post, "text/c0001.xhtml", diag);
  CHECK(headings(ch) == Strings{"h1 #top T", "h2 #top-2 Top", "h3 #deep Deep", "h2 #back Back", "h3 #deeper Deeper"});
}

TEST_CASE("chapter: ids are ASCII and unique in the page") {
  Post post = make_post("## Setup\n\n## Setup\n\n## Setup!\n\n## 2024 plans\n\n<p id=\"setup\">x</p>\n");
  post.title = "T";
  Diagnostics diag;
  Chapter ch = render_chapter(post, "text/c0001.xhtml", diag);
  CHECK(headings(ch) ==
        Strings{"h1 #top T", "h2 #setup-2 Setup", "h2 #setup-3 Setup", "h2 #setup-4 Setup!", "h2 #s-2024-plans 2024 plans"});
  CHECK(content(ch) ==
        "<h2 id=\"setup-2\">Setup</h2>\n<h2 id=\"setup-3\">Setup</h2>\n<h2 id=\"setup-4\">Setup!</h2>\n"
        "<h2 id=\"s-2024-plans\">2024 plans</h2>\n<p id=\"setup\">x</p>\n");
}

TEST_CASE("chapter: CJK headings get sec-N ids, and their own text as anchors") {
  Post post = make_post("## 安装\n\n## Docker 部署\n\n## 配置：步骤\n");
  post.title = "T";
  Diagnostics diag;
  Chapter ch = render_chapter(post, "text/c0001.xhtml", diag);
  CHECK(headings(ch) == Strings{"h1 #top T", "h2 #sec-1 安装", "h2 #docker Docker 部署", "h2 #sec-3 配置：步骤"});
  CHECK(anchor(ch, "安装") == "sec-1");
  CHECK(anchor(ch, "docker-部署") == "docker");
  CHECK(anchor(ch, "配置步骤") == "sec-3");
  CHECK(anchor(ch, "配置：步骤") == "sec-3");
}

TEST_CASE("chapter: toc_number numbers the sections 1, 1.1, 2") {
  Post post = make_post("## A\n\n### B\n\n### C\n\n## D\n\n#### E\n");
  post.title = "T";
  post.toc_number = true;
  Diagnostics diag;
  Chapter ch = render_chapter(post, "text/c0001.xhtml", diag);
  CHECK(headings(ch) == Strings{"h1 #top T", "h2 #a 1 A", "h3 #b 1.1 B", "h3 #c 1.2 C", "h2 #d 2 D", "h3 #e 2.1 E"});
}

TEST_CASE("chapter: without toc_number, no numbers") {
  Post post = make_post("## A\n\n### B\n");
  post.title = "T";
  Diagnostics diag;
  Chapter ch = render_chapter(post, "text/c0001.xhtml", diag);
  CHECK(headings(ch) == Strings{"h1 #top T", "h2 #a A", "h3 #b B"});
}

TEST_CASE("chapter: anchors let hand-written links name a heading by slug, text or old id") {
  Post post = make_post("## Hello, World!\n\n<h2 id=\"old\">Raw</h2>\n\n<span id=\"Ünïcode\">u</span>\n");
  post.title = "T";
  Diagnostics diag;
  Chapter ch = render_chapter(post, "text/c0001.xhtml", diag);
  CHECK(anchor(ch, "Hello, World!") == "hello-world");
  CHECK(anchor(ch, "hello-world") == "hello-world");
  CHECK(anchor(ch, "Raw") == "raw");
  CHECK(anchor(ch, "raw") == "raw");
  CHECK(anchor(ch, "old") == "raw");
  CHECK(anchor(ch, "Ünïcode") == "id-n-code");
  CHECK(anchor(ch, "nothing") == "(none)");
}

TEST_CASE("chapter: finish_chapter writes the page with its language") {
  Post post = make_post("Text & more.\n");
  post.title = "A <Title>";
  post.date = parse_date("2024-01-02 10:00:00");
  Diagnostics diag;
  Chapter ch = render_chapter(post, "text/c0001.xhtml", diag);
  CHECK(finish_chapter(*ch.doc, ch.language, "zh-CN") ==
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<!DOCTYPE html>\n"
        "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"zh-CN\" "
        "xml:lang=\"zh-CN\"><head><meta charset=\"utf-8\"/>\n"
        "<title>A &lt;Title&gt;</title>\n"
        "<link rel=\"stylesheet\" type=\"text/css\" href=\"../styles/book.css\"/>\n"
        "</head>\n"
        "<body><section epub:type=\"chapter\" role=\"doc-chapter\"><header><h1 class=\"chapter-title\" "
        "id=\"top\">A &lt;Title&gt;</h1>\n"
        "<p class=\"date\"><time datetime=\"2024-01-02\">2024-01-02</time></p>\n"
        "</header>\n"
        "<p>Text &amp; more.</p>\n"
        "</section>\n"
        "</body>\n"
        "</html>\n");
}

TEST_CASE("chapter: the chapter's own language wins over the book's — no date, no date paragraph") {
  Post post = make_post("Text.\n", "posts/x.md");
  post.title = "T";
  Diagnostics diag;
  Chapter ch = render_chapter(post, "text/c0001.xhtml", diag);
  ch.language = "ja";
  std::string page = finish_chapter(*ch.doc, ch.language, "en");
  CHECK(page.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n", 0) == 0);
  CHECK(page.find(" lang=\"ja\" xml:lang=\"ja\">") != std::string::npos);
  CHECK(page.find("\"en\"") == std::string::npos);
  CHECK(page.find("class=\"date\"") == std::string::npos);
  CHECK(page.find("<time") == std::string::npos);
  // Written twice, the language is still there once.
  std::string again = finish_chapter(*ch.doc, ch.language, "en");
  CHECK(again.find(" lang=\"ja\" xml:lang=\"ja\">") != std::string::npos);
  CHECK(again.find(" lang=") == again.rfind(" lang="));
  CHECK(again.find("xml:lang=") == again.rfind("xml:lang="));
}

TEST_CASE("chapter: raw HTML in the post is cleaned, with warnings on the post's lines") {
  Post post = make_post("Text.\n\n<script>x()</script>\n");
  post.title = "T";
  post.body_line = 5;
  Diagnostics diag;
  Chapter ch = render_chapter(post, "text/c0001.xhtml", diag);
  CHECK(content(ch) == "<p>Text.</p>\n\n");
  REQUIRE(diag.warnings().size() == 1);
  CHECK(diag.warnings()[0].format("warning") ==
        "posts/2024-01-02-hello-world.md:7: warning: <script> removed: e-books cannot carry it");
}

TEST_CASE("chapter: regression: full-width `：` `？` `；` stayed in heading slugs, so GitHub-style links missed") {
  Post post = make_post("## 为什么？\n\n## 第一步；第二步\n\n## （括号）与【方括号】\n\n## Ｆｕｌｌ１\n");
  post.title = "T";
  Diagnostics diag;
  Chapter ch = render_chapter(post, "text/c0001.xhtml", diag);
  Strings slugs;
  for (const auto& h : ch.headings) slugs.push_back(h.slug);
  CHECK(slugs == Strings{"t", "为什么", "第一步第二步", "括号与方括号", "Ｆｕｌｌ１"});
  CHECK(anchor(ch, "为什么") == "sec-1");
  CHECK(anchor(ch, "为什么？") == "sec-1");
}

TEST_CASE("chapter: ruby in a heading stays on the page, titles and the table of contents read its base text") {
  Post post = make_post("# {漢字|かんじ}の本\n\n## 第{一|いち}節\n");
  Diagnostics diag;
  Chapter ch = render_chapter(post, "text/c0001.xhtml", diag);
  CHECK(ch.title == "漢字の本");
  CHECK(headings(ch) == Strings{"h1 #top 漢字の本", "h2 #sec-1 第一節"});
  CHECK(content(ch) == "<h2 id=\"sec-1\">第<ruby>一<rp>(</rp><rt>いち</rt><rp>)</rp></ruby>節</h2>\n");
}

TEST_CASE("chapter: links written with Hexo's heading ids find their heading, in any ASCII case") {
  Post post = make_post("## Getting Started\n\n## Tom & Jerry\n\n## 安装 Hexo\n\n## Usage\n\n### Usage\n");
  post.title = "Hexo";
  Diagnostics diag;
  Chapter ch = render_chapter(post, "text/c0001.xhtml", diag);
  CHECK(anchor(ch, "Getting-Started") == "getting-started");
  CHECK(anchor(ch, "Tom-amp-Jerry") == "tom-jerry");
  CHECK(anchor(ch, "安装-Hexo") == ch.headings[3].id);
  CHECK(anchor(ch, "Usage") == "usage");
  CHECK(anchor(ch, "Usage-1") == "usage-2");
  CHECK(anchor(ch, "GETTING-STARTED") == "getting-started");  // modifyAnchors: 2
  CHECK(anchor(ch, "Nothing-Here") == "(none)");
}

TEST_CASE(
    "chapter: a first heading equal to the front matter's title is shown once, and links to it lead to the title") {
  Post post = make_post("## Getting Started\n\nText.\n\n### Install\n");
  post.title = "Getting Started";
  Diagnostics diag;
  Chapter ch = render_chapter(post, "text/c0001.xhtml", diag);
  CHECK(headings(ch) == Strings{"h1 #top Getting Started", "h2 #install Install"});
  CHECK(content(ch) == "<p>Text.</p>\n<h2 id=\"install\">Install</h2>\n");
  CHECK(anchor(ch, "Getting-Started") == "top");
  CHECK(anchor(ch, "getting-started") == "top");
}

TEST_CASE("chapter: a first heading that differs from the title stays, and the first h1 as title keeps its links") {
  Post titled = make_post("# Introduction\n\nText.\n");
  titled.title = "Introduction to Hexo";
  Diagnostics diag;
  CHECK(headings(render_chapter(titled, "text/c0001.xhtml", diag)).size() == 2);
  Post untitled = make_post("Before.\n\n# The Title\n\n## Part\n");
  Chapter ch = render_chapter(untitled, "text/c0001.xhtml", diag);
  CHECK(headings(ch) == Strings{"h1 #top The Title", "h2 #part Part"});
  CHECK(anchor(ch, "The-Title") == "top");
  CHECK(anchor(ch, "the-title") == "top");
}

TEST_CASE("chapter: a link to the slug of the heading that became the title leads to the top") {
  Post post = make_post("# The Real Title\n\nText.\n\n## Part\n");
  Diagnostics diag;
  Chapter ch = render_chapter(post, "text/c0001.xhtml", diag);
  CHECK(ch.title == "The Real Title");
  CHECK(anchor(ch, "the-real-title") == "top");
  CHECK(anchor(ch, "part") == "part");
}
