// Pictures and bare URLs in justified text (render/page_flow.h): XHTML in, XHTML out.
#include <doctest/doctest.h>

#include <pugixml.hpp>

#include <sstream>

#include "render/markdown.h"
#include "render/page_flow.h"

using namespace mkepub;

namespace {

std::string flowed(const std::string& body) {
  pugi::xml_document doc;
  REQUIRE(doc.load_string(("<body>" + body + "</body>").c_str(), pugi::parse_default | pugi::parse_ws_pcdata));
  place_images(doc.child("body"));
  mark_bare_urls(doc.child("body"));
  std::ostringstream out;
  for (auto c : doc.child("body").children()) c.print(out, "", pugi::format_raw);
  return out.str();
}

}  // namespace

TEST_CASE("place_images: a paragraph of pictures only is set as a block") {
  CHECK(flowed("<p><img src=\"a.png\" alt=\"a\"/></p>") == "<p class=\"image\"><img src=\"a.png\" alt=\"a\"/></p>");
  CHECK(flowed("<p class=\"x\">\n<a href=\"big.png\"><img src=\"a.png\" alt=\"a\"/></a>\n</p>") ==
        "<p class=\"x image\">\n<a href=\"big.png\"><img src=\"a.png\" alt=\"a\"/></a>\n</p>");
  // A row of badges.
  CHECK(flowed("<p><img src=\"a.svg\" alt=\"a\"/>\n<img src=\"b.svg\" alt=\"b\"/></p>") ==
        "<p class=\"image\"><img src=\"a.svg\" alt=\"a\"/>\n<img src=\"b.svg\" alt=\"b\"/></p>");
}

TEST_CASE("place_images: a picture begun on a line of its own ends the line before it with a <br/>") {
  CHECK(flowed("<p>一行文字\n<img src=\"a.png\" alt=\"图\"/></p>") == "<p>一行文字<br/><img src=\"a.png\" alt=\"图\"/></p>");
  CHECK(flowed("<p>Some <em>text</em>\n<a href=\"x.png\"><img src=\"a.png\" alt=\"a\"/></a> and more</p>") ==
        "<p>Some <em>text</em><br/><a href=\"x.png\"><img src=\"a.png\" alt=\"a\"/></a> and more</p>");
}

TEST_CASE("place_images: pictures in the run of a line, and a second badge after a first, are left as they are") {
  for (const char* body : {"<p>An icon <img src=\"i.png\" alt=\"i\"/> in a line.</p>",
                           "<p>Text ends <img src=\"i.png\" alt=\"i\"/></p>",
                           "<p>Badges: <img src=\"a.svg\" alt=\"a\"/>\n<img src=\"b.svg\" alt=\"b\"/></p>",
                           "<p>Text<br/>\n<img src=\"i.png\" alt=\"i\"/></p>"}) {
    pugi::xml_document doc;
    REQUIRE(doc.load_string(body, pugi::parse_default | pugi::parse_ws_pcdata));
    std::ostringstream before;
    doc.first_child().print(before, "", pugi::format_raw);
    CHECK(flowed(body) == before.str());
  }
}

TEST_CASE("mark_bare_urls: a link that shows its own address may break anywhere, link words may not") {
  CHECK(flowed("<p><a href=\"https://example.com/a/b\">https://example.com/a/b</a></p>") ==
        "<p><a href=\"https://example.com/a/b\" class=\"url\">https://example.com/a/b</a></p>");
  CHECK(flowed("<p><a href=\"http://www.example.com\">www.example.com</a></p>") ==
        "<p><a href=\"http://www.example.com\" class=\"url\">www.example.com</a></p>");
  CHECK(flowed("<p><a href=\"mailto:me@example.com\">me@example.com</a></p>") ==
        "<p><a href=\"mailto:me@example.com\" class=\"url\">me@example.com</a></p>");
  CHECK(flowed("<p><a href=\"https://example.com/\">the docs</a></p>") ==
        "<p><a href=\"https://example.com/\">the docs</a></p>");
}

TEST_CASE("Markdown: the soft line break before a picture in CJK text stays, to begin its line") {
  auto html = render_markdown("一行文字\n![图](a.png)\n", 1, {}).html;
  CHECK(html.find("一行文字\n<img") != std::string::npos);
  // Between two CJK characters it is still no space.
  CHECK(render_markdown("一行\n文字\n", 1, {}).html.find("一行文字") != std::string::npos);
}
