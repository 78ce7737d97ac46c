// Templates under the posts' XHTML policy (template_policy.h): strings in, strings and warnings out.
#include <doctest/doctest.h>

#include "sources/template_policy.h"

using namespace mkepub;

TEST_CASE("safe_template: scripts, frames, handlers, javascript: links and remote CSS go, each with a warning") {
  const std::string in =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html>\n"
      "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title data-slot=\"title\"></title>"
      "<link rel=\"stylesheet\" href=\"https://e.com/x.css\"/><link rel=\"stylesheet\" href=\"../styles/book.css\"/>"
      "<style>@import url(http://e.com/y.css); p { color: red }</style>\n"
      "<script src=\"a.js\"></script></head>\n"
      "<body onload=\"x()\"><iframe src=\"https://e.com\"></iframe><h1 data-slot=\"heading\"></h1>"
      "<a href=\"javascript:x()\">a</a><div style=\"background:url(http://e.com/b.png)\" data-slot=\"content\"></div>"
      "</body></html>";
  Diagnostics diag;
  auto out = safe_template("chapter.xhtml", in, "t/chapter.xhtml", diag);
  REQUIRE(out.has_value());
  CHECK(*out ==
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html>"
        "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title data-slot=\"title\"/>"
        "<link rel=\"stylesheet\" href=\"../styles/book.css\"/><style> p { color: red }</style></head>"
        "<body><h1 data-slot=\"heading\"/><a>a</a><div data-slot=\"content\"/></body></html>");
  REQUIRE(diag.warnings().size() == 7);
  CHECK(diag.warnings()[0].format("warning") ==
        "t/chapter.xhtml:3:83: warning: <link> to a resource outside the book removed");
  CHECK(diag.warnings()[3].format("warning") == "t/chapter.xhtml:5:1: warning: event handler `onload` removed");
}

TEST_CASE("safe_template: a template with nothing to remove is its text unchanged, without warnings") {
  const std::string in =
      "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title data-slot=\"title\"/></head>"
      "<body><h1 data-slot=\"heading\"/><div data-slot=\"content\"/></body></html>";
  Diagnostics diag;
  CHECK(safe_template("chapter.xhtml", in, "t/chapter.xhtml", diag) == in);
  CHECK(diag.warnings().empty());
}

TEST_CASE("safe_template: a stylesheet loses @import and url() to files the book does not hold") {
  Diagnostics diag;
  CHECK(safe_template("book.css",
                      "@import url(\"https://fonts.e.com/x.css\");\nbody { background: url(a.png) }\n"
                      "q::before { content: \"\\201C\" }\n",
                      "t/book.css", diag) == "\nbody { background: none }\nq::before { content: \"\\201C\" }\n");
  REQUIRE(diag.warnings().size() == 1);
  CHECK(safe_template("book.css", "p { b\\61 ckground: u\\72l(http://e.com) }", "t/book.css", diag) == std::nullopt);
  CHECK(diag.warnings().size() == 2);
}
