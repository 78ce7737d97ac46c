// --css stylesheets kept inside the book (user_css.h), by the templates' rule (css_loads.h).
#include <doctest/doctest.h>

#include "sources/user_css.h"
#include "../strings.h"

using namespace mkepub;

namespace {

Strings warnings_of(const Diagnostics& diag) {
  Strings out;
  for (const auto& w : diag.warnings()) out.push_back(w.format("warning"));
  return out;
}

}  // namespace

TEST_CASE("clean_user_css: @charset and @import go, url(...) loads nothing, with a warning at the first") {
  Diagnostics diag;
  const std::string css =
      "@charset \"utf-8\";\nh1 { color: #111 }\n@import url('https://x/y.css') screen;\n"
      "body { background: url(paper.png) repeat; margin: 0 }\n";
  CHECK(clean_user_css(css, "u.css", diag) == "\nh1 { color: #111 }\n\nbody { background: none repeat; margin: 0 }\n");
  CHECK(warnings_of(diag) == Strings{"u.css:3:1: warning: @import rules left out and url(...) written `none` from "
                                     "here on: the book carries no file a stylesheet names"});
}

TEST_CASE("clean_user_css: kept byte for byte when nothing loads, left out when escapes hide names") {
  Diagnostics diag;
  const std::string css = "h1 { font-weight: 700 }\n.note::after { content: '}'; }\n";
  CHECK(clean_user_css(css, "u.css", diag) == css);
  CHECK(diag.warnings().empty());
  CHECK(clean_user_css("p { background: u\\72l(x.png) }", "u.css", diag).empty());
  REQUIRE(diag.warnings().size() == 1);
  CHECK(warnings_of(diag)[0].starts_with("u.css: warning: left out: it names resources behind CSS escapes"));
}
