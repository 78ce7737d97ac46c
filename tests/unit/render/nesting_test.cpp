// Raw HTML's nesting depth from its tags (nesting.h), and the Markdown check built on it (markdown.h).
#include <doctest/doctest.h>

#include "base/diagnostics.h"
#include "render/markdown.h"
#include "render/nesting.h"

using namespace mkepub;

namespace {

size_t peak(const std::string& html) { return HtmlNesting().feed(html, 1000).depth; }

std::string error_of(const std::string& markdown) {
  try {
    render_markdown(markdown, 10);
  } catch (const InputError& e) {
    return std::to_string(e.where.line) + ":" + std::to_string(e.where.col);
  }
  return "no error";
}

}  // namespace

TEST_CASE("nesting: elements open at once, as an HTML parser nests them") {
  CHECK(peak("<div><div><span>x</span></div></div>") == 3);
  CHECK(peak("<div><b>unclosed</div><div>") == 2);             // </div> closes the <b> inside it
  CHECK(peak("<p>a<p>b<li>c<li>d<br><img src=x><hr>") == 0);   // closed by the next of their kind, or void
  CHECK(peak("<div/><div/>") == 2);                             // the slash means nothing in HTML
  CHECK(peak("<svg><path/><path/></svg>") == 1);                // ... and closes the element in SVG
  CHECK(peak("<!-- <div><div> --><script>if (a<b) x('<div>')</script>") == 1);
  CHECK(peak("</div></span>stray ends") == 0);
}

TEST_CASE("nesting: the line where the deepest point is first reached") {
  HtmlNesting html;
  auto p = html.feed("<div>\n<div>\n</div>\n<div>", 1000);
  CHECK(p.depth == 2);
  CHECK(p.line == 1);
  CHECK(html.depth() == 2);
  CHECK(html.feed("</div></div>", 1000).depth == 2);  // what is open carries over from earlier HTML
  CHECK(html.depth() == 0);
}

TEST_CASE("nesting: Markdown past 100 levels is an error at its line and column in the post") {
  CHECK(error_of(std::string(99, '>') + " fine") == "no error");  // and the paragraph inside: 100
  CHECK(error_of(std::string(101, '>') + " deep") == "10:101");
  CHECK(error_of("a\n\n<div>\n\n" + std::string(100, '>') + " inside the div") == "14:100");
  std::string spans = "text ";
  for (int i = 0; i < 200; ++i) spans += "<span>";
  CHECK(error_of(spans) == "10:600");
}
