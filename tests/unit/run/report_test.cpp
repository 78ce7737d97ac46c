// The run's report (report.h): warnings grouped by kind, errors in full.
#include <doctest/doctest.h>

#include "run/report.h"

using namespace mkepub;

TEST_CASE("warnings are grouped by kind: the first few, then a count, then a summary line") {
  Diagnostics diag;
  for (int i = 1; i <= 5; ++i) diag.warn({"a.md", i, 0, "image `x" + std::to_string(i) + ".png` not found", "missing image"});
  diag.warn({"b.md", 2, 0, "link to `y.md` does not lead to a post", "broken link"});
  diag.error({"c.md", 1, 1, "invalid YAML"});
  CHECK(format_report(diag, {false, false, 2}) ==
        "a.md:1: warning: image `x1.png` not found\n"
        "a.md:2: warning: image `x2.png` not found\n"
        "b.md:2: warning: link to `y.md` does not lead to a post\n"
        "... and 3 more warnings of kind `missing image` (--verbose lists them all)\n"
        "c.md:1:1: error: invalid YAML\n"
        "6 warning(s): broken link 1, missing image 5\n");
}

TEST_CASE("--verbose lists every warning and --quiet prints errors only") {
  Diagnostics diag;
  for (int i = 1; i <= 5; ++i) diag.warn({"a.md", i, 0, "w", "k"});
  diag.error({"c.md", 0, 0, "e"});
  auto verbose = format_report(diag, {true, false, 2});
  CHECK(verbose.find("a.md:5: warning: w") != std::string::npos);
  CHECK(verbose.find("more warnings") == std::string::npos);
  CHECK(format_report(diag, {false, true, 2}) == "c.md: error: e\n");
}

TEST_CASE("--keep-going turns a post's error into a warning that says the post was left out") {
  Diagnostics diag;
  diag.post_error({"p.md", 3, 2, "invalid YAML in front matter: x"}, true);
  diag.post_error({"q.md", 1, 1, "bad"}, false);
  REQUIRE(diag.warnings().size() == 1);
  CHECK(diag.warnings()[0].format("warning") ==
        "p.md:3:2: warning: invalid YAML in front matter: x; post left out (--keep-going)");
  CHECK(diag.errors().size() == 1);
}

TEST_CASE("an unknown tag is reported once a book, at its first use in file order, whatever the threads did") {
  Diagnostics diag;
  diag.warn({"b.md", 3, 0, "unknown Hugo shortcode `chart`: kept its text", "unknown tag"});
  diag.warn({"a.md", 9, 0, "unknown Hugo shortcode `chart`: kept its text", "unknown tag"});
  diag.warn({"a.md", 2, 0, "unknown Hugo shortcode `eturl`: kept its text", "unknown tag"});
  CHECK(format_report(diag, {true, false, 5}) ==
        "a.md:2: warning: unknown Hugo shortcode `eturl`: kept its text\n"
        "a.md:9: warning: unknown Hugo shortcode `chart`: kept its text\n"
        "2 warning(s): unknown tag 2\n");
}

TEST_CASE("colour: only the severity is coloured, and nothing without it") {
  Diagnostics diag;
  diag.warn({"a.md", 1, 0, "image `x.png` not found", "missing image"});
  diag.error({"c.md", 1, 1, "invalid YAML"});
  ReportOptions o;
  o.colour = true;
  CHECK(format_report(diag, o) ==
        "a.md:1: \033[1;35mwarning\033[0m: image `x.png` not found\n"
        "c.md:1:1: \033[1;31merror\033[0m: invalid YAML\n"
        "1 warning(s): missing image 1\n");
  o.colour = false;
  CHECK(format_report(diag, o).find('\033') == std::string::npos);
}
