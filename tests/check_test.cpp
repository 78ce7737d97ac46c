// `mkepub check`: the self-check on books already made, against epubcheck's verdict on the same books.
#include <doctest/doctest.h>

#include "epub/container.h"
#include "support.h"

using namespace mkepub;
using namespace mkepub::test;

namespace {

const std::string kSource = MKEPUB_SOURCE_DIR;

// `book` with `extra` put into its first chapter's body.
void spoil(const fs::path& book, const fs::path& out, const std::string& extra) {
  auto entries = unzip_entries(slurp(book));
  for (auto& e : entries)
    if (e.path == "EPUB/text/c0001.xhtml") e.bytes.replace(e.bytes.find("</body>"), 0, extra);
  spit(out, zip_entries(entries));
}

}  // namespace

TEST_CASE("check: a sound book passes, as in epubcheck") {
  TempDir tmp;
  REQUIRE(run_mkepub(quote(kSource + "/seeds/") + " -q -o " + quote(tmp / "book.epub")).code == 0);
  auto r = run_mkepub("check " + quote(tmp / "book.epub"));
  CHECK(r.code == 0);
  CHECK(r.output.empty());
  require_valid(tmp / "book.epub");
}

TEST_CASE("check: a broken link and a list inside a list are named with epubcheck's codes, as epubcheck rejects") {
  TempDir tmp;
  REQUIRE(run_mkepub(quote(kSource + "/seeds/") + " -q -o " + quote(tmp / "book.epub")).code == 0);
  spoil(tmp / "book.epub", tmp / "bad.epub",
        "<p><a href=\"gone.xhtml\">gone</a></p><ul><ul><li>nested</li></ul></ul>");
  auto r = run_mkepub("check " + quote(tmp / "book.epub") + " " + quote(tmp / "bad.epub"));
  INFO(r.output);
  CHECK(r.code == 1);
  const std::string page = (tmp / "bad.epub").string() + "/EPUB/text/c0001.xhtml: error: ";
  CHECK(r.output.find(page + "RSC-007: link to gone.xhtml, which is not in the book") != std::string::npos);
  CHECK(r.output.find(page + "RSC-005: ") != std::string::npos);
  CHECK(r.output.find("<ul>") != std::string::npos);
  CHECK(r.output.find((tmp / "book.epub").string()) == std::string::npos);  // the sound one says nothing
  auto verdict = epubcheck(tmp / "bad.epub");
  CHECK(verdict.errors > 0);
  CHECK(verdict.output.find("RSC-007") != std::string::npos);
  CHECK(verdict.output.find("RSC-005") != std::string::npos);
}

TEST_CASE("check: what is no EPUB at all is an error naming it, and usage errors exit 2") {
  TempDir tmp;
  spit(tmp / "not.epub", "just text");
  auto r = run_mkepub("check " + quote(tmp / "not.epub") + " " + quote(tmp / "none.epub"));
  CHECK(r.code == 1);
  CHECK(r.output.find((tmp / "not.epub").string() + ": error: PKG-004: not a readable EPUB container") !=
        std::string::npos);
  CHECK(r.output.find((tmp / "none.epub").string() + ": error: cannot read the book") != std::string::npos);
  CHECK(run_mkepub("check").code == 2);
}
