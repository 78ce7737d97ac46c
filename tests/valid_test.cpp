// Valid by construction: posts whose raw HTML and SVG images break the XHTML and SVG schemas in the ways real
// sites do still make books epubcheck accepts (issue 13, item 9).
#include <doctest/doctest.h>

#include "epub/nav.h"
#include "support.h"
#include "unit/book/test_images.h"

using namespace mkepub::test;

namespace {

std::string entry(const fs::path& epub, const std::string& name) {
  return run("unzip -p " + quote(epub.string()) + " " + name).output;
}

}  // namespace

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

TEST_CASE("valid: a damaged PNG, JPEG and GIF are left out with a warning each, and the book is valid") {
  TempDir tmp;
  std::string png = make_image(8, 8, 3, ".png");
  png[png.size() - 20] ^= 0x40;
  std::string jpeg = make_image(32, 32, 3, ".jpg", Picture::photo);
  std::string gif = make_image(32, 32, 3, ".gif", Picture::photo);
  spit(tmp / "in/crc.png", png);
  spit(tmp / "in/cut.jpg", jpeg.substr(0, jpeg.size() / 2));
  spit(tmp / "in/cut.gif", gif.substr(0, gif.size() / 2));
  spit(tmp / "in/whole.jpg", jpeg);
  spit(tmp / "in/post.md",
       "---\ntitle: Post\n---\n![A](crc.png)\n\n![B](cut.jpg)\n\n![C](cut.gif)\n\n![D](whole.jpg)\n");
  auto r = run_mkepub(quote((tmp / "in").string()) + " -o " + quote((tmp / "book.epub").string()));
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK(r.output.find("post.md:4: warning: image `crc.png` cannot be read (the PNG's IDAT chunk is damaged (CRC))") !=
        std::string::npos);
  CHECK(r.output.find("image `cut.jpg` cannot be read (the JPEG is cut short)") != std::string::npos);
  CHECK(r.output.find("image `cut.gif` cannot be read (the GIF is cut short)") != std::string::npos);
  require_valid(tmp / "book.epub");
  auto page = entry(tmp / "book.epub", "EPUB/text/c0001.xhtml");
  CHECK(page.find("<p>A</p>") != std::string::npos);
  CHECK(page.find("alt=\"D\"") != std::string::npos);
}

TEST_CASE("valid: a damaged cover is an error naming it, and no book is written") {
  TempDir tmp;
  std::string png = make_image(8, 8, 3, ".png");
  spit(tmp / "cover.png", png.substr(0, png.size() - 30));
  spit(tmp / "in/post.md", "---\ntitle: Post\n---\nText.\n");
  auto r = run_mkepub(quote((tmp / "in").string()) + " --cover " + quote((tmp / "cover.png").string()) + " -o " +
                      quote((tmp / "book.epub").string()));
  INFO(r.output);
  CHECK(r.code == 1);
  CHECK(r.output.find("cover.png: error: the cover image cannot be read (the PNG is cut short)") != std::string::npos);
  CHECK_FALSE(fs::exists(tmp / "book.epub"));
}

TEST_CASE("valid: the issue's hostile SVG (namespaced foreignObject, animations to script, remote CSS, flowRoot)") {
  TempDir tmp;
  spit(tmp / "in/post.md", "---\ntitle: Post\n---\n![x](s.svg)\n");
  spit(tmp / "in/s.svg",
       "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:s=\"http://www.w3.org/2000/svg\" "
       "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10\" height=\"10\">"
       "<style>@import url(http://e.com/a.css); rect { fill: url(http://e.com/x.svg#g) }</style>"
       "<s:foreignObject width=\"5\" height=\"5\"><iframe xmlns=\"http://www.w3.org/1999/xhtml\" "
       "src=\"javascript:alert(1)\"/></s:foreignObject>"
       "<a xlink:href=\"#t\"><set attributeName=\"href\" to=\"javascript:alert(1)\"/>"
       "<animate attributeName=\"xlink:href\" values=\"javascript:alert(1)\"/><text id=\"t\" x=\"1\" "
       "y=\"5\">t</text></a>"
       "<rect width=\"3\" height=\"3\" style=\"fill: url(https://e.com/p.png)\"/>"
       "<flowRoot><flowRegion><rect width=\"5\" height=\"5\"/></flowRegion><flowPara>Hi</flowPara></flowRoot>"
       "<set attributeName=\"onclick\" to=\"alert(1)\"/><object data=\"x.swf\"/></svg>\n");
  auto r = run_mkepub(quote((tmp / "in").string()) + " -o " + quote((tmp / "book.epub").string()) + " -q");
  INFO(r.output);
  REQUIRE(r.code == 0);
  require_valid(tmp / "book.epub");
  auto svg = entry(tmp / "book.epub", "EPUB/images/i0001.svg");
  for (const char* gone : {"javascript", "foreignObject", "iframe", "e.com", "flow", "onclick", "object", "@import"})
    CHECK_MESSAGE(svg.find(gone) == std::string::npos, std::string(gone));
}

