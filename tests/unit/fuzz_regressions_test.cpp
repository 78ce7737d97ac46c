// What the fuzz targets (tests/fuzz) found, each case with the minimized input that showed it: the page it
// makes must be XML that epubcheck takes.
#include <doctest/doctest.h>

#include <pugixml.hpp>

#include "render/chapter.h"
#include "sources/frontmatter.h"
#include "epub/frontpages.h"
#include "epub/nav.h"
#include "epub/opf.h"
#include "base/text.h"

using namespace mkepub;

namespace {

Post post_of(const std::string& text) {
  Diagnostics diag;
  return parse_post(SourceFile{"/p/post.md", "post.md", "/p", text}, diag);
}

std::string chapter_page(const Post& post) {
  Diagnostics diag;
  Chapter ch = render_chapter(post, "text/c0001.xhtml", diag);
  return finish_chapter(*ch.doc, "", "en");
}

std::string title_page(const Post& post) {
  Book book;
  book.meta.title = post.title;
  book.meta.creators = post.authors;
  book.meta.language = "en";
  return render_title_page(book);
}

// The text of the page's <title>, as an XML parser reads it (character references resolved).
std::string title_of(const std::string& page) {
  pugi::xml_document doc;
  REQUIRE(doc.load_string(page.c_str()));
  return doc.select_node("//*[local-name()='title']").node().text().get();
}

}  // namespace

TEST_CASE("fuzz regression: a control character in a front matter title is left out of every page") {
  // fuzz_frontmatter, crash-38c8eb9c: a raw U+0005 in a plain YAML scalar reached <title> as `&#05;`, which XML
  // 1.0 forbids even as a reference. YAML's escapes (\x01, \uFFFE) say the same thing another way; the raw one is
  // now refused as YAML the spec rejects (yaml_oracle.h), so the escapes are what can reach a page.
  CHECK_THROWS_AS(post_of("---\ntitle: Idea\x05s\n---\nbody\n"), InputError);
  for (const char* title : {"\"Idea\\x05s\"", "\"Idea\\x01s\"", "\"Idea\\uFFFEs\"", "\"Idea\\x0Bs\""}) {
    CAPTURE(title);
    Post post = post_of(std::string("---\ntitle: ") + title + "\nauthor: \"A\\x02nn\"\n---\nbody\n");
    CHECK(title_of(chapter_page(post)) == "Ideas");
    CHECK(title_of(title_page(post)) == "Ideas");
    CHECK(title_page(post).find("A\x02nn") == std::string::npos);
  }
}

TEST_CASE("fuzz regression: YAML's \\N and \\_ escapes in a title do not make the page invalid UTF-8") {
  // fuzz_frontmatter, crash-9f813547: yaml-cpp writes `\N` (U+0085) and `\_` (U+00A0) as single Latin-1 bytes.
  Post post = post_of("---\ntitle: \"a\\Nb\\_c\"\n---\n");
  CHECK(title_of(chapter_page(post)) == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c");
}

TEST_CASE("fuzz regression: the package document and the NCX drop what XML forbids too") {
  Book book;
  book.meta.title = "T\x01itle";
  book.meta.creators = {"A\x1Fnn"};
  book.meta.description = "bad \x85 byte";
  book.meta.language = "en";
  book.meta.identifier = "urn:uuid:0";
  auto opf = render_opf(book);
  CHECK(opf.find("<dc:title id=\"title\">Title</dc:title>") != std::string::npos);
  CHECK(opf.find("Ann") != std::string::npos);
  CHECK(opf.find("bad \xEF\xBF\xBD byte") != std::string::npos);
  CHECK(render_ncx(book, {}).find("<text>Title</text>") != std::string::npos);
}

TEST_CASE("xml_text: keeps what XML allows, drops what it forbids, repairs what is not UTF-8") {
  CHECK(xml_text("a\tb\nc\rd") == "a\tb\nc\rd");
  CHECK(xml_text("a\x01\x08\x0B\x0C\x1F" "b") == "ab");
  CHECK(xml_text("a\xEF\xBF\xBE\xEF\xBF\xBF" "b") == "ab");                 // U+FFFE, U+FFFF
  CHECK(xml_text("\xE4\xB8\xAD\xF0\x9F\x98\x80") == "\xE4\xB8\xAD\xF0\x9F\x98\x80");  // 中, an emoji
  CHECK(xml_text("a\x85" "b") == "a\xEF\xBF\xBD" "b");
  CHECK(xml_text("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
  CHECK(xml_text("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
  CHECK(xml_text("\xE4\xB8") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // cut short
}
