// Self-check (check.h): a sound book has no problems; each kind of damage is named exactly.
#include <doctest/doctest.h>

#include <algorithm>
#include <deque>
#include <pugixml.hpp>

#include "render/chapter.h"
#include "epub/check.h"
#include "epub/package.h"
#include "../strings.h"

using namespace mkepub;

namespace {


// The entries of a small, sound book: two chapters linking to each other, and one image.
std::vector<Entry> sound_book() {
  static std::deque<Post> posts;  // chapters point at their posts while the book is packaged
  posts.clear();
  posts.push_back({});
  posts[0].file = "a.md";
  posts[0].title = "First";
  posts[0].body = "## One\n\n[to two](c0002.xhtml#two)\n";
  posts.push_back({});
  posts[1].file = "b.md";
  posts[1].title = "Second";
  posts[1].body = "## Two\n";
  Diagnostics diag;
  Book book;
  book.meta.identifier = "urn:uuid:89cf7422-55c7-583f-a434-4c7da8a03e62";
  book.meta.title = "Book";
  book.meta.creators = {"Ann"};
  book.meta.language = "en";
  book.meta.date = "2025-07-20";
  book.meta.modified = "2025-07-20T02:20:08Z";
  book.chapters.push_back(render_chapter(posts[0], "text/c0001.xhtml", diag));
  book.chapters.push_back(render_chapter(posts[1], "text/c0002.xhtml", diag));
  // As resolve_links leaves them: the line attributes gone, hrefs relative to the page, the image in the book.
  for (auto& ch : book.chapters)
    for (auto x : ch.doc->select_nodes("//*[@data-mkepub-line]")) x.node().remove_attribute("data-mkepub-line");
  auto p = book.chapters[1].doc->select_node("//section").node().append_child("p");
  auto img = p.append_child("img");
  img.append_attribute("src") = "../images/i0001.png";
  img.append_attribute("alt") = "";
  book.assets.push_back({"pic.png", "images/i0001.png", "image/png", std::string("\x89PNG\r\n\x1a\n", 8)});
  std::vector<Entry> pages;
  for (auto& ch : book.chapters) pages.push_back({"EPUB/" + ch.href, finish_chapter(*ch.doc, ch.language, "en")});
  return package_book(book, std::move(pages));
}

Entry& find(std::vector<Entry>& entries, const std::string& path) {
  auto it = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.path == path; });
  REQUIRE(it != entries.end());
  return *it;
}

