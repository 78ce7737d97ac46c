// SVG images made safe for EPUB (svg.h).
#include <doctest/doctest.h>

#include "book/svg.h"

using namespace mkepub;

TEST_CASE("an SVG loses its DOCTYPE, scripts, handlers and remote references, and keeps its drawing") {
  const std::string in =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
      "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" onload=\"x()\">"
      "<script>alert(1)</script><!-- c --><use xlink:href=\"#a\"/><image xlink:href=\"https://e.com/x.png\"/>"
      "<rect id=\"a\" width=\"1\" height=\"1\"/></svg>";
  auto out = clean_svg(in);
  REQUIRE(out.has_value());
  CHECK(*out ==
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
        "<use xlink:href=\"#a\"/><image/><rect id=\"a\" width=\"1\" height=\"1\"/></svg>\n");
}

TEST_CASE("text that is not SVG is refused") {
  CHECK_FALSE(clean_svg("<svg><unclosed></svg>").has_value());
  CHECK_FALSE(clean_svg("<html xmlns=\"http://www.w3.org/1999/xhtml\"/>").has_value());
  CHECK_FALSE(clean_svg("<svg/>").has_value());  // no SVG namespace
}
