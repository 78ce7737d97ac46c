// Alerts, callouts and admonitions in a book, and a Docusaurus site with MDX: valid books that show them as
// asides, in the sidebar's order (issue 13, items 5 and 6).
#include <doctest/doctest.h>

#include "support.h"

using namespace mkepub::test;

namespace {

std::string entry(const fs::path& epub, const std::string& name) {
  return run("unzip -p " + quote(epub.string()) + " " + name).output;
}

}  // namespace

TEST_CASE("callouts: GitHub alerts, Obsidian callouts and ::: admonitions make a valid book of asides") {
  TempDir tmp;
  spit(tmp / "in/post.md",
       "---\ntitle: Post\nlang: zh-CN\n---\n"
       "> [!WARNING]\n> Careful.\n\n"
       "> [!faq]- Why?\n> > [!tip] Because\n> > nested\n\n"
       ":::tip[标题]\n内容 **粗体**\n:::\n\n"
       "::: details\n- a\n- b\n:::\n");
  auto r = run_mkepub(quote((tmp / "in").string()) + " -o " + quote((tmp / "book.epub").string()) + " -q");
  INFO(r.output);
  REQUIRE(r.code == 0);
  require_valid(tmp / "book.epub");
  auto page = entry(tmp / "book.epub", "EPUB/text/c0001.xhtml");
  CHECK(page.find("<aside class=\"callout callout-warning\" role=\"note\">") != std::string::npos);
  CHECK(page.find("<p class=\"callout-title\">标题</p>") != std::string::npos);
  CHECK(page.find("<p class=\"callout-title\">Details</p>") != std::string::npos);
  CHECK(page.find("[!") == std::string::npos);
  CHECK(page.find(":::") == std::string::npos);
  CHECK(entry(tmp / "book.epub", "EPUB/styles/book.css").find("aside.callout {") != std::string::npos);
}

TEST_CASE("callouts: a Docusaurus site with MDX and categories makes a valid book in its sidebar's order") {
  TempDir tmp;
  spit(tmp / "site/docusaurus.config.js",
       "module.exports = {\n  title: 'Widget Docs',\n  i18n: {defaultLocale: 'en'},\n};\n");
  spit(tmp / "site/docs/intro.mdx",
       "---\nsidebar_position: 1\ntitle: Intro\n---\n"
       "import Tabs from '@theme/Tabs';\n\n<Tabs>\n\nText in **tabs**.\n\n</Tabs>\n\n:::note\nA note.\n:::\n");
  spit(tmp / "site/docs/usage/_category_.json", "{\"label\": \"Usage\", \"position\": 2}\n");
  spit(tmp / "site/docs/usage/run.md", "---\ntitle: Run\n---\nRun it, as [the news](/blog/2021/02/01/news) says.\n");
  spit(tmp / "site/blog/2021-02-01-news.md", "---\ntitle: News\n---\nReleased.\n");
  auto r = run_mkepub(quote((tmp / "site").string()) + " -o " + quote((tmp / "book.epub").string()));
  INFO(r.output);
  REQUIRE(r.code == 0);
  require_valid(tmp / "book.epub");
  CHECK(r.output.find("warning: MDX JSX component <Tabs> dropped") != std::string::npos);
  auto opf = entry(tmp / "book.epub", "EPUB/content.opf");
  CHECK(opf.find(">Widget Docs</dc:title>") != std::string::npos);
  auto nav = entry(tmp / "book.epub", "EPUB/nav.xhtml");
  CHECK(nav.find("Intro") < nav.find("<span>Usage</span>"));
  CHECK(nav.find("<span>Usage</span>") < nav.find("Run"));
  // The blog follows the docs, and a link by its Docusaurus URL leads to its chapter.
  CHECK(nav.find("Run") < nav.find("<span>Blog</span>"));
  CHECK(entry(tmp / "book.epub", "EPUB/text/c0002.xhtml").find("<a href=\"c0003.xhtml\">the news</a>") !=
        std::string::npos);
  auto intro = entry(tmp / "book.epub", "EPUB/text/c0001.xhtml");
  CHECK(intro.find("Text in <strong>tabs</strong>.") != std::string::npos);
  CHECK(intro.find("Tabs") == std::string::npos);  // no tag left, only the text
  CHECK(intro.find("import") == std::string::npos);
  CHECK(intro.find("<p class=\"callout-title\">Note</p>") != std::string::npos);
}