TEST_CASE("valid: templates carrying script, onload, an iframe and remote CSS give a valid book, with warnings") {
  TempDir tmp;
  spit(tmp / "in/post.md", "---\ntitle: Post\n---\nText.\n");
  spit(tmp / "t/chapter.xhtml",
       "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html>\n"
       "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\"><head>"
       "<title data-slot=\"title\"></title><link rel=\"stylesheet\" type=\"text/css\" href=\"../styles/book.css\"/>"
       "<link rel=\"stylesheet\" href=\"https://e.com/x.css\"/><script src=\"https://e.com/a.js\"></script></head>"
       "<body onload=\"x()\"><iframe src=\"https://e.com/\"></iframe><h1 data-slot=\"heading\"></h1>"
       "<div data-slot=\"content\"></div></body></html>\n");
  spit(tmp / "t/book.css", "@import url(http://e.com/font.css);\nbody { background: url(https://e.com/b.png) }\n");
  spit(tmp / "in/mkepub.yaml", "templates: ../t\n");
  auto r = run_mkepub(quote((tmp / "in").string()) + " -o " + quote((tmp / "book.epub").string()));
  INFO(r.output);
  REQUIRE(r.code == 0);
  require_valid(tmp / "book.epub");
  CHECK(r.output.find("chapter.xhtml:3:") != std::string::npos);
  CHECK(r.output.find("warning: <script> removed") != std::string::npos);
  CHECK(r.output.find("book.css: warning: @import and url() removed") != std::string::npos);
  auto page = entry(tmp / "book.epub", "EPUB/text/c0001.xhtml");
  for (const char* gone : {"script", "onload", "iframe", "https://e.com"})
    CHECK_MESSAGE(page.find(gone) == std::string::npos, std::string(gone));
  CHECK(entry(tmp / "book.epub", "EPUB/styles/book.css").find("http") == std::string::npos);
}

TEST_CASE("valid: an unterminated quoted title is an error at the post's line, not a title swallowing the date") {
  TempDir tmp;
  spit(tmp / "in/post.md", "---\ntitle: \"unterminated\ndate: 2020-01-01\n---\nText.\n");
  auto r = run_mkepub(quote((tmp / "in").string()) + " -o " + quote((tmp / "book.epub").string()));
  INFO(r.output);
  CHECK(r.code == 1);
  CHECK(r.output.find("post.md:2:8: error: invalid YAML in front matter: while scanning a quoted scalar: found "
                      "unexpected end of stream") != std::string::npos);
}

TEST_CASE("valid: book.toml metadata with NUL, control escapes and blank values makes no cut title or empty dc:") {
  TempDir tmp;
  spit(tmp / "in/book.toml",
       "[book]\ntitle = \"T\\u0000it\\u0007le\"\nauthors = [\"  \", \"A\\u0001B\"]\ndescription = \"   \"\n");
  std::string summary = "# Summary\n\n";
  for (int i = 0; i < 120; ++i) {
    summary += std::string(2 * i, ' ') + "- [C" + std::to_string(i) + "](c" + std::to_string(i) + ".md)\n";
    spit(tmp / ("in/src/c" + std::to_string(i) + ".md"), "# C" + std::to_string(i) + "\n\nText.\n");
  }
  spit(tmp / "in/src/SUMMARY.md", summary);
  auto r = run_mkepub(quote((tmp / "in").string()) + " -o " + quote((tmp / "book.epub").string()));
  INFO(r.output);
  REQUIRE(r.code == 0);
  require_valid(tmp / "book.epub");
  CHECK(r.output.find("chapters nested 120 levels deep") != std::string::npos);
  auto opf = entry(tmp / "book.epub", "EPUB/content.opf");
  CHECK(opf.find("<dc:title id=\"title\">Title</dc:title>") != std::string::npos);
  CHECK(opf.find("<dc:creator id=\"creator1\">AB</dc:creator>") != std::string::npos);
  CHECK(opf.find("dc:description") == std::string::npos);
  auto nav = entry(tmp / "book.epub", "EPUB/nav.xhtml");
  size_t ols = 0;
  for (size_t at = nav.find("<ol>"); at != std::string::npos; at = nav.find("<ol>", at + 1)) ++ols;
  CHECK(ols <= mkepub::kMaxChapterNesting + 2);  // the chapters' levels and the landmarks' list
}