void replace(std::string& s, const std::string& from, const std::string& to) {
  auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("check_book: a sound book has no problems") {
  auto entries = sound_book();
  Strings paths;
  for (const auto& e : entries) paths.push_back(e.path);
  CHECK(paths == Strings{"mimetype", "META-INF/container.xml", "EPUB/content.opf", "EPUB/nav.xhtml", "EPUB/toc.ncx",
                         "EPUB/styles/book.css", "EPUB/text/c0001.xhtml", "EPUB/text/c0002.xhtml",
                         "EPUB/images/i0001.png", "EPUB/titlepage.xhtml"});
  CHECK(check_book(entries) == Strings{});
}

TEST_CASE("check_book: a manifest item whose file is missing") {
  auto entries = sound_book();
  entries.erase(std::find_if(entries.begin(), entries.end(),
                             [](const Entry& e) { return e.path == "EPUB/images/i0001.png"; }));
  CHECK(check_book(entries) == Strings{
                                   "EPUB/content.opf: manifest item EPUB/images/i0001.png is not in the book",
                                   "EPUB/text/c0002.xhtml: link to ../images/i0001.png, which is not in the book",
                               });
}

TEST_CASE("check_book: a missing chapter breaks the manifest and every link to it") {
  auto entries = sound_book();
  entries.erase(std::find_if(entries.begin(), entries.end(),
                             [](const Entry& e) { return e.path == "EPUB/text/c0002.xhtml"; }));
  CHECK(check_book(entries) == Strings{
                                   "EPUB/content.opf: manifest item EPUB/text/c0002.xhtml is not in the book",
                                   "EPUB/text/c0002.xhtml is missing",
                                   "EPUB/nav.xhtml: link to text/c0002.xhtml, which is not in the book",
                                   "EPUB/nav.xhtml: link to text/c0002.xhtml#two, which is not in the book",
                                   "EPUB/text/c0001.xhtml: link to c0002.xhtml#two, which is not in the book",
                                   "EPUB/toc.ncx: link to text/c0002.xhtml, which is not in the book",
                                   "EPUB/toc.ncx: link to text/c0002.xhtml#two, which is not in the book",
                               });
}

TEST_CASE("check_book: a file that is not in the manifest") {
  auto entries = sound_book();
  entries.push_back({"EPUB/images/stray.png", "x", false});
  CHECK(check_book(entries) == Strings{"EPUB/images/stray.png is not in the manifest"});
}

TEST_CASE("check_book: a broken fragment") {
  auto entries = sound_book();
  replace(find(entries, "EPUB/text/c0001.xhtml").bytes, "c0002.xhtml#two", "c0002.xhtml#nowhere");
  CHECK(check_book(entries) ==
        Strings{"EPUB/text/c0001.xhtml: link to c0002.xhtml#nowhere, whose fragment does not exist"});
}

TEST_CASE("check_book: a broken fragment within the page, and a fragment into a file that is not XML") {
  auto entries = sound_book();
  replace(find(entries, "EPUB/text/c0002.xhtml").bytes, "../images/i0001.png", "../styles/book.css#x");
  replace(find(entries, "EPUB/text/c0001.xhtml").bytes, "c0002.xhtml#two", "#gone");
  CHECK(check_book(entries) == Strings{
                                   "EPUB/text/c0001.xhtml: link to #gone, whose fragment does not exist",
                                   "EPUB/text/c0002.xhtml: link to ../styles/book.css#x, whose fragment does not exist",
                               });
}

TEST_CASE("check_book: external links are not checked") {
  auto entries = sound_book();
  replace(find(entries, "EPUB/text/c0001.xhtml").bytes, "c0002.xhtml#two", "https://example.com/#x");
  CHECK(check_book(entries) == Strings{});
}

TEST_CASE("check_book: XML that is not well-formed, or lacks its declaration") {
  auto entries = sound_book();
  replace(find(entries, "EPUB/text/c0002.xhtml").bytes, "</section>", "</div>");
  auto& nav = find(entries, "EPUB/nav.xhtml").bytes;
  nav.erase(0, nav.find('\n') + 1);
  auto problems = check_book(entries);
  CAPTURE(problems);
  REQUIRE(problems.size() == 3);
  CHECK(problems[0] == "EPUB/nav.xhtml: does not start with the XML declaration");
  CHECK(problems[1] == "EPUB/nav.xhtml: XML declaration or processing instruction out of place");
  // The byte offset depends on the chapter template; the message names the file and what is wrong.
  CHECK(problems[2].rfind("EPUB/text/c0002.xhtml: not well-formed XML at byte ", 0) == 0);
  CHECK(problems[2].find(": Start-end tags mismatch") != std::string::npos);
}

TEST_CASE("check_book: mimetype must come first, stored") {
  auto entries = sound_book();
  entries[0].stored = false;
  CHECK(check_book(entries) == Strings{"mimetype is not the first, stored entry"});
  entries[0].stored = true;
  std::swap(entries[0], entries[1]);
  CHECK(check_book(entries) == Strings{"mimetype is not the first, stored entry"});
}

TEST_CASE("check_book: nestings the XHTML content model forbids") {
  auto entries = sound_book();
  auto& page = find(entries, "EPUB/text/c0002.xhtml").bytes;
  replace(page, "</section>",
          "<ul><li>a</li><ul><li>b</li></ul></ul><dl><dt>t</dt><dd>d</dd><pre>x</pre></dl>"
          "<p>a<div>b</div></p><dl><dt>t</dt></dl></section>");
  CHECK(check_book(entries) == Strings{
                                   "EPUB/text/c0002.xhtml: <ul> directly inside <ul>",
                                   "EPUB/text/c0002.xhtml: <pre> directly inside <dl>",
                                   "EPUB/text/c0002.xhtml: <div> inside <p>",
                                   "EPUB/text/c0002.xhtml: <dt> without a <dd> after it in <dl>",
                               });
}

TEST_CASE("check_book: a style attribute CSS cannot parse, as epubcheck reports it (CSS-008)") {
  auto entries = sound_book();
  auto& page = find(entries, "EPUB/text/c0002.xhtml").bytes;
  replace(page, "</section>", "<p style=\"padding:\">a</p><p style=\"color: red\">b</p></section>");
  CHECK(check_book(entries) == Strings{"EPUB/text/c0002.xhtml: a style attribute CSS cannot parse: padding:"});
}
