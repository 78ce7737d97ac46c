// CSS that loads nothing (css_loads.h): strings in, strings out.
#include <doctest/doctest.h>

#include "render/css_loads.h"

using namespace mkepub;

TEST_CASE("css_without_loads: @import goes, url() to a fragment stays, any other url() is none") {
  CHECK(css_without_loads("@import 'a.css';@IMPORT url(b.css) screen;p{fill:url(#g);x:URL( \"http://e.com\" )}") ==
        "p{fill:url(#g);x:none}");
  CHECK(css_without_loads("p { color: red }") == "p { color: red }");
}

TEST_CASE("css_without_loads: escapes outside strings and other loading functions are refused, strings are text") {
  CHECK(css_without_loads("p { fill: u\\72l(http://e.com) }") == std::nullopt);
  CHECK(css_without_loads("p { background: image-set('a.png' 1x) }") == std::nullopt);
  CHECK(css_without_loads("q::before { content: '\\201C' }") == "q::before { content: '\\201C' }");
}

TEST_CASE("css_value_loads: a style or presentation attribute naming anything but a fragment loads") {
  CHECK_FALSE(css_value_loads("fill:url(#g);stroke:red"));
  CHECK_FALSE(css_value_loads("url('#g')"));
  CHECK(css_value_loads("background:url(x.png)"));
  CHECK(css_value_loads("fill: url(#g); filter: url(//e.com/f#a)"));
  CHECK(css_value_loads("@import 'x'"));
}
