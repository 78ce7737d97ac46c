// Posts shaped like the inputs that make Debian 12's cmark-gfm (0.29.0.gfm.6) take quadratic time
// (src/render/linear_markdown.h), and like those that made mkepub's own passes do: each builds by the real binary
// within a generous time bound into a valid book, or fails with an error naming the line. Timings are bounds, not
// benchmarks (bench/quadratic.sh measures growth).
#include <doctest/doctest.h>

#include <chrono>
#include <string_view>

#include "epub/container.h"
#include "support.h"
#include "unit/strings.h"

using namespace mkepub;
using namespace mkepub::test;

namespace {

struct Built {
  Run run;
  fs::path epub;
  double seconds = 0;
};

Built build(const TempDir& tmp) {
  Built b;
  b.epub = tmp / "book.epub";
  auto start = std::chrono::steady_clock::now();
  b.run = run_mkepub_bounded(quote(tmp / "in") + " -q -o " + quote(b.epub));
  b.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return b;
}

std::string book_text(const fs::path& epub) {
  std::string all;
  for (auto& e : unzip_entries(slurp(epub))) all += e.bytes;
  return all;
}

const std::string kFront = "---\ntitle: T\n---\n";

}  // namespace

TEST_CASE("quadratic input: the rewritten shapes make a valid book") {
  // Past each rewrite's threshold, small enough for epubcheck (unit/render/linear_time_test.cpp has the sizes that
  // took minutes before).
  TempDir tmp;
  spit(tmp / "in/shapes.md", kFront + repeat("![[]()", 300) + "\n\na " + repeat("<?", 300) + "\n\na " +
                                 repeat("<![CDATA[", 300) + "\n\na " + repeat("<!--", 300) + "\n\nx " +
                                 repeat("www.a_", 300) + "\n\n" + repeat("y[^1] ", 300) +
                                 "\n\n| a | b |\n|---|---|\n|1|2|" + repeat("3|", 2000) + "\n\n[^1]: the note\n");
  auto b = build(tmp);
  INFO(b.run.output.substr(0, 2000));
  REQUIRE(b.run.code == 0);
  CHECK(b.seconds < 30);
  require_valid(b.epub);
  auto text = book_text(b.epub);
  size_t openers = 0;  // the image openers, as text, each before the empty link (not CDATA's `<![`)
  for (size_t at = 0; (at = text.find("![<a href=\"\"></a>", at)) != std::string::npos; ++at) ++openers;
  CHECK(openers == 300);
  CHECK(text.find(repeat("&lt;?", 50)) != std::string::npos);
  CHECK(text.find(repeat("&lt;![CDATA[", 50)) != std::string::npos);
  CHECK(text.find(repeat("www.a_", 50)) != std::string::npos);  // one word, no link
  CHECK(text.find("3|3|") == std::string::npos);                // the short table's row cut to 2 cells
}

TEST_CASE("quadratic input: a table of more than 1000 columns is an error at its delimiter row") {
  TempDir tmp;
  spit(tmp / "in/wide.md", kFront + "text\n\n|" + repeat("a|", 20000) + "\n|" + repeat("-|", 20000) + "\n");
  auto b = build(tmp);
  INFO(b.run.output.substr(0, 2000));
  CHECK(b.run.code == 1);
  CHECK(b.run.output.find("in/wide.md:7:1: error: a table of more than 1000 columns") != std::string::npos);
  CHECK(b.seconds < 20);
  CHECK_FALSE(fs::exists(b.epub));
}

TEST_CASE("quadratic input: a large .txt file without front matter in the folder is not a post") {
  TempDir tmp;
  spit(tmp / "in/post.md", kFront + "body\n");
  spit(tmp / "in/notes/server.txt", repeat("2024-01-01 12:00:00 GET /index.html 200\n", 150000));  // 5.9 MB
  spit(tmp / "in/notes/latin1.txt", "caf\xe9\n");
  auto b = build(tmp);
  INFO(b.run.output.substr(0, 2000));
  REQUIRE(b.run.code == 0);
  require_valid(b.epub);
  int chapters = 0;
  for (auto& e : unzip_entries(slurp(b.epub))) chapters += e.path.rfind("EPUB/text/c", 0) == 0;
  CHECK(chapters == 1);
  // With front matter it is a post, and over the limit.
  spit(tmp / "in/notes/server.txt", kFront + repeat("x\n", 3 << 20));
  fs::remove(b.epub);
  auto over = build(tmp);
  CHECK(over.run.code == 1);
  CHECK(over.run.output.find("in/notes/server.txt: error: the post is 6.1 MB") != std::string::npos);
}
