// render_markdown stays fast on the inputs that made Debian 12's cmark-gfm (0.29.0.gfm.6) or mkepub's own passes
// quadratic: each case took 10 to 60 s or more before (linear_markdown.h; bench/quadratic.sh measures growth).
// The bounds are generous: they catch quadratic time, not a slower machine.
#include <doctest/doctest.h>

#include <chrono>

#include "render/linear_markdown.h"
#include "../strings.h"
#include "render/markdown.h"

using namespace mkepub;

namespace {

size_t count(const std::string& s, std::string_view what) {
  size_t n = 0;
  for (size_t at = 0; (at = s.find(what, at)) != std::string::npos; at += what.size()) ++n;
  return n;
}

// The HTML, rendered within `seconds`.
std::string render_within(const std::string& markdown, double seconds = 10) {
  auto start = std::chrono::steady_clock::now();
  std::string html = render_markdown(markdown).html;
  CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < seconds);
  return html;
}

}  // namespace

TEST_CASE("linear time: bracket openers before images and links") {
  auto html = render_within(repeat("![[]()", 20000) + "\n");
  CHECK(count(html, "<a href=\"\"></a>") == 20000);
  CHECK(count(html, "![") == 20000);
}

TEST_CASE("linear time: processing instructions, CDATA and comments that never close") {
  CHECK(count(render_within("a " + repeat("<?", 100000) + "\n"), "&lt;?") == 100000);
  CHECK(count(render_within("a " + repeat("<![CDATA[", 60000) + "\n"), "&lt;![CDATA[") == 60000);
  CHECK(count(render_within("a " + repeat("<!--", 100000) + "\n"), "&lt;!--") == 100000);
}

TEST_CASE("linear time: www. followed by underscores in one word") {
  auto html = render_within("x " + repeat("www.a_", 20000) + "\n");
  CHECK(html.find("<a ") == std::string::npos);
  CHECK(count(html, "www.a_") == 20000);
}

TEST_CASE("linear time: a wide table of short rows, and a row of many cells") {
  auto html = render_within("|" + repeat("a|", 1000) + "\n|" + repeat("-|", 1000) + "\n" + repeat("x\n", 20000));
  // The table ends before its empty cells pass the limit; the rest is a paragraph.
  CHECK(count(html, "<td></td>") <= kMaxAutocompletedCells + 1000);
  CHECK(count(html, "<tr") == kMaxAutocompletedCells / 999 + 1 + 1);
  CHECK(html.find("<p ") != std::string::npos);
  html = render_within("| a | b |\n|---|---|\n|1|2|" + repeat("3|", 200000) + "\n");
  CHECK(html.find(">2</td>") != std::string::npos);
  CHECK(html.find(">3") == std::string::npos);
}

TEST_CASE("linear time: 90000 references to one footnote") {
  auto html = render_within(repeat("x[^1] ", 90000) + "\n\n[^1]: the note\n");
  CHECK(count(html, "data-footnote-ref=\"\"") == 90000);
  CHECK(html.find("data-footnote-ref>") == std::string::npos);
}
