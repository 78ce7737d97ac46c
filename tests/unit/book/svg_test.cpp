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

TEST_CASE(
    "an SVG loses what SVG 1.1 does not accept: shapes without their geometry, editors' attributes, and its links") {
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
        "<g><text>u</text></g></svg>\n");
}

TEST_CASE("an SVG's active content is found by namespace, not by the name it is written with") {
  const std::string in =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:s=\"http://www.w3.org/2000/svg\">"
      "<s:foreignObject width=\"5\" height=\"5\"><iframe xmlns=\"http://www.w3.org/1999/xhtml\" "
      "src=\"javascript:alert(1)\"/></s:foreignObject><s:script>x()</s:script>"
      "<h:form xmlns:h=\"http://www.w3.org/1999/xhtml\"/><object data=\"x.swf\"/>"
      "<s:rect width=\"1\" height=\"1\"/></svg>";
  auto out = clean_svg(in);
  REQUIRE(out.has_value());
  CHECK(*out ==
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:s=\"http://www.w3.org/2000/svg\">"
        "<s:rect width=\"1\" height=\"1\"/></svg>\n");
}

TEST_CASE("an SVG animation that would set a link or a handler goes, and other animations stay") {
  const std::string in =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
      "<set attributeName=\"href\" to=\"#b\"/><animate attributeName=\"xlink:href\" values=\"#a;#b\"/>"
      "<set attributeName=\"onclick\" to=\"x()\"/><set attributeName=\"fill\" to=\" JavaScript:x()\"/>"
      "<animate attributeName=\"opacity\" values=\"0;javascript:x()\"/>"
      "<animateTransform attributeName=\"transform\" type=\"rotate\" from=\"0\" to=\"90\" dur=\"1s\"/></svg>";
  auto out = clean_svg(in);
  REQUIRE(out.has_value());
  CHECK(*out ==
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
        "<animateTransform attributeName=\"transform\" type=\"rotate\" from=\"0\" to=\"90\" dur=\"1s\"/></svg>\n");
}

TEST_CASE("an SVG's CSS loads nothing from outside and keeps its references to its own gradients") {
  const std::string in =
      "<svg xmlns=\"http://www.w3.org/2000/svg\">"
      "<style>@import url(http://e.com/a.css);\n.a { fill: url(#g); stroke: url( 'https://e.com/p.svg#q' ) }</style>"
      "<style>.b { fill: u\\72l(http://e.com/x) }</style>"
      "<rect width=\"1\" height=\"1\" style=\"fill:url(#g)\" fill=\"url(#g)\"/>"
      "<rect width=\"2\" height=\"2\" style=\"background: URL(//e.com/q)\" filter=\"url(http://e.com/f.svg#f)\"/>"
      "</svg>";
  auto out = clean_svg(in);
  REQUIRE(out.has_value());
  CHECK(*out ==
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<svg xmlns=\"http://www.w3.org/2000/svg\">"
        "<style>\n.a { fill: url(#g); stroke: none }</style><style/>"
        "<rect width=\"1\" height=\"1\" style=\"fill:url(#g)\" fill=\"url(#g)\"/>"
        "<rect width=\"2\" height=\"2\"/></svg>\n");
}

TEST_CASE("Inkscape's flowed text, which SVG 1.1 does not have and browsers do not draw, goes") {
  const std::string in =
      "<svg xmlns=\"http://www.w3.org/2000/svg\"><flowRoot><flowRegion><rect width=\"5\" height=\"5\"/>"
      "</flowRegion><flowPara>Hi</flowPara></flowRoot><text x=\"1\" y=\"2\">kept</text></svg>";
  auto out = clean_svg(in);
  REQUIRE(out.has_value());
  CHECK(*out ==
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><text x=\"1\" y=\"2\">kept</text></svg>\n");
}
