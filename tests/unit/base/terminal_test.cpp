// Terminal text (terminal.h): widths in columns, cutting and padding by them, colour only when wanted.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdlib>

#include "base/terminal.h"

using namespace mkepub;

TEST_CASE("display_width: CJK ideographs and fullwidth forms take two columns, combining marks none") {
  CHECK(display_width("book.epub") == 9);
  CHECK(display_width("技术.epub") == 9);
  CHECK(display_width("日本語のタグ") == 12);
  CHECK(display_width("ＡＢ") == 4);       // fullwidth Latin
  CHECK(display_width("e\xcc\x81") == 1);  // e + combining acute
  CHECK(display_width("\xc2\xb7") == 1);   // the progress line's middle dot
  CHECK(display_width("") == 0);
}

TEST_CASE("fit_to_width cuts by columns and never inside a character") {
  CHECK(fit_to_width("技术文章", 5) == "技术");
  CHECK(fit_to_width("技术文章", 4) == "技术");
  CHECK(fit_to_width("ab技术", 3) == "ab");
  CHECK(fit_to_width("abc", 10) == "abc");
  CHECK(fit_to_width("abc", 0).empty());
}

TEST_CASE("pad_to_width pads to the columns a terminal shows, left or right") {
  CHECK(pad_to_width("技术", 6) == "技术  ");
  CHECK(pad_to_width("ab", 6) == "ab    ");
  CHECK(pad_to_width("12", 4, true) == "  12");
  CHECK(pad_to_width("longer than", 4) == "longer than");
}

TEST_CASE("terminal_columns: $COLUMNS when the descriptor is no terminal, else 80") {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  setenv("COLUMNS", "37", 1);
  CHECK(terminal_columns(fds[0]) == 37);
  setenv("COLUMNS", "wide", 1);
  CHECK(terminal_columns(fds[0]) == 80);
  unsetenv("COLUMNS");
  CHECK(terminal_columns(fds[0]) == 80);
  CHECK_FALSE(colour_wanted(fds[1]));  // a pipe is never coloured
  close(fds[0]);
  close(fds[1]);
}

TEST_CASE("coloured_severity: gcc's colours for error, warning and note") {
  CHECK(coloured_severity("error") == "\033[1;31merror\033[0m");
  CHECK(coloured_severity("warning") == "\033[1;35mwarning\033[0m");
  CHECK(coloured_severity("note") == "\033[1;36mnote\033[0m");
}
