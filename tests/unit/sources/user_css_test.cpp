// --css stylesheets kept inside the book (user_css.h).
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

TEST_CASE("clean_user_css: @import, @charset and url(...) declarations go, the rest stays as written") {
  Diagnostics diag;
  const std::string css =
      "@charset \"utf-8\";\n@import url('https://x/y.css') screen;\n"
      "body { color: #111; background: url(paper.png) repeat; margin: 0 }\n"
      "@font-face { font-family: X; src: url(\"https://x/y.woff2\") }\n"
      "/* url( in a comment */ p::before { content: \"url(\"; }\n";
  CHECK(clean_user_css(css, "u.css", diag) ==
        "\nbody { color: #111; margin: 0 }\n@font-face { font-family: X;}\n"
        "/* url( in a comment */ p::before { content: \"url(\"; }\n");
  CHECK(warnings_of(diag) ==
        Strings{
            "u.css:1:1: warning: `@charset` left out: it may only open a stylesheet, and the book's is UTF-8",
            "u.css:2:1: warning: `@import` left out: the book carries no file a stylesheet names",
            "u.css:3:33: warning: a declaration with url(...) left out: the book carries no file a stylesheet names",
            "u.css:4:35: warning: a declaration with url(...) left out: the book carries no file a stylesheet names",
        });
}

TEST_CASE("clean_user_css: a stylesheet with nothing to leave out is kept byte for byte") {
  Diagnostics diag;
  const std::string css = "h1 { font-weight: 700 }\n.note::after { content: '}'; }\n";
  CHECK(clean_user_css(css, "u.css", diag) == css);
  CHECK(diag.warnings().empty());
}
