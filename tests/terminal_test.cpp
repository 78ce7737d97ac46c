// mkepub on a terminal as a user sees it, through a pseudo-terminal (util-linux's `script`): colours, NO_COLOR.
#include <doctest/doctest.h>

#include "support.h"

using namespace mkepub::test;

TEST_CASE("on a terminal error: and warning: are coloured, and NO_COLOR turns the colours off") {
  if (run("command -v script >/dev/null").code != 0) {
    MESSAGE("script (util-linux) is not installed");
    return;
  }
  TempDir tmp;
  spit(tmp / "bad.md", "---\ntitle: [unclosed\n---\nText.\n");
  std::string command =
      quote(MKEPUB_BINARY) + " " + quote((tmp / "bad.md").string()) + " -o " + quote((tmp / "x.epub").string());
  auto coloured = run("script -qec " + quote(command) + " /dev/null");
  CHECK(coloured.code == 1);
  CHECK(coloured.output.find("\033[1;31merror\033[0m: ") != std::string::npos);
  auto plain = run("NO_COLOR=1 script -qec " + quote(command) + " /dev/null");
  CHECK(plain.output.find("error: ") != std::string::npos);
  CHECK(plain.output.find('\033') == std::string::npos);
  auto empty = run("NO_COLOR= script -qec " + quote(command) + " /dev/null");  // empty: as if unset
  CHECK(empty.output.find("\033[1;31merror") != std::string::npos);
  auto piped = run(command);  // off a terminal: the bytes the other tests expect
  CHECK(piped.output.find('\033') == std::string::npos);
}
