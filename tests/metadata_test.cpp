// Book metadata as readers see it: every documented key of mkepub.yaml and every author and keyword field of
// the front matter reaches content.opf, passes epubcheck, and reads back in calibre (ebook-meta).
#include <doctest/doctest.h>

#include <cstdlib>
#include <map>
#include <optional>
#include <sstream>

#include "epub/container.h"
#include "support.h"

using namespace mkepub;
using namespace mkepub::test;

namespace {

const char* kPost =
    "---\n"
    "title: On Trains\n"
    "date: 2024-03-01\n"
    "author: [Cy Poster, {name: Di Poster, email: di@example.com}]\n"
    "tags: [travel]\n"
    "keywords: trains, timetables\n"
    "---\n"
    "Notes from the window seat.\n";

std::string opf_of(const fs::path& epub) {
  for (auto& e : unzip_entries(slurp(epub)))
    if (e.path == "EPUB/content.opf") return e.bytes;
  return "";
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// `ebook-meta BOOK` as field -> value ("Author(s)" -> "Ann & Bo"); nullopt when calibre is not installed.
std::optional<std::map<std::string, std::string>> calibre_fields(const fs::path& epub) {
  if (run("command -v ebook-meta").code != 0) return std::nullopt;
  auto r = run("ebook-meta " + quote(epub.string()));
  INFO(r.output);
  REQUIRE(r.code == 0);
  std::map<std::string, std::string> fields;
  std::istringstream lines(r.output);
  for (std::string line; std::getline(lines, line);) {
    auto colon = line.find(" : ");
    if (colon == std::string::npos) continue;
    auto key = line.substr(0, colon);
    key.erase(key.find_last_not_of(' ') + 1);
    fields[key] = line.substr(colon + 3);
  }
  return fields;
}

// Missing calibre skips the reader side of the check, except under CI=true (as reader_check.sh does).
bool calibre_missing() {
  const char* ci = std::getenv("CI");
  if (ci && std::string(ci) == "true") FAIL("ebook-meta (calibre) is missing; under CI=true that is a failure");
  MESSAGE("skipped: ebook-meta (calibre) is absent, content.opf checked without it");
  return true;
}

}  // namespace

TEST_CASE("metadata: mkepub.yaml's publisher, rights, series and authors reach the book and calibre") {
  TempDir tmp;
  spit(tmp / "in/mkepub.yaml",
       "title: Collected\n"
       "authors: [Ann Writer, Bo Editor]\n"
       "language: en\n"
       "publisher: Self & Co\n"
       "rights: CC BY 4.0\n"
       "series: Collected Posts\n"
       "series_index: 2\n");
  spit(tmp / "in/2024-03-01-trains.md", kPost);
  auto r = run_mkepub(quote((tmp / "in").string()) + " -o " + quote((tmp / "book.epub").string()));
  INFO(r.output);
  REQUIRE(r.code == 0);
  require_valid(tmp / "book.epub");

  auto opf = opf_of(tmp / "book.epub");
  INFO(opf);
  for (const char* line : {"<dc:creator id=\"creator1\">Ann Writer</dc:creator>",
                           "<dc:creator id=\"creator2\">Bo Editor</dc:creator>",
                           "<dc:publisher>Self &amp; Co</dc:publisher>", "<dc:rights>CC BY 4.0</dc:rights>",
                           "<dc:subject>travel</dc:subject>", "<dc:subject>trains</dc:subject>",
                           "<dc:subject>timetables</dc:subject>",
                           "<meta property=\"belongs-to-collection\" id=\"series\">Collected Posts</meta>",
                           "<meta refines=\"#series\" property=\"collection-type\">series</meta>",
                           "<meta refines=\"#series\" property=\"group-position\">2</meta>",
                           "<meta name=\"calibre:series\" content=\"Collected Posts\" />",
                           "<meta name=\"calibre:series_index\" content=\"2\" />"})
    CHECK_MESSAGE(has(opf, line), line);
  CHECK_FALSE(has(opf, "Poster"));  // the config's authors win over the posts'

  auto fields = calibre_fields(tmp / "book.epub");
  if (!fields && calibre_missing()) return;
  CHECK((*fields)["Title"] == "Collected");
  CHECK((*fields)["Author(s)"] == "Ann Writer & Bo Editor");
  CHECK((*fields)["Publisher"] == "Self & Co");
  // calibre 6's OPF 3 reader (opf3.py read_metadata) leaves dc:rights unread; should it ever read it, it must agree.
  if (fields->count("Rights")) CHECK((*fields)["Rights"] == "CC BY 4.0");
  CHECK((*fields)["Series"] == "Collected Posts #2");
  CHECK((*fields)["Tags"] == "travel, trains, timetables");
}

TEST_CASE("metadata: a post's author list gives one creator each, which calibre shows as the authors") {
  TempDir tmp;
  spit(tmp / "in/2024-03-01-trains.md", kPost);
  auto r = run_mkepub(quote((tmp / "in").string()) + " -o " + quote((tmp / "book.epub").string()));
  INFO(r.output);
  REQUIRE(r.code == 0);
  require_valid(tmp / "book.epub");
  auto opf = opf_of(tmp / "book.epub");
  INFO(opf);
  CHECK(has(opf, "<dc:creator id=\"creator1\">Cy Poster</dc:creator>"));
  CHECK(has(opf, "<dc:creator id=\"creator2\">Di Poster</dc:creator>"));
  for (const char* absent : {"dc:publisher", "dc:rights", "belongs-to-collection", "calibre:series"})
    CHECK_MESSAGE(!has(opf, absent), absent);

  auto fields = calibre_fields(tmp / "book.epub");
  if (!fields && calibre_missing()) return;
  CHECK((*fields)["Author(s)"] == "Cy Poster & Di Poster");
  CHECK(fields->count("Series") == 0);
}

TEST_CASE("metadata: a site's author list (_config.yml, book.toml) gives one creator each") {
  TempDir tmp;
  spit(tmp / "jekyll/_config.yml", "title: Site\nauthor:\n  - Ann\n  - {name: Bob, email: bob@example.com}\n");
  spit(tmp / "jekyll/_posts/2024-03-01-trains.md", kPost);
  spit(tmp / "mdbook/book.toml", "[book]\ntitle = \"Guide\"\nauthors = [\"Ann\", \"Bob\"]\n");
  spit(tmp / "mdbook/src/SUMMARY.md", "# Summary\n\n- [Intro](intro.md)\n");
  spit(tmp / "mdbook/src/intro.md", "# Intro\n\nText.\n");
  for (const char* site : {"jekyll", "mdbook"}) {
    CAPTURE(site);
    auto epub = tmp / (std::string(site) + ".epub");
    auto r = run_mkepub(quote((tmp / site).string()) + " -o " + quote(epub.string()));
    INFO(r.output);
    REQUIRE(r.code == 0);
    require_valid(epub);
    auto opf = opf_of(epub);
    CHECK(has(opf, "<dc:creator id=\"creator1\">Ann</dc:creator>"));
    CHECK(has(opf, "<dc:creator id=\"creator2\">Bob</dc:creator>"));
    CHECK_FALSE(has(opf, "creator3"));
  }
}

TEST_CASE("metadata: -M and --metadata-file set book-config keys over mkepub.yaml, under the flags") {
  TempDir tmp;
  spit(tmp / "book/posts/trains.md", kPost);
  spit(tmp / "book/mkepub.yaml", "title: From Config\npublisher: Config Press\nseries: Config Series\n");
  spit(tmp / "meta.yaml", "publisher: File Press\nseries: File Series\nrights: CC BY 4.0\n");
  const std::string in = quote((tmp / "book").string()), out = " -o " + quote((tmp / "out.epub").string());
  auto r = run_mkepub(in + out + " --metadata-file " + quote((tmp / "meta.yaml").string()) +
                      " -M 'series=Trains: #1' -M author=Ann -M author=Bo -M toc_depth=1");
  INFO(r.output);
  REQUIRE(r.code == 0);
  require_valid(tmp / "out.epub");
  auto opf = opf_of(tmp / "out.epub");
  CHECK(has(opf, "<dc:title id=\"title\">From Config</dc:title>"));  // a key no one overrode
  CHECK(has(opf, "<dc:publisher>File Press</dc:publisher>"));          // the file over the config
  CHECK(has(opf, ">Trains: #1</meta>"));                                // -M over the file, as text
  CHECK(has(opf, "<dc:rights>CC BY 4.0</dc:rights>"));
  CHECK(has(opf, "<dc:creator id=\"creator1\">Ann</dc:creator>"));      // given twice: a list
  CHECK(has(opf, "<dc:creator id=\"creator2\">Bo</dc:creator>"));
  // A flag wins over -M.
  REQUIRE(run_mkepub(in + out + " -q -M title=FromM --title FromFlag").code == 0);
  CHECK(has(opf_of(tmp / "out.epub"), ">FromFlag</dc:title>"));
  REQUIRE(run_mkepub(in + out + " -q -M title=FromM").code == 0);
  CHECK(has(opf_of(tmp / "out.epub"), ">FromM</dc:title>"));
}

TEST_CASE("metadata: a wrong -M key or value is an error naming -M, with the close key, nothing written") {
  TempDir tmp;
  spit(tmp / "posts/trains.md", kPost);
  const std::string in = quote((tmp / "posts").string()), out = " -o " + quote((tmp / "out.epub").string());
  auto typo = run_mkepub(in + out + " -M titel=X");
  CHECK(typo.code == 1);
  CHECK(typo.output.rfind("-M:1:1: error: unknown key `titel` (did you mean `title`?); valid keys: authors,", 0) == 0);
  auto number = run_mkepub(in + out + " -M title=A -M toc_depth=nine");
  CHECK(number.code == 1);
  CHECK(number.output.rfind("-M:2:", 0) == 0);
  spit(tmp / "meta.yaml", "title: A\nbooks: []\n");
  auto books = run_mkepub(in + out + " --metadata-file " + quote((tmp / "meta.yaml").string()));
  CHECK(books.code == 1);
  CHECK(books.output.find("meta.yaml:2:1: error: `books` cannot appear inside a book") != std::string::npos);
  CHECK_FALSE(fs::exists(tmp / "out.epub"));
}
