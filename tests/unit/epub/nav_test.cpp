// Navigation (nav.h): one outline of the book, written as the EPUB 3 nav document and the EPUB 2 NCX.
#include <doctest/doctest.h>

#include <deque>

#include "render/chapter.h"
#include "epub/nav.h"
#include "../strings.h"

using namespace mkepub;

namespace {


// A book of posts rendered in memory; the posts live as long as the chapters that point at them.
struct TestBook {
  std::deque<Post> posts;
  Book book;

  TestBook() {
    book.meta.identifier = "urn:uuid:89cf7422-55c7-583f-a434-4c7da8a03e62";
    book.meta.title = "My Book";
    book.meta.language = "en";
  }

  Post& add(const std::string& title, const std::string& body) {
    Post& post = posts.emplace_back();
    post.file = "posts/p" + std::to_string(posts.size()) + ".md";
    post.display = post.file.generic_string();
    post.title = title;
    post.body = body;
    return post;
  }

  // Renders the posts added so far.
  Book& render() {
    Diagnostics diag;
    book.chapters.clear();
    for (size_t i = 0; i < posts.size(); ++i) {
      char href[32];
      std::snprintf(href, sizeof href, "text/c%04zu.xhtml", i + 1);
      book.chapters.push_back(render_chapter(posts[i], href, diag));
    }
    CHECK(diag.warnings().empty());
    return book;
  }
};

// The outline as indented lines: "  label -> href".
void flatten(const std::vector<TocNode>& nodes, int depth, Strings& out) {
  for (const auto& n : nodes) {
    out.push_back(std::string(depth * 2, ' ') + n.label + " -> " + n.href);
    flatten(n.children, depth + 1, out);
  }
}

Strings outline_of(const Book& book) {
  Strings out;
  flatten(build_outline(book), 0, out);
  return out;
}

}  // namespace

TEST_CASE("build_outline: chapters with their headings nested, down to toc_depth") {
  TestBook t;
  t.add("First", "## One\n\n### One.A\n\n#### Deep\n\n## Two\n");
  t.add("Second", "Text only.\n");
  Book& book = t.render();
  CHECK(outline_of(book) == Strings{
                                "First -> text/c0001.xhtml",
                                "  One -> text/c0001.xhtml#one",
                                "    One.A -> text/c0001.xhtml#one-a",
                                "  Two -> text/c0001.xhtml#two",
                                "Second -> text/c0002.xhtml",
                            });
  book.toc_depth = 4;
  CHECK(outline_of(book) == Strings{
                                "First -> text/c0001.xhtml",
                                "  One -> text/c0001.xhtml#one",
                                "    One.A -> text/c0001.xhtml#one-a",
                                "      Deep -> text/c0001.xhtml#deep",
                                "  Two -> text/c0001.xhtml#two",
                                "Second -> text/c0002.xhtml",
                            });
  book.toc_depth = 1;
  CHECK(outline_of(book) == Strings{"First -> text/c0001.xhtml", "Second -> text/c0002.xhtml"});
}

TEST_CASE("build_outline: toc: false keeps a post's sections out — toc_number labels them") {
  TestBook t;
  t.add("Hidden", "## Section\n").toc = false;
  t.add("Numbered", "## A\n\n### B\n\n## C\n").toc_number = true;
  CHECK(outline_of(t.render()) == Strings{
                                      "Hidden -> text/c0001.xhtml",
                                      "Numbered -> text/c0002.xhtml",
                                      "  1 A -> text/c0002.xhtml#a",
                                      "    1.1 B -> text/c0002.xhtml#b",
                                      "  2 C -> text/c0002.xhtml#c",
                                  });
}

TEST_CASE("build_outline: regression: a heading of no text made an empty link in the nav (RSC-005)") {
  TestBook t;
  t.add("Post", "## One\n\n## <a id=\"x\"></a>\n\n## Two\n");
  CHECK(outline_of(t.render()) == Strings{
                                      "Post -> text/c0001.xhtml",
                                      "  One -> text/c0001.xhtml#one",
                                      "  Two -> text/c0001.xhtml#two",
                                  });
}

TEST_CASE("render_nav: the toc nav and the landmarks") {
  TestBook t;
  t.add("First", "## One\n\n### One.A\n");
  t.add("Second & Last", "");
  Book& book = t.render();
  CHECK(render_nav(book, build_outline(book)) ==
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<!DOCTYPE html>\n"
        "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"en\" "
        "xml:lang=\"en\"><head><meta charset=\"utf-8\"/>\n"
        "<title>My Book</title>\n"
        "<link rel=\"stylesheet\" type=\"text/css\" href=\"styles/book.css\"/>\n"
        "</head>\n"
        "<body><nav epub:type=\"toc\" role=\"doc-toc\" id=\"toc\"><h1>Contents</h1>\n"
        "<ol><li><a href=\"text/c0001.xhtml\">First</a><ol><li><a href=\"text/c0001.xhtml#one\">One</a><ol><li><a "
        "href=\"text/c0001.xhtml#one-a\">One.A</a></li>\n"
        "</ol>\n"
        "</li>\n"
        "</ol>\n"
        "</li>\n"
        "<li><a href=\"text/c0002.xhtml\">Second &amp; Last</a></li>\n"
        "</ol>\n"
        "</nav>\n"
        "<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\"><h2>Landmarks</h2>\n"
        "<ol><li><a epub:type=\"titlepage\" href=\"titlepage.xhtml\">My Book</a></li>\n"
        "<li><a epub:type=\"toc\" href=\"nav.xhtml#toc\">Contents</a></li>\n"
        "<li><a epub:type=\"bodymatter\" href=\"text/c0001.xhtml\">First</a></li>\n"
        "</ol>\n"
        "</nav>\n"
        "</body>\n"
        "</html>\n");
}

