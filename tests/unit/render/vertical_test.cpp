// Vertical writing (vertical.h): the page's root class, upright numbers (tate-chu-yoko), and the book around them:
// the nav page and the spine's page-progression-direction.
#include <doctest/doctest.h>

#include <pugixml.hpp>

#include <deque>
#include <sstream>

#include "render/chapter.h"
#include "epub/nav.h"
#include "epub/opf.h"
#include "render/vertical.h"

using namespace mkepub;

namespace {

const char* const kPage =
    "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>第1章</title></head><body>BODY</body></html>";

// `body` (XHTML) in a page, made vertical; what the body became.
std::string vertical_body(const std::string& body) {
  std::string page = kPage;
  page.replace(page.find("BODY"), 4, body);
  pugi::xml_document doc;
  REQUIRE(doc.load_string(page.c_str()));
  make_vertical(doc);
  std::ostringstream out;
  for (auto child : doc.document_element().child("body").children()) child.print(out, "", pugi::format_raw);
  return out.str();
}

std::string tcy(const std::string& digits) { return "<span class=\"tcy\">" + digits + "</span>"; }

}  // namespace

TEST_CASE("make_vertical: class=\"vertical\" on the root element, where epub.js reads writing-mode") {
  pugi::xml_document doc;
  REQUIRE(doc.load_string(kPage));
  make_vertical(doc);
  CHECK(std::string(doc.document_element().attribute("class").value()) == "vertical");
  make_vertical(doc);  // twice changes nothing
  CHECK(std::string(doc.document_element().attribute("class").value()) == "vertical");
  CHECK(std::string(doc.document_element().child("head").child_value("title")) == "第1章");  // no markup in <title>

  REQUIRE(doc.load_string("<html xmlns=\"http://www.w3.org/1999/xhtml\" class=\"dark\"><body/></html>"));
  make_vertical(doc);
  CHECK(std::string(doc.document_element().attribute("class").value()) == "dark vertical");
}

TEST_CASE("make_vertical: numbers of one or two digits standing alone are set upright") {
  CHECK(vertical_body("<p>3月12日に12人</p>") == "<p>" + tcy("3") + "月" + tcy("12") + "日に" + tcy("12") + "人</p>");
  CHECK(vertical_body("<p>7</p>") == "<p>" + tcy("7") + "</p>");
  CHECK(vertical_body("<p>第1章、(5)、12%。iPhone 15</p>") ==
        "<p>第" + tcy("1") + "章、(" + tcy("5") + ")、" + tcy("12") + "%。iPhone " + tcy("15") + "</p>");
  CHECK(vertical_body("<h2>第2節</h2><p><em>10</em>回</p>") ==
        "<h2>第" + tcy("2") + "節</h2><p><em>" + tcy("10") + "</em>回</p>");
}

TEST_CASE("make_vertical: longer numbers, parts of words, dates, times and decimals stay as they are") {
  for (const char* text : {"100人", "2024年", "A4判", "v2の", "H2O", "3.14", "1,000", "2024-01-02", "12:30",
                           "1/2", "https://example.com/2024/05/a"})
    CHECK(vertical_body(std::string("<p>") + text + "</p>") == std::string("<p>") + text + "</p>");
}

TEST_CASE("make_vertical: no upright numbers in code, preformatted text, tables, ruby or footnote numbers") {
  for (const char* body : {"<p><code>x[12]</code></p>", "<pre>a 12 b</pre>", "<p><kbd>F5</kbd><samp>12</samp></p>",
                           "<table><tr><td>12</td></tr></table>", "<p><ruby>十<rt>10</rt></ruby></p>",
                           "<p><a href=\"#n1\" role=\"doc-noteref\">1</a></p>",
                           "<aside><p><a href=\"#r1\" role=\"doc-backlink\">1</a> 注</p></aside>"})
    CHECK(vertical_body(body) == body);
  // Made vertical twice, a page gets no spans within spans.
  pugi::xml_document doc;
  REQUIRE(doc.load_string("<html><body><p>12人</p></body></html>"));
  make_vertical(doc);
  make_vertical(doc);
  CHECK(doc.select_nodes("//span").size() == 1);
}

namespace {

// A book of one chapter, rendered in memory.
struct VerticalBook {
  std::deque<Post> posts;
  Book book;

  explicit VerticalBook(bool vertical) {
    book.meta.identifier = "urn:uuid:89cf7422-55c7-583f-a434-4c7da8a03e62";
    book.meta.title = "縦書き";
    book.meta.language = "ja";
    book.meta.modified = "2024-01-01T00:00:00Z";
    book.vertical = vertical;
    Post& post = posts.emplace_back();
    post.file = "posts/p1.md";
    post.display = "posts/p1.md";
    post.title = "第1章";
    post.body = "本文。\n";
    Diagnostics diag;
    book.chapters.push_back(render_chapter(post, "text/c0001.xhtml", diag));
  }
};

}  // namespace

TEST_CASE("vertical books: the spine turns pages right to left, the nav page is vertical too") {
  VerticalBook vertical(true);
  auto opf = render_opf(vertical.book);
  CHECK(opf.find("<spine toc=\"ncx\" page-progression-direction=\"rtl\">") != std::string::npos);
  auto nav = render_nav(vertical.book, build_outline(vertical.book));
  CHECK(nav.find("xml:lang=\"ja\" class=\"vertical\">") != std::string::npos);
  CHECK(nav.find("<a href=\"text/c0001.xhtml\">第<span class=\"tcy\">1</span>章</a>") != std::string::npos);

  VerticalBook horizontal(false);
  CHECK(render_opf(horizontal.book).find("page-progression-direction") == std::string::npos);
  CHECK(render_nav(horizontal.book, build_outline(horizontal.book)).find("vertical") == std::string::npos);
}
