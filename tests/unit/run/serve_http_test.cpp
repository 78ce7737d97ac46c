// The status the page polls: a build number that moves only when the book's bytes do, a failed build's report
// as a JSON string, the last good book kept through a failure.
#include "run/serve_http.h"

#include <doctest/doctest.h>

using namespace mkepub;

TEST_CASE("serve status: builds counted by distinct books, a failure keeps the book and carries the report") {
  ServedBook book;
  CHECK(book.status_json() == R"({"build":0,"building":false,"ok":true,"log":""})");
  CHECK_FALSE(book.epub());
  book.building();
  CHECK(book.status_json() == R"({"build":0,"building":true,"ok":true,"log":""})");
  book.built("PK one");
  CHECK(book.status_json() == R"({"build":1,"building":false,"ok":true,"log":""})");
  book.built("PK one");  // a save that changed nothing in the book: nothing to reload
  CHECK(book.status_json() == R"({"build":1,"building":false,"ok":true,"log":""})");
  book.failed("a.md:3:1: error: \"x\" \\ bad\n\tmkepub: 1 error(s)\n");
  CHECK(
      book.status_json() ==
      R"({"build":1,"building":false,"ok":false,"log":"a.md:3:1: error: \"x\" \\ bad\u000a\u0009mkepub: 1 error(s)\u000a"})");
  CHECK(*book.epub() == "PK one");
  book.built("PK two");
  CHECK(book.status_json() == R"({"build":2,"building":false,"ok":true,"log":""})");
  CHECK(*book.epub() == "PK two");
}