TEST_CASE("render_nav: the heading in the book's language") {
  TestBook t;
  t.add("第一章", "");
  t.book.meta.language = "zh-Hant-TW";
  std::string nav = render_nav(t.render(), build_outline(t.book));
  CHECK(nav.find("lang=\"zh-Hant-TW\" xml:lang=\"zh-Hant-TW\"") != std::string::npos);
  CHECK(nav.find("<h1>目錄</h1>") != std::string::npos);
  CHECK(nav.find(">目錄</a>") != std::string::npos);
}

TEST_CASE("render_ncx: the same tree with play order") {
  TestBook t;
  t.add("First", "## One\n\n### One.A\n\n## Two\n");
  t.add("Second & Last", "");
  Book& book = t.render();
  CHECK(render_ncx(book, build_outline(book)) ==
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\" xml:lang=\"en\">\n"
        "  <head>\n"
        "    <meta name=\"dtb:uid\" content=\"urn:uuid:89cf7422-55c7-583f-a434-4c7da8a03e62\" />\n"
        "    <meta name=\"dtb:depth\" content=\"3\" />\n"
        "    <meta name=\"dtb:totalPageCount\" content=\"0\" />\n"
        "    <meta name=\"dtb:maxPageNumber\" content=\"0\" />\n"
        "  </head>\n"
        "  <docTitle>\n"
        "    <text>My Book</text>\n"
        "  </docTitle>\n"
        "  <navMap>\n"
        "    <navPoint id=\"np-1\" playOrder=\"1\">\n"
        "      <navLabel>\n"
        "        <text>First</text>\n"
        "      </navLabel>\n"
        "      <content src=\"text/c0001.xhtml\" />\n"
        "      <navPoint id=\"np-2\" playOrder=\"2\">\n"
        "        <navLabel>\n"
        "          <text>One</text>\n"
        "        </navLabel>\n"
        "        <content src=\"text/c0001.xhtml#one\" />\n"
        "        <navPoint id=\"np-3\" playOrder=\"3\">\n"
        "          <navLabel>\n"
        "            <text>One.A</text>\n"
        "          </navLabel>\n"
        "          <content src=\"text/c0001.xhtml#one-a\" />\n"
        "        </navPoint>\n"
        "      </navPoint>\n"
        "      <navPoint id=\"np-4\" playOrder=\"4\">\n"
        "        <navLabel>\n"
        "          <text>Two</text>\n"
        "        </navLabel>\n"
        "        <content src=\"text/c0001.xhtml#two\" />\n"
        "      </navPoint>\n"
        "    </navPoint>\n"
        "    <navPoint id=\"np-5\" playOrder=\"5\">\n"
        "      <navLabel>\n"
        "        <text>Second &amp; Last</text>\n"
        "      </navLabel>\n"
        "      <content src=\"text/c0002.xhtml\" />\n"
        "    </navPoint>\n"
        "  </navMap>\n"
        "</ncx>\n");
}

TEST_CASE("render_ncx: depth 1 for a book without sections") {
  TestBook t;
  t.add("Only", "Text.\n");
  Book& book = t.render();
  CHECK(render_ncx(book, build_outline(book)).find("<meta name=\"dtb:depth\" content=\"1\" />") != std::string::npos);
}

TEST_CASE("contents_label: in the book's language") {
  CHECK(contents_label("en") == "Contents");
  CHECK(contents_label("") == "Contents");
  CHECK(contents_label("fr") == "Contents");
  CHECK(contents_label("zh") == "目录");
  CHECK(contents_label("zh-CN") == "目录");
  CHECK(contents_label("zh-Hans") == "目录");
  CHECK(contents_label("zh-TW") == "目錄");
  CHECK(contents_label("zh-HK") == "目錄");
  CHECK(contents_label("zh-Hant") == "目錄");
  CHECK(contents_label("ja") == "目次");
  CHECK(contents_label("ja-JP") == "目次");
  CHECK(contents_label("ko") == "목차");
}

TEST_CASE("contents_label: regression: zh-Hant-TW and zh-MO got the Simplified label") {
  CHECK(contents_label("zh-Hant-TW") == "目錄");
  CHECK(contents_label("zh-MO") == "目錄");
  CHECK(contents_label("zh-Hans-HK") == "目录");
}

TEST_CASE("build_outline: chapters nested deeper than kMaxChapterNesting are listed at that depth, with a note") {
  TestBook t;
  const int deep = static_cast<int>(kMaxChapterNesting) + 10;
  for (int i = 0; i <= deep; ++i) t.add("C" + std::to_string(i), "## S\n").nesting = i;
  Book& book = t.render();
  auto outline = build_outline(book);
  // Down the chain of chapters: each chapter's first child is its section S, its second the next chapter.
  std::vector<const TocNode*> chain = {&outline.at(0)};
  while (chain.back()->children.size() > 1) chain.push_back(&chain.back()->children[1]);
  CHECK(chain.size() == kMaxChapterNesting + 1);
  CHECK(chain.back()->label == "C" + std::to_string(kMaxChapterNesting));
  const TocNode& parent = *chain[chain.size() - 2];
  REQUIRE(parent.children.size() == 12);  // S, the chapter at the cap, and the ten below it beside it
  CHECK(parent.children.back().label == "C" + std::to_string(deep));
  Diagnostics diag;
  fit_toc_depth(book, 1 << 30, diag);
  REQUIRE(diag.notes().size() == 1);
  CHECK(diag.notes()[0].message.find("chapters nested 101 levels deep") == 0);
}
