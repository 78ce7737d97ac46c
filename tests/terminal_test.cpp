// mkepub on a terminal as a user sees it, through a pseudo-terminal (util-linux's `script`): colours, NO_COLOR.
#include <doctest/doctest.h>

#include "base/terminal.h"
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

TEST_CASE("on a narrow terminal the progress line fits it, and Ctrl-C erases it before the prompt") {
  if (run("command -v script >/dev/null").code != 0) return;
  TempDir tmp;
  fs::create_directories(tmp / "posts");
  for (int i = 0; i < 3000; ++i)
    spit(tmp / "posts" / ("p" + std::to_string(i) + ".md"),
         "---\ntitle: 第" + std::to_string(i) +
             "篇\n---\n# 标题\n\n正文，*强调*，`code`。\n\n```cpp\nint x = 1;\n```\n");
  std::string command = "stty cols 24; " + quote(MKEPUB_BINARY) + " " + quote((tmp / "posts").string()) + " -o " +
                        quote((tmp / "x.epub").string()) + " -j1 & pid=$!; sleep 0.6; kill -INT $pid; wait $pid; " +
                        "echo EXIT=$?";
  auto r = run("script -qec " + quote(command) + " /dev/null");
  INFO(r.output);
  const std::string erase = "\r\033[K";
  size_t drawn = r.output.find(erase);
  if (drawn == std::string::npos || r.output.find("EXIT=130") == std::string::npos) {
    MESSAGE("the build ended before the progress line was drawn and stopped; nothing to check");
    return;
  }
  // Every drawing: at most 23 columns (one short of 24), and the last thing before the shell speaks is an erase.
  for (size_t at = drawn; at != std::string::npos;) {
    size_t next = r.output.find(erase, at + erase.size());
    std::string line = r.output.substr(at + erase.size(), next == std::string::npos ? 0 : next - at - erase.size());
    CHECK(mkepub::display_width(line) <= 23);
    at = next;
  }
  CHECK(r.output.find(erase + "EXIT=130") != std::string::npos);
  CHECK(temporaries(tmp.path) == 0);
}
