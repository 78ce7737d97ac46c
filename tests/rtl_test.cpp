// Right-to-left books (issue 13, item 7): an Arabic, Hebrew, Persian or Urdu blog is detected as such and laid out
// right to left, the way its readers read it: dir on the pages, pages turned leftwards, code left to right.
#include <doctest/doctest.h>

#include "epub/container.h"
#include "support.h"

using namespace mkepub;
using namespace mkepub::test;

namespace {

std::map<std::string, std::string> build(const TempDir& tmp, const std::string& flags = "") {
  auto r = run_mkepub(quote((tmp / "in").string()) + " -o " + quote((tmp / "book.epub").string()) + " -q" + flags);
  INFO(r.output);
  REQUIRE(r.code == 0);
  require_valid(tmp / "book.epub");
  std::map<std::string, std::string> files;
  for (auto& e : unzip_entries(slurp(tmp / "book.epub"))) files[e.path] = e.bytes;
  return files;
}

std::string root_of(const std::string& page) {
  return page.substr(page.find("<html"), page.find('>', page.find("<html")) - page.find("<html"));
}

}  // namespace

TEST_CASE("rtl: an Arabic blog is an Arabic book, right to left, with its code and its English chapter left to right") {
  TempDir tmp;
  spit(tmp / "in/01.md",
       "---\ntitle: مقدمة\ndate: 2024-01-02\n---\nهذا مقال عن الكتب الإلكترونية. نستخدم الأمر `git commit` هنا.\n\n"
       "```sh\necho left to right\n```\n");
  spit(tmp / "in/02.md",
       "---\ntitle: English\ndate: 2024-01-03\n---\nThis chapter is written in English, left to right.\n");
  auto files = build(tmp);
  CHECK(files["EPUB/content.opf"].find("<dc:language>ar</dc:language>") != std::string::npos);
  CHECK(files["EPUB/content.opf"].find("page-progression-direction=\"rtl\"") != std::string::npos);
  CHECK(root_of(files["EPUB/text/c0001.xhtml"]).find("lang=\"ar\" xml:lang=\"ar\" dir=\"rtl\"") != std::string::npos);
  CHECK(files["EPUB/text/c0001.xhtml"].find("<code dir=\"ltr\">git commit</code>") != std::string::npos);
  CHECK(files["EPUB/text/c0001.xhtml"].find("<pre dir=\"ltr\">") != std::string::npos);
  CHECK(root_of(files["EPUB/text/c0002.xhtml"]).find("lang=\"en\" xml:lang=\"en\" dir=\"ltr\"") != std::string::npos);
  CHECK(root_of(files["EPUB/nav.xhtml"]).find("dir=\"rtl\"") != std::string::npos);
  CHECK(files["EPUB/nav.xhtml"].find("المحتويات") != std::string::npos);
  CHECK(root_of(files["EPUB/titlepage.xhtml"]).find("dir=\"rtl\"") != std::string::npos);
}

TEST_CASE("rtl: --language he makes a Hebrew book of any text, and an English book has no dir and turns pages rightwards") {
  TempDir tmp;
  spit(tmp / "in/01.md", "---\ntitle: One\n---\nזהו מאמר על ספרים אלקטרוניים.\n");
  auto files = build(tmp, " --language he");
  CHECK(files["EPUB/content.opf"].find("page-progression-direction=\"rtl\"") != std::string::npos);
  CHECK(root_of(files["EPUB/text/c0001.xhtml"]).find("dir=\"rtl\"") != std::string::npos);
  TempDir en;
  spit(en / "in/01.md", "---\ntitle: One\n---\nAn English text.\n");
  files = build(en);
  CHECK(files["EPUB/content.opf"].find("page-progression-direction") == std::string::npos);
  CHECK(root_of(files["EPUB/text/c0001.xhtml"]).find("dir=") == std::string::npos);
}
