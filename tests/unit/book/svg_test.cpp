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
        "<use xlink:href=\"#a\"/><rect id=\"a\" width=\"1\" height=\"1\"/></svg>\n");
}

TEST_CASE("text that is not SVG is refused") {
  CHECK_FALSE(clean_svg("<svg><unclosed></svg>").has_value());
  CHECK_FALSE(clean_svg("<html xmlns=\"http://www.w3.org/1999/xhtml\"/>").has_value());
  CHECK_FALSE(clean_svg("<svg/>").has_value());  // no SVG namespace
}

TEST_CASE("an SVG loses what SVG 1.1 does not accept: shapes without their geometry, editors' attributes, links to nowhere") {
  const std::string in =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" content=\"&lt;mxfile/&gt;\">"
      "<path/><path d=\"M0 0L1 1\" font-size=\"30\" font-family=\"GillSans\"/><rect width=\"1\"/><circle r=\"2\"/>"
      "<image width=\"1\" height=\"1\" xlink:href=\"https://e.com/x.png\"/>"
      "<a transform=\"scale(2)\" target=\"_blank\" xlink:href=\"https://e.com/\"><text>t</text></a>"
      "<a xlink:href=\"#c\"><text>u</text></a></svg>";
  auto out = clean_svg(in);
  REQUIRE(out.has_value());
  CHECK(*out ==
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
        "<path d=\"M0 0L1 1\"/><circle r=\"2\"/><g transform=\"scale(2)\"><text>t</text></g>"
        "<a xlink:href=\"#c\"><text>u</text></a></svg>\n");
}
