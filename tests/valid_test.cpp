// Valid by construction: posts whose raw HTML and SVG images break the XHTML and SVG schemas in the ways real
// sites do still make books epubcheck accepts (issue 13, item 9).
#include <doctest/doctest.h>

#include "support.h"

using namespace mkepub::test;

TEST_CASE("valid: lists in lists, stray dl children and a hostile SVG still make a valid book") {
  TempDir tmp;
  spit(tmp / "in/post.md",
       "---\ntitle: Post\n---\n"
       "<dl><dt>A</dt><dd>B</dd>\n\n<dt>C</dt></dl>\n\n"
       "<ul><li>one</li><ul><li>n</li></ul></ul>\n\n"
       "<dl><dt>T</dt>\n\n    code\n\n</dl>\n\n"
       "<p>a<li>b</li></p>\n\n"
       "![drawing](d.svg)\n");
  spit(tmp / "in/d.svg",
       "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10\" "
       "height=\"10\" content=\"&lt;mxfile/&gt;\"><path/><path d=\"M0 0L1 1\" stroke=\"black\" font-size=\"30\"/>"
       "<image width=\"1\" height=\"1\" xlink:href=\"https://e.com/x.png\"/>"
       "<a target=\"_blank\" xlink:href=\"https://e.com/\"><text x=\"1\" y=\"5\">t</text></a></svg>\n");
  auto r = run_mkepub(quote((tmp / "in").string()) + " -o " + quote((tmp / "book.epub").string()) + " -q");
  INFO(r.output);
  REQUIRE(r.code == 0);
  require_valid(tmp / "book.epub");
}
