// The rewrites that keep cmark-gfm 0.29.0.gfm.6 linear (linear_markdown.h): each leaves ordinary text alone, and
// each rewritten text renders as the original does.
#include <doctest/doctest.h>

#include "base/diagnostics.h"
#include "render/linear_markdown.h"
#include "render/markdown.h"
#include "../strings.h"

using namespace mkepub;

namespace {

// The rewritten text, which must render as `markdown` does.
std::string rewritten_same(const std::string& markdown) {
  std::string out = linear_markdown(markdown);
  REQUIRE_FALSE(out.empty());
  CHECK(render_markdown(out).html == render_markdown(markdown).html);
  return out;
}

}  // namespace

TEST_CASE("linear markdown: ordinary text is left alone") {
  CHECK(linear_markdown("a [link](x) and ![img](y) <?php x ?> <!-- c -->\n\n| a | b |\n|---|---|\n| 1 |\n") == "");
  CHECK(linear_markdown(repeat("[x] ", kMaxUnclosedOpeners)) == "");
  CHECK(linear_markdown("a" + repeat("<?", kMaxUnclosedOpeners)) == "");
  CHECK(linear_markdown(repeat("www.a_", kMaxWwwInOneWord + 1)) == "");  // the first www. follows no `_`
}

TEST_CASE("linear markdown: unclosed bracket openers before links are escaped") {
  std::string md = repeat("![", 100) + repeat("[]()", 100) + "\n\n[ok](x)\n";
  std::string out = rewritten_same(md);
  CHECK(out.rfind(repeat("!\\[", 100), 0) == 0);
  CHECK(out.find("[ok](x)") != std::string::npos);
  rewritten_same(repeat("[", 100) + repeat("[a](b)", 100) + "\n");
}

TEST_CASE("linear markdown: brackets in code spans and fenced code are not counted") {
  CHECK(linear_markdown("`" + repeat("[", 100) + "`\n") == "");
  CHECK(linear_markdown("```\n" + repeat("[", 100) + "\n```\n") == "");
  CHECK(linear_markdown("a " + repeat("`", 100) + repeat("[", 100) + "\n") != "");  // unclosed backticks are text
}

TEST_CASE("linear markdown: processing instructions, CDATA and comments that never close are escaped") {
  for (std::string open : {"<?", "<![CDATA[", "<!--"}) {
    CAPTURE(open);
    std::string out = rewritten_same("a " + repeat(open, 100) + "\n");
    CHECK(out.rfind("a \\<", 0) == 0);
    size_t escaped = 0;
    for (size_t at = 0; (at = out.find("\\<", at)) != std::string::npos; ++at) ++escaped;
    CHECK(escaped == 100);
  }
  // Those before the last closer are raw HTML and stay; at a line's start they open an HTML block.
  std::string out = rewritten_same("a <? b ?> " + repeat("<?", 100) + "\n");
  CHECK(out.rfind("a <? b ?> \\<?", 0) == 0);
  CHECK(linear_markdown(repeat("<?\n", 100)) == "");
}

TEST_CASE("linear markdown: www. after an underscore inside one word stops being an autolink start") {
  std::string out = rewritten_same("x " + repeat("www.a_", 100) + "\n");
  CHECK(out.find("_www&#46;a") != std::string::npos);
  CHECK(out.find("x " + repeat("www.a_", kMaxWwwInOneWord + 1)) == 0);  // the first ones stay
  CHECK(linear_markdown(repeat("www.a_ ", 100)) == "");                 // separate words
  // A word that ends in a valid host name is one link, found in one scan: it stays.
  CHECK(linear_markdown("x " + repeat("www.a_", 100) + "www.example.com\n") == "");
  rewritten_same("x _" + repeat("www.b.c.d_", 100) + "x\n");
}

TEST_CASE("linear markdown: a table ends before its autocompleted cells pass the limit") {
  const size_t columns = 1000, rows = kMaxAutocompletedCells / (columns - 1) + 3;
  std::string md = "|" + repeat("a|", columns) + "\n|" + repeat("-|", columns) + "\n" + repeat("x\n", rows);
  std::string out = linear_markdown(md);
  REQUIRE_FALSE(out.empty());
  size_t blank = out.find("\n\n");
  REQUIRE(blank != std::string::npos);
  // Rows are admitted while fewer than the limit were added before them, as later cmark-gfm does.
  size_t admitted = kMaxAutocompletedCells / (columns - 1) + 1;
  size_t header = md.find("x\n");
  CHECK((blank + 1 - header) / 2 == admitted);
  CHECK(out.size() == md.size() + 1);
}

TEST_CASE("linear markdown: inside a block quote the table ends within the quote") {
  const size_t columns = 1000;
  std::string md = "> |" + repeat("a|", columns) + "\n> |" + repeat("-|", columns) + "\n" +
                   repeat("> x\n", kMaxAutocompletedCells / (columns - 1) + 3);
  CHECK(linear_markdown(md).find("\n>\n> x") != std::string::npos);
}

TEST_CASE("linear markdown: a row loses the cells past the header's count") {
  std::string md = "| a | b |\n|---|---|\n|1|2|" + repeat("3|", kMaxTableColumns + 5) + "\nafter\n";
  std::string out = rewritten_same(md);
  CHECK(out == "| a | b |\n|---|---|\n|1|2|\nafter\n");
}

TEST_CASE("linear markdown: a table wider than the limit is an error at its delimiter row") {
  std::string md = "text\n\n|" + repeat("a|", kMaxTableColumns + 1) + "\n|" + repeat("-|", kMaxTableColumns + 1) + "\n";
  try {
    linear_markdown(md);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.where.line == 4);
    CHECK(std::string(e.what()) == "a table of more than 1000 columns");
  }
  std::string narrow = "|" + repeat("a|", kMaxTableColumns) + "\n|" + repeat("-|", kMaxTableColumns) + "\n";
  CHECK(linear_markdown(narrow) == "");
}

TEST_CASE("linear markdown: render_markdown names the post's line of a too wide table") {
  std::string md = "|" + repeat("a|", 2000) + "\n|" + repeat("-|", 2000) + "\n";
  try {
    render_markdown(md, 10);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.where.line == 11);
  }
}
